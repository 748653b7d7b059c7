// CSV that opens right in Excel and LibreOffice: UTF-8 with a BOM, CRLF, every field quoted.

/** A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) is kept as text. */
const defuse = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value)
const field = (value: string | number) => `"${defuse(String(value)).replace(/"/g, '""')}"`

export function toCsv(rows: (string | number)[][]): string {
  return `\uFEFF${rows.map((row) => row.map(field).join(',')).join('\r\n')}\r\n`
}

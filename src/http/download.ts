// A spreadsheet to download: the class's name in the file's name (an ASCII fallback for old browsers).
import type { Context } from 'hono'
import { toCsv } from '../views/csv.ts'

export function csvDownload(c: Context, className: string, what: string, rows: (string | number)[][]) {
  const filename = `${className.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'class'}-${what}.csv`
  return c.body(toCsv(rows), 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="class-${what}.csv"; filename*=UTF-8''${encodeURIComponent(filename)}`,
  })
}

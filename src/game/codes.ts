// Join codes: six characters read off a projector and typed on a phone, so the alphabet
// leaves out look-alikes (0/O, 1/I/L) and vowels-as-digits confusions stay impossible.
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
export const CODE_LENGTH = 6

export function joinCode(random = Math.random): string {
  return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[Math.floor(random() * CODE_ALPHABET.length)]).join('')
}

/** A code as typed: any case, spaces and dashes ignored. Undefined if it cannot be a code. */
export function readCode(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined
  const code = raw.toUpperCase().replace(/[\s-]/g, '')
  return code.length === CODE_LENGTH && [...code].every((ch) => CODE_ALPHABET.includes(ch)) ? code : undefined
}

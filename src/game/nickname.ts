export const NICKNAME_MIN = 2
export const NICKNAME_MAX = 24

/** A nickname tidied for display, or the reason it cannot be used. */
export function readNickname(raw: unknown): { ok: true; value: string } | { ok: false; message: string } {
  if (typeof raw !== 'string') return { ok: false, message: 'Type a nickname.' }
  const value = raw.normalize('NFC').replace(/\s+/g, ' ').trim()
  if (/[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/u.test(value)) return { ok: false, message: 'Use letters, numbers and ordinary punctuation only.' }
  const length = [...value].length
  if (length < NICKNAME_MIN || length > NICKNAME_MAX)
    return { ok: false, message: `A nickname has ${NICKNAME_MIN} to ${NICKNAME_MAX} characters.` }
  return { ok: true, value }
}

/** Folds a typed answer for comparison: case, accents, punctuation and spacing do not count. */
export const foldAnswer = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()

/**
 * Characters no name should hold: control, format (right-to-left overrides, zero-width spaces),
 * private-use and unassigned ones, and U+FFFD, which stands where a browser sent bytes that
 * were not UTF-8.
 */
export const hasUnprintable = (s: string) => /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\uFFFD]/u.test(s)

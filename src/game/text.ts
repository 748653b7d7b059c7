/** Folds a typed answer for comparison: case, accents, punctuation and spacing do not count. */
export const foldAnswer = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()

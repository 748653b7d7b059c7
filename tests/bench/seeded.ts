/** The id of seeded row `i` of a kind ('quiz', 'wref', …: four letters), 22 characters like a real id; the seeding SQL writes the same, `kind || printf('%018d', i)`. */
export const seededId = (kind: string, i: number) => `${kind}${String(i).padStart(22 - kind.length, '0')}`

// Nicknames as long as a class allows (24 characters, the most a nickname may have), each a
// plausible full name, so every list and table is tried at its widest. Letters only: the word
// filter reads digits as leetspeak.

const FIRST =
  'Bartholomew Wilhelmina Maximilian Guinevere Alexandria Christopher Evangeline Florentina Montgomery Theodosia Bernadette Wolfgang Anastasia Leopoldine Cornelius Marguerite Sebastian Clementine Nathaniel Rosalind'
const LAST =
  'Featherstone Wolverhampton Montmorency Abernathy Whitmore Castellanos Fitzwilliam Okonkwo Nakamura Vandermeer Kowalczyk Rasmussen Bartholdi Hollingsworth Delacroix Mwangi Lindqvist Papadopoulos Thistlewood Ravensworth'
const MIDDLE = 'Ann Jo Mae Lee Kai Eve Rae Ivy May Sue Ray Zoe'
const words = (list: string) => list.split(' ')

/** Every "First Last" and "First Middle Last" of exactly 24 characters, taking first names in turn so neighbours differ. */
const ALL: string[] = (() => {
  const byFirst = words(FIRST).map((first) =>
    [
      ...words(LAST).map((last) => `${first} ${last}`),
      ...words(MIDDLE).flatMap((middle) => words(LAST).map((last) => `${first} ${middle} ${last}`)),
    ].filter((name) => name.length === 24),
  )
  const out: string[] = []
  for (let k = 0; byFirst.some((list) => k < list.length); k++) for (const list of byFirst) if (k < list.length) out.push(list[k])
  return out
})()

/** `count` different nicknames of exactly 24 characters, "Bartholomew Featherstone" first (up to 960 of them). */
export function longNames(count: number, from = 0): string[] {
  if (from + count > ALL.length) throw new Error(`there are only ${ALL.length} long names`)
  return ALL.slice(from, from + count)
}

// Reads questions/ from disk and compiles it; shared by the build and questions:json.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { compileBanks, type Compiled } from '../questions/compile.ts'

export const questionsDir = join(import.meta.dirname, '..', '..', 'questions')
const SOURCES = 'sources.yaml'

export function loadBanks(dir = questionsDir): Compiled {
  const file = (name: string) => ({ name: `questions/${name}`, text: readFileSync(join(dir, name), 'utf8') })
  const bankFiles = readdirSync(dir)
    .filter((name) => name.endsWith('.yaml') && name !== SOURCES)
    .sort()
    .map(file)
  return compileBanks(file(SOURCES), bankFiles)
}

import assets from '../generated/assets.json'

/** A kind of page, by the stylesheet it carries: a student's, the projector's or a teacher's (src/cli/build.ts). */
export type Look = keyof typeof assets.styles

/**
 * Each kind of page's stylesheet, joined once per isolate from the files it carries (each file is
 * in the bundle once), exactly as the build hashed it for the CSP.
 */
export const STYLESHEETS = Object.fromEntries(
  Object.entries(assets.styles).map(([look, { sheets }]) => [
    look,
    sheets.map((name) => assets.sheets[name as keyof typeof assets.sheets]).join(''),
  ]),
) as Record<Look, string>

/**
 * A teacher's pages live under /teach and /classes (the picker and a round's report with sheets of
 * their own); the projector's say so; everything else is a student's.
 */
export function lookOf(path: string, projector?: boolean): Look {
  if (projector) return 'projector'
  if (/^\/classes\/pick\/?$/.test(path)) return 'picker'
  if (/^\/teach\/[^/]+\/report\/?$/.test(path)) return 'report'
  return /^\/(teach|classes)(\/|$)/.test(path) ? 'teacher' : 'student'
}

// An option's mark: a letter, a shape and a colour, the same on the projector, the phones, the
// charts and the teacher's page, so a room can say "the blue diamond" or "B" and mean one thing.
// The colour comes from the stylesheet (the `opt-N` class); the shape and the letter carry the
// option where colour cannot (colour-blind eyes, a washed-out projector, a print-out).

export const LETTERS = 'ABCDEFGH'

/** Each option's shape, as SVG paths in a 24 × 24 box: triangle, diamond, circle, square, star, hexagon, pentagon, cross. */
const SHAPES = [
  'M12 3 22 20H2z',
  'M12 2 22 12 12 22 2 12z',
  'M12 2a10 10 0 1 0 0 20 10 10 0 1 0 0-20z',
  'M3 3h18v18H3z',
  'm12 2 2.9 6.6 7.1.7-5.4 4.8 1.6 7L12 17.4 5.8 21.1l1.6-7L2 9.3l7.1-.7z',
  'M7 3h10l5 9-5 9H7l-5-9z',
  'm12 2 10 7.3-3.8 11.7H5.8L2 9.3z',
  'M8 2h8v6h6v8h-6v6H8v-6H2V8h6z',
]

/** The names of the shapes, for a teacher's page or a test that says which mark an option wears. */
export const SHAPE_NAMES = ['triangle', 'diamond', 'circle', 'square', 'star', 'hexagon', 'pentagon', 'cross']

/** The class that gives an option's colour (the tile, the bar, the badge). */
export const optionClass = (i: number) => `opt-${i % SHAPES.length}`

/** The badge: the shape with the letter on it. Hidden from screen readers, which read the option's text (and its letter where the text says it). */
export function OptionMark({ i }: { i: number }) {
  return (
    <span class={`mark ${optionClass(i)}`} aria-hidden="true">
      <svg viewBox="0 0 24 24" class="shape">
        <path d={SHAPES[i % SHAPES.length]} />
      </svg>
      <span class="mark-letter">{LETTERS[i]}</span>
    </span>
  )
}

// A value read from elsewhere (a live game's class, from D1) and read again whenever it changes.
// Reads may overlap (a join's and a teacher's at once) and finish out of order: only the latest
// one started is applied, and a reload waits until that one has landed.
export class LatestRead<T> {
  readonly #read: () => Promise<T>
  readonly #apply: (value: T) => void | Promise<void>
  #loading: Promise<void> | undefined
  #started = 0
  #applied = 0

  constructor(read: () => Promise<T>, apply: (value: T) => void | Promise<void>) {
    this.#read = read
    this.#apply = apply
  }

  /** Reads the first time; later calls wait for that read (or the last reload). A failed read is tried again next time. */
  load(): Promise<void> {
    this.#loading ??= this.#run().catch((e) => {
      this.#loading = undefined
      throw e
    })
    return this.#loading
  }

  /** Reads again, and waits until the latest read (this one, or one begun meanwhile) has been applied. */
  async reload(): Promise<void> {
    this.#loading = undefined
    await this.load()
    while (this.#applied !== this.#started && this.#loading) await this.#loading
  }

  async #run(): Promise<void> {
    const generation = ++this.#started
    const value = await this.#read()
    if (generation !== this.#started) return
    this.#applied = generation
    await this.#apply(value)
  }
}

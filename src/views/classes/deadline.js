// Homework deadlines, where JavaScript runs. The server wrote each time in words in the teacher's
// zone and how long was left when it drew the page: this shows the time in the reader's own zone
// and counts down from the server's figure on this page's own monotonic clock, so a device whose
// clock is wrong still shows the time the server keeps. It also fills an empty time-zone field in
// from this device, and offers the browser's own list of zones. The server decides; nothing here
// lets an answer in or keeps one out.
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone
const english = navigator.languages.find((l) => /^en(-|$)/i.test(l)) ?? 'en-GB'
const inWords = new Intl.DateTimeFormat(english, {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
})

const unit = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`
/** As src/game/deadline.ts timeLeft writes it. */
function timeLeft(ms) {
  const s = Math.max(0, Math.ceil(ms / 1000))
  const [days, hours, minutes, seconds] = [Math.floor(s / 86400), Math.floor((s % 86400) / 3600), Math.floor((s % 3600) / 60), s % 60]
  if (days > 0) return `${unit(days, 'day')}, ${unit(hours, 'hour')}`
  if (hours > 0) return `${unit(hours, 'hour')}, ${unit(minutes, 'minute')}`
  return `${unit(minutes, 'minute')}, ${unit(seconds, 'second')}`
}

// When each countdown was first seen, on the monotonic clock: htmx may swap one in later.
const seen = new WeakMap()
function tick() {
  for (const el of document.querySelectorAll('time[data-local]')) {
    el.removeAttribute('data-local')
    el.textContent = `${inWords.format(new Date(el.dateTime))}, your time (${zone.replace(/_/g, ' ')})`
  }
  for (const el of document.querySelectorAll('[data-time-left]')) {
    if (!seen.has(el)) seen.set(el, performance.now())
    const left = Number(el.dataset.timeLeft) - (performance.now() - seen.get(el))
    if (left > 0) {
      el.textContent = `${timeLeft(left)} left`
      continue
    }
    el.textContent = 'The deadline has passed'
    el.removeAttribute('data-time-left')
    const status = el.parentElement?.querySelector('[data-deadline-status]')
    if (status) status.textContent = 'The deadline has passed: answers are no longer taken.'
  }
  // The zones a teacher may pick from, from this browser's own list: the page carries none.
  for (const list of document.querySelectorAll('datalist[data-time-zones]')) {
    list.removeAttribute('data-time-zones')
    const zones = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')]
    list.replaceChildren(...zones.map((z) => Object.assign(document.createElement('option'), { value: z })))
  }
  for (const input of document.querySelectorAll('input[data-zone-from-device]')) {
    if (input.value === '') input.value = zone
    input.removeAttribute('data-zone-from-device')
  }
}
tick()
setInterval(tick, 1000)

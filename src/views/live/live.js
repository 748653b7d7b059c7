// The small script of a live game's pages and the projector. The server's clock decides when a
// question closes; this only shows the seconds left, from the time left when the screen was drawn
// (no clock skew). A number question with a known range gets a slider, kept in step with its box
// (the box is sent). The projector gets a Full screen button where the browser allows it. And when
// the teacher opens another round, every screen of the last one goes on to it.
const deadlines = new WeakMap()
let following = false
setInterval(() => {
  // A new round opened (src/views/live/next-round.tsx): go on to it.
  const next = document.querySelector('[data-follow]')
  if (next && !following) {
    following = true
    location.assign(next.dataset.follow)
  }
  for (const el of document.querySelectorAll('[data-countdown]')) {
    if (!deadlines.has(el)) deadlines.set(el, Date.now() + Number(el.dataset.countdown))
    el.textContent = String(Math.max(0, Math.ceil((deadlines.get(el) - Date.now()) / 1000)))
  }
  // Screens arrive over the socket: show each new slider, at the box's value or the middle.
  for (const slider of document.querySelectorAll('input[data-slider-for][hidden]')) {
    const box = document.getElementById(slider.dataset.sliderFor)
    if (box && box.value !== '') slider.value = box.value
    slider.hidden = false
  }
}, 250)

document.addEventListener('input', (e) => {
  const el = e.target
  if (el.matches?.('input[data-slider-for]')) {
    const box = document.getElementById(el.dataset.sliderFor)
    if (box) box.value = el.value
  } else if (el.id) {
    const slider = document.querySelector(`input[data-slider-for="${el.id}"]`)
    if (slider && el.value.trim() !== '' && !Number.isNaN(Number(el.value))) slider.value = el.value
  }
})

const fullscreen = document.querySelector('[data-fullscreen]')
if (fullscreen && document.fullscreenEnabled) {
  fullscreen.hidden = false
  fullscreen.addEventListener('click', () =>
    document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen(),
  )
  document.addEventListener('fullscreenchange', () => {
    fullscreen.textContent = document.fullscreenElement ? 'Leave full screen' : 'Full screen'
  })
}

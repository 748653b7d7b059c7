// Counts down the seconds left on a live question. The server's clock decides when the question
// closes; this only shows it, from the time left when the screen was drawn (no clock skew).
const deadlines = new WeakMap()
setInterval(() => {
  for (const el of document.querySelectorAll('[data-countdown]')) {
    if (!deadlines.has(el)) deadlines.set(el, Date.now() + Number(el.dataset.countdown))
    el.textContent = String(Math.max(0, Math.ceil((deadlines.get(el) - Date.now()) / 1000)))
  }
}, 250)

// The site's icon: a white question mark on the accent blue (tokens.css), legible at 16 px in light
// and dark browser chrome. The build writes it under a versioned name for <link rel="icon">, and
// src/routes/favicon.ts answers /favicon.ico with it, which browsers and tools still ask for.
export const FAVICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">' +
  '<rect width="32" height="32" rx="7" fill="#0b5cad"/>' +
  '<path d="M10.6 12.2a5.4 5.4 0 1 1 7.9 4.8c-1.6.9-2.5 1.8-2.5 3.6v.6" fill="none" stroke="#fff" stroke-width="3.6" stroke-linecap="round"/>' +
  '<circle cx="16" cy="26" r="2.3" fill="#fff"/>' +
  '</svg>\n'

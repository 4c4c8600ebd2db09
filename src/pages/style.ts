/**
 * The pages' whole stylesheet, inlined in each page: small enough that a
 * separate request would cost more than it saves, and the first paint needs
 * no second round trip. System fonts only. Colours meet WCAG AA contrast in
 * both schemes (the browser tests run axe on every page).
 */
export const pageStyle = `
:root{color-scheme:light dark;--fg:#1b1b1b;--bg:#fff;--muted:#555;--link:#0b57d0;--rule:#d8d8d8;--accent:#b3261e}
@media (prefers-color-scheme:dark){:root{--fg:#ececec;--bg:#141414;--muted:#b0b0b0;--link:#8ab4f8;--rule:#3a3a3a;--accent:#f2b8b5}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:1.0625rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;overflow-wrap:break-word}
a{color:var(--link)}
a:focus-visible,button:focus-visible{outline:3px solid var(--link);outline-offset:2px}
.skip{position:absolute;left:-999px}
.skip:focus{left:1rem;top:1rem;background:var(--bg);padding:.5rem;z-index:1}
.masthead,main,.colophon{max-width:42rem;margin:0 auto;padding:0 1rem}
.masthead{padding-top:1rem;padding-bottom:.75rem;border-bottom:1px solid var(--rule)}
.brand{font-weight:700;font-size:1.25rem;color:var(--fg);text-decoration:none}
main{padding-top:1.5rem;padding-bottom:2rem}
h1,h2,h3{line-height:1.2}
h1{font-size:clamp(1.75rem,5vw,2.5rem);margin:0 0 .75rem}
.standfirst{font-size:1.25rem;margin:0 0 1rem}
.meta{color:var(--muted);font-size:.9375rem;margin:.25rem 0 1rem}
.lead{margin:0 0 1.5rem}
.lead figcaption{margin-top:.5rem;font-size:.875rem;color:var(--muted)}
.lead .credit{font-style:italic}
img{max-width:100%;height:auto}
.prose table{display:block;overflow-x:auto;border-collapse:collapse}
.prose th,.prose td{border:1px solid var(--rule);padding:.25rem .5rem;text-align:left}
.prose pre{overflow-x:auto}
.prose blockquote{margin:1rem 0;padding-left:1rem;border-left:3px solid var(--rule)}
.corrections{margin:2rem 0;padding:.25rem 1rem;border-left:4px solid var(--accent);background:color-mix(in srgb,var(--accent) 6%,var(--bg))}
.corrections h2{font-size:1rem;margin:.75rem 0 .5rem}
.corrections ol{list-style:none;padding:0;margin:0 0 .75rem}
.corrections li{margin:0 0 .5rem;font-size:.9375rem}
.retraction{border-left:4px solid var(--accent);padding-left:1rem}
.tags{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}
.tags li{border:1px solid var(--rule);border-radius:1rem;padding:0 .6rem;font-size:.875rem}
.headlines{list-style:none;padding:0;margin:0}
.headlines li{padding:1rem 0;border-top:1px solid var(--rule)}
.headlines h3{margin:0;font-size:1.25rem}
.headlines p{margin:.25rem 0 0}
.feeds{padding-left:1.25rem}
.colophon{border-top:1px solid var(--rule);padding-top:1rem;padding-bottom:2rem;color:var(--muted);font-size:.9375rem}
.colophon a{color:inherit}
`.trim()

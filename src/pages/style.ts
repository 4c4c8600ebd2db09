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
.wide{max-width:68rem}
.masthead.wide{text-align:center;padding-top:1.5rem;padding-bottom:1rem;border-bottom:3px double var(--rule)}
.masthead .title{margin:0;font:700 clamp(2rem,8vw,3.5rem)/1.05 Georgia,"Times New Roman",serif;letter-spacing:-.01em}
.masthead .title .brand{font:inherit}
.tagline{margin:.375rem 0 0;color:var(--muted);font-size:1rem}
.front{display:grid;gap:2.5rem}
@media (min-width:60rem){.front{grid-template-columns:minmax(0,2fr) minmax(0,1fr);gap:3rem}.secondary{border-left:1px solid var(--rule);padding-left:2rem}}
.section-label{margin:0 0 1rem;padding-bottom:.375rem;border-bottom:2px solid var(--fg);font-size:.875rem;text-transform:uppercase;letter-spacing:.06em}
.lead-story{padding-bottom:1.25rem}
.lead-image{display:block;width:100%;aspect-ratio:16/9;object-fit:cover;margin:0 0 .875rem;background:var(--rule)}
.lead-story h3{font-size:clamp(1.625rem,5vw,2.375rem);margin:0 0 .5rem}
.lead-story .standfirst{font-size:1.1875rem;margin:0 0 .5rem}
.lead-story h3 a,.headlines :is(h2,h3) a{color:var(--fg);text-decoration:none}
.lead-story h3 a:hover,.headlines :is(h2,h3) a:hover{text-decoration:underline}
.secondary{font-size:.9375rem}
.secondary section+section{margin-top:1.5rem}
.secondary h2{margin:0 0 .5rem;padding-bottom:.375rem;border-bottom:1px solid var(--rule);font-size:.875rem;text-transform:uppercase;letter-spacing:.06em}
.feed-url{display:block;font-size:.8125rem}
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
.headlines h2,.headlines h3{margin:0;font-size:1.25rem}
.headlines p{margin:.25rem 0 0}
.headlines .meta{margin:.25rem 0 0}
.headlines li.has-thumb{display:flex;gap:1rem;align-items:flex-start}
.story{flex:1;min-width:0}
.thumb{flex:none;width:6rem;aspect-ratio:4/3;object-fit:cover;background:var(--rule)}
@media (min-width:40rem){.thumb{width:8.5rem}}
.feeds li{margin:.25rem 0}
.feeds a{white-space:nowrap}
.feeds{padding-left:1.25rem}
.page-head{margin:0 0 1rem}
.kicker{margin:0 0 .25rem;color:var(--accent);font-weight:600;font-size:.875rem;text-transform:uppercase;letter-spacing:.04em}
.kicker a{color:inherit}
.follow{color:var(--muted);font-size:.9375rem}
.avatar{float:right;margin:0 0 .5rem 1rem;border-radius:50%;object-fit:cover}
.bio{margin:.25rem 0}
.pages ul{list-style:none;display:flex;flex-wrap:wrap;justify-content:space-between;gap:.5rem 1.5rem;margin:1.5rem 0 0;padding:1rem 0 0;border-top:1px solid var(--rule)}
.months{list-style:none;padding:0;columns:2 12rem}
.colophon{border-top:1px solid var(--rule);padding-top:1rem;padding-bottom:2rem;color:var(--muted);font-size:.9375rem}
.colophon a{color:inherit}
`.trim()

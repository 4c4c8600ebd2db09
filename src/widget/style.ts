/** Light and dark colours; each pair meets WCAG AA contrast for text and links. */
const palettes = {
  light: { fg: '#1b1b1b', bg: '#fff', muted: '#555', link: '#0b57d0', rule: '#d8d8d8' },
  dark: { fg: '#ececec', bg: '#1b1b1b', muted: '#b0b0b0', link: '#8ab4f8', rule: '#3a3a3a' },
} as const

/** Where the palette is set, and how firmly. */
interface StyleRoot {
  /** The element the palette is set on (`:host`, `:root`). */
  self: string
  /** That element with `data-theme="dark"`. */
  dark: string
  /** That element without `data-theme="light"`, for `prefers-color-scheme: dark`. */
  auto: string
  /** Declarations that start from a clean slate, before the palette. */
  reset?: string
  /**
   * Mark the root's declarations `!important`. In a shadow root that is what
   * makes ours win over the host page's rules for the host element, even its
   * `!important` ones (CSS Cascade 4, "Context").
   */
  important: boolean
}

/**
 * The headline list's stylesheet, for the shadow root of `embed.js` and for
 * the frame page alike: a self-contained card with its own background, so it
 * reads on any host page, light or dark.
 */
export function widgetStyle(root: StyleRoot): string {
  const bang = root.important ? '!important' : ''
  const palette = (scheme: keyof typeof palettes) =>
    Object.entries(palettes[scheme])
      .map(([name, value]) => `--${name}:${value}${bang}`)
      .concat(`color-scheme:${scheme}${bang}`)
      .join(';')
  return [
    `${root.self}{${root.reset ?? ''}${palette('light')}}`,
    `${root.dark}{${palette('dark')}}`,
    `@media (prefers-color-scheme:dark){${root.auto}{${palette('dark')}}}`,
    '.box{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);border:1px solid var(--rule);border-radius:8px;padding:12px 16px;text-align:left}',
    '.label{display:block;margin:0 0 8px;font-weight:700;font-size:13px;line-height:inherit;letter-spacing:.04em;text-transform:uppercase;color:var(--muted)}',
    '.label img{display:inline-block;width:16px;height:16px;margin:0 6px 0 0;vertical-align:-3px;border-radius:3px}',
    'ul{list-style:none;margin:0;padding:0}',
    'li{padding:8px 0;border-top:1px solid var(--rule)}',
    'li:first-child{border-top:0;padding-top:0}',
    'a{color:var(--link);font-weight:600;text-decoration:underline;text-underline-offset:2px}',
    'a:focus-visible{outline:2px solid var(--link);outline-offset:2px}',
    'time{display:block;color:var(--muted);font-size:13px}',
    '.more{margin:8px 0 0;font-size:13px}',
  ].join('\n')
}

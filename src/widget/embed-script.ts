import type { Config } from '../config.ts'
import { timeZoneNames } from '../strings/format.ts'
import { siteStrings } from '../strings/index.ts'
import { headlinesFile } from './headlines.ts'
import { widgetOptions } from './options.ts'
import { widgetStyle } from './style.ts'

export const embedFile = 'embed.js'

/**
 * `embed.js`: partners add
 * `<script src="https://<site>/embed.js" data-count="5" data-tag="…" async></script>`
 * and it renders our latest headlines where the tag is.
 *
 * - Where our site is: the script's own URL (`document.currentScript.src`),
 *   so the one file works on the live site, a fork and the preview server.
 * - Isolation: the list lives in a shadow root, with `all: initial` on the
 *   host, so neither page's CSS reaches the other.
 * - Safety: data from headlines.json becomes text nodes and http(s) `href`s
 *   only, never markup; a title of `<img onerror=…>` shows as those characters.
 * - Failure: a plain link to our site is shown first and stays if
 *   headlines.json cannot be fetched or read; every error is caught, so
 *   nothing is thrown into the host page.
 * - Speed: loaded `async`, no dependencies, no `document.write`; one small
 *   fetch, whose wait holds up nothing on the host page.
 *
 * - Language: the list is in the site's language (`lang` on it, so screen
 *   readers speak it as such on a partner's page in another), its dates the
 *   calendar dates the site gives, in the site's zone, never the visitor's;
 *   a headline in another language has its own `lang` (WCAG 3.1.2).
 *
 * The site's name (for the link shown when the data is unreachable), its
 * language, zone and strings are written in from the config (`SITE`);
 * everything else is the same for every site.
 */
export function embedScript(config: Config): string {
  const style = widgetStyle({
    self: ':host',
    dark: ':host([data-theme=dark])',
    auto: ':host(:not([data-theme=light]))',
    reset: 'all:initial!important;display:block!important;',
    important: true,
  })
  const strings = siteStrings(config)
  const site = {
    lang: config.language,
    zones: timeZoneNames(config.timeZone),
    strings: { headlinesFrom: strings.headlinesFrom, latestFrom: strings.latestFrom, moreFrom: strings.moreFrom },
  }
  // JSON is a valid JavaScript literal for any string, once U+2028 and U+2029
  // are escaped, which engines before ES2019 refuse in a string.
  const literal = (value: unknown) => JSON.stringify(value).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`)
  const values = {
    NAME: literal(config.title),
    SITE: literal(site),
    STYLE: literal(style),
    DATA: literal(headlinesFile),
    DEFAULT_COUNT: String(widgetOptions.defaultCount),
    MAX_COUNT: String(widgetOptions.maxCount),
  }
  return template.replace(/\b(NAME|SITE|STYLE|DATA|DEFAULT_COUNT|MAX_COUNT)\b/g, (name) => values[name as keyof typeof values])
}

/** Plain ES2017, no build step. The capitalised names are filled in by `embedScript`. */
const template = `/* wirefeed headlines: see the README, "Pages and partner headlines". */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src || !script.parentNode) return;
  try {
    var site = new URL('.', script.src).href;
    var ours = SITE;
    // A template's text with its one {placeholder}, the site's name, filled in.
    var say = function (template, name) { return template.replace(/\\{[^{}]*\\}/g, function () { return name; }); };
    var options = script.dataset;
    var count = Math.min(Math.max(parseInt(options.count, 10) || DEFAULT_COUNT, 1), MAX_COUNT);
    var tag = (options.tag || '').trim().toLowerCase();
    var host = document.createElement('wirefeed-headlines');
    if (/^(light|dark)$/.test(options.theme || '')) host.setAttribute('data-theme', options.theme);
    script.parentNode.insertBefore(host, script);
    var root = host.attachShadow({ mode: 'open' });
    var el = function (name, attributes, content) {
      var node = document.createElement(name);
      Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
      (content || []).forEach(function (part) {
        node.appendChild(typeof part === 'string' ? document.createTextNode(part) : part);
      });
      return node;
    };
    var web = function (url) {
      try { var parsed = new URL(url); return /^https?:$/.test(parsed.protocol) ? parsed.href : ''; } catch (e) { return ''; }
    };
    var box = el('div', { class: 'box', lang: ours.lang }, [el('a', { href: site }, [say(ours.strings.headlinesFrom, NAME)])]);
    root.appendChild(el('style', {}, [STYLE]));
    root.appendChild(box);

    var show = function (data) {
      if (!data || data.version !== 1 || !Array.isArray(data.items)) return;
      var name = typeof data.title === 'string' ? data.title : NAME;
      var items = data.items.filter(function (item) {
        return item && typeof item.title === 'string' && web(item.url) &&
          (!tag || (Array.isArray(item.tags) && item.tags.some(function (t) { return String(t).toLowerCase() === tag; })));
      }).slice(0, count);
      if (items.length === 0) return;
      // The calendar date in the site's zone and language; a browser that knows none of the zone's names uses the visitor's.
      var dates = null;
      ours.zones.forEach(function (zone) {
        try { dates = dates || new Intl.DateTimeFormat(ours.lang, { day: 'numeric', month: 'short', year: 'numeric', timeZone: zone }); } catch (e) { /* next */ }
      });
      dates = dates || new Intl.DateTimeFormat(ours.lang, { day: 'numeric', month: 'short', year: 'numeric' });
      var list = items.map(function (item) {
        var date = new Date(item.date);
        var own = typeof item.language === 'string' && /^[A-Za-z0-9-]{1,35}$/.test(item.language) && item.language !== ours.lang;
        var parts = [el('a', own ? { href: web(item.url), lang: item.language } : { href: web(item.url) }, [item.title])];
        if (!isNaN(date.getTime())) parts.push(el('time', { datetime: date.toISOString() }, [dates.format(date)]));
        return el('li', {}, parts);
      });
      // The site's icon, decorative (its name follows), when the data names one on the web.
      var icon = typeof data.icon === 'string' && web(data.icon);
      var label = [say(ours.strings.latestFrom, name)];
      if (icon) label.unshift(el('img', { src: icon, alt: '', width: '16', height: '16' }));
      box.replaceChildren(
        el('p', { class: 'label', id: 'label' }, label),
        // role="list": Safari drops list semantics from a list without bullets.
        el('ul', { role: 'list', 'aria-labelledby': 'label' }, list),
        el('p', { class: 'more' }, [el('a', { href: site }, [say(ours.strings.moreFrom, name)])])
      );
    };
    fetch(new URL(DATA, site).href, { credentials: 'omit' })
      .then(function (response) { if (!response.ok) throw new Error(String(response.status)); return response.json(); })
      .then(show)
      .catch(function () { /* the link to our site stays */ });
  } catch (e) { /* never break the host page */ }
})();
`

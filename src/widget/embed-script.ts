import type { Config } from '../config.ts'
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
 * The site's name is written in from the config (for the link shown when the
 * data is unreachable); everything else is the same for every site.
 */
export function embedScript(config: Config): string {
  const style = widgetStyle({
    self: ':host',
    dark: ':host([data-theme=dark])',
    auto: ':host(:not([data-theme=light]))',
    reset: 'all:initial!important;display:block!important;',
    important: true,
  })
  // JSON is a valid JavaScript literal for any string.
  const values = {
    NAME: JSON.stringify(config.title),
    STYLE: JSON.stringify(style),
    DATA: JSON.stringify(headlinesFile),
    DEFAULT_COUNT: String(widgetOptions.defaultCount),
    MAX_COUNT: String(widgetOptions.maxCount),
  }
  return template.replace(/\b(NAME|STYLE|DATA|DEFAULT_COUNT|MAX_COUNT)\b/g, (name) => values[name as keyof typeof values])
}

/** Plain ES2017, no build step. The capitalised names are filled in by `embedScript`. */
const template = `/* wirefeed headlines: see the README, "Pages and partner headlines". */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src || !script.parentNode) return;
  try {
    var site = new URL('.', script.src).href;
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
    var box = el('div', { class: 'box' }, [el('a', { href: site }, ['Headlines from ' + NAME])]);
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
      var lang = document.documentElement.lang || undefined;
      var list = items.map(function (item) {
        var date = new Date(item.date);
        var parts = [el('a', { href: web(item.url) }, [item.title])];
        if (!isNaN(date.getTime())) {
          var label;
          try { label = date.toLocaleDateString(lang, { day: 'numeric', month: 'short', year: 'numeric' }); } catch (e) { label = date.toDateString(); }
          parts.push(el('time', { datetime: date.toISOString() }, [label]));
        }
        return el('li', {}, parts);
      });
      box.replaceChildren(
        el('p', { class: 'label', id: 'label' }, ['Latest from ' + name]),
        // role="list": Safari drops list semantics from a list without bullets.
        el('ul', { role: 'list', 'aria-labelledby': 'label' }, list),
        el('p', { class: 'more' }, [el('a', { href: site }, ['More from ' + name])])
      );
    };
    fetch(new URL(DATA, site).href, { credentials: 'omit' })
      .then(function (response) { if (!response.ok) throw new Error(String(response.status)); return response.json(); })
      .then(show)
      .catch(function () { /* the link to our site stays */ });
  } catch (e) { /* never break the host page */ }
})();
`

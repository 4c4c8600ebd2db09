import type { Config } from '../config.ts'
import { siteStrings } from '../strings/index.ts'
import { timeZoneNames } from './format.ts'

/** The strings the feed view shows. */
const shown = [
  'feedKicker',
  'feedWhatIsThis',
  'feedExplainer',
  'feedAddressLabel',
  'copyAddress',
  'copied',
  'copyByHand',
  'feedReaderHelp',
  'latestArticles',
  'nothingPublished',
  'goToWebsite',
] as const

/**
 * `feed-view.js`: run by the XHTML `<script>` element in `feed.xml` and
 * `atom.xml` when a browser opens them. It reads the feed's own elements and
 * replaces the document with a page that explains what a feed is, shows the
 * address to subscribe to, and lists the items with links.
 *
 * In the site's language, whatever the visitor's: the site's strings, its
 * language and its time zone are written into the script as data (`SITE`),
 * so a date is the calendar date the site gives it, never the visitor's.
 * A browser too old to know the zone's current name (`Europe/Kyiv`) gets
 * its old one (`Europe/Kiev`), and one that knows neither, the visitor's zone.
 *
 * Safety: feed text only ever becomes text nodes and attribute values; HTML
 * in the feed (RSS descriptions, Atom `type="html"`) is reduced to its text
 * in an inert document made by DOMParser, where nothing runs or loads. Links
 * are kept only when they are http(s).
 *
 * Plain ES2017 in one function, so it runs as it is in every current browser.
 */
export function feedViewScript(config: Config): string {
  const strings = siteStrings(config)
  const site = {
    lang: config.language,
    zones: timeZoneNames(config.timeZone),
    strings: Object.fromEntries(shown.map((key) => [key, strings[key]])),
  }
  // JSON is a valid JavaScript literal (the file is a script of its own, never inline in HTML),
  // once U+2028 and U+2029 are escaped, which engines before ES2019 refuse in a string.
  return template.replace(/\bSITE\b/, () => JSON.stringify(site).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`))
}

const template = `(function () {
  'use strict';
  var site = SITE;
  var strings = site.strings;
  var XHTML = 'http://www.w3.org/1999/xhtml';
  var ATOM = 'http://www.w3.org/2005/Atom';
  var doc = document;
  var root = doc.documentElement;
  // Only in a feed the browser parsed as XML.
  if (!root || root.namespaceURI === XHTML) return;

  function children(parent, ns, name) {
    var found = [];
    for (var node = parent && parent.firstElementChild; node; node = node.nextElementSibling) {
      if (node.namespaceURI === ns && node.localName === name) found.push(node);
    }
    return found;
  }
  function child(parent, ns, name) { return children(parent, ns, name)[0] || null; }
  function text(node) { return node ? node.textContent.trim() : ''; }
  function fromHtml(html) {
    return new DOMParser().parseFromString(html, 'text/html').body.textContent.trim();
  }
  function atomText(node) { return node && node.getAttribute('type') === 'html' ? fromHtml(node.textContent) : text(node); }
  function atomLink(parent, rel) {
    var links = children(parent, ATOM, 'link');
    for (var i = 0; i < links.length; i++) {
      if ((links[i].getAttribute('rel') || 'alternate') === rel) return links[i].getAttribute('href') || '';
    }
    return '';
  }
  function web(url) {
    try { var parsed = new URL(url, location.href); return /^https?:$/.test(parsed.protocol) ? parsed.href : ''; } catch (e) { return ''; }
  }

  function read() {
    if (root.localName === 'rss' && root.namespaceURI === null) {
      var channel = child(root, null, 'channel');
      return {
        format: 'RSS',
        title: text(child(channel, null, 'title')),
        description: text(child(channel, null, 'description')),
        home: text(child(channel, null, 'link')),
        self: atomLink(channel, 'self'),
        items: children(channel, null, 'item').map(function (item) {
          return {
            title: text(child(item, null, 'title')),
            url: text(child(item, null, 'link')),
            date: text(child(item, null, 'pubDate')),
            summary: fromHtml(text(child(item, null, 'description')))
          };
        })
      };
    }
    if (root.localName === 'feed' && root.namespaceURI === ATOM) {
      return {
        format: 'Atom',
        title: atomText(child(root, ATOM, 'title')),
        description: atomText(child(root, ATOM, 'subtitle')),
        home: atomLink(root, 'alternate'),
        self: atomLink(root, 'self'),
        items: children(root, ATOM, 'entry').map(function (entry) {
          return {
            title: atomText(child(entry, ATOM, 'title')),
            url: atomLink(entry, 'alternate'),
            date: text(child(entry, ATOM, 'published')) || text(child(entry, ATOM, 'updated')),
            summary: atomText(child(entry, ATOM, 'summary'))
          };
        })
      };
    }
    return null;
  }

  function el(name, attributes, content) {
    var node = doc.createElementNS(XHTML, name);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    (content || []).forEach(function (part) {
      node.appendChild(typeof part === 'string' ? doc.createTextNode(part) : part);
    });
    return node;
  }
  function link(url, label, attributes) {
    var href = web(url);
    return href ? el('a', Object.assign({ href: href }, attributes), [label]) : el('span', {}, [label]);
  }
  // A template's text with each {placeholder} replaced by its value (the config's validation allows only known ones).
  function say(template, values) {
    return template.replace(/\\{([^{}]*)\\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole;
    });
  }
  // The calendar date in the site's zone and language, as the site's pages show it.
  var dates = null;
  for (var z = 0; z < site.zones.length && !dates; z++) {
    try { dates = new Intl.DateTimeFormat(site.lang, { dateStyle: 'long', timeZone: site.zones[z] }); } catch (e) { dates = null; }
  }
  if (!dates) dates = new Intl.DateTimeFormat(site.lang, { dateStyle: 'long' });
  function when(value) {
    var date = new Date(value);
    if (isNaN(date.getTime())) return el('span', {}, [value]);
    return el('time', { datetime: date.toISOString() }, [dates.format(date)]);
  }

  function page(feed) {
    var kicker = say(strings.feedKicker, { format: feed.format });
    var address = web(feed.self) || location.href;
    var field = el('input', { id: 'address', type: 'url', readonly: 'readonly', value: address });
    field.addEventListener('focus', function () { field.select(); });
    var status = el('p', { role: 'status' });
    var copy = el('button', { type: 'button' }, [strings.copyAddress]);
    copy.addEventListener('click', function () {
      field.select();
      var done = function () { status.textContent = strings.copied; };
      var byHand = function () { status.textContent = strings.copyByHand; };
      if (navigator.clipboard) navigator.clipboard.writeText(address).then(done, byHand);
      else byHand();
    });
    var items = feed.items.map(function (item) {
      return el('li', {}, [
        el('h3', {}, [link(item.url, item.title || item.url)]),
        el('p', { class: 'meta' }, [when(item.date)]),
        el('p', {}, [item.summary])
      ]);
    });
    var body = el('body', {}, [
      el('header', { class: 'masthead' }, [link(feed.home, feed.title, { class: 'brand' })]),
      el('main', { id: 'main' }, [
        el('p', { class: 'kicker' }, [kicker]),
        el('h1', {}, [feed.title]),
        el('p', { class: 'standfirst' }, [feed.description]),
        el('section', { class: 'how', 'aria-labelledby': 'how' }, [
          el('h2', { id: 'how' }, [strings.feedWhatIsThis]),
          el('p', {}, [say(strings.feedExplainer, { title: feed.title })]),
          el('p', {}, [el('label', { for: 'address' }, [strings.feedAddressLabel])]),
          el('div', { class: 'copy' }, [field, copy]),
          status,
          el('p', {}, [strings.feedReaderHelp])
        ]),
        el('section', { 'aria-labelledby': 'latest' }, [
          el('h2', { id: 'latest' }, [strings.latestArticles]),
          items.length ? el('ul', { class: 'headlines' }, items) : el('p', {}, [strings.nothingPublished])
        ])
      ]),
      el('footer', { class: 'colophon' }, [el('p', {}, [link(feed.home, strings.goToWebsite)])])
    ]);
    var head = el('head', {}, [
      el('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      el('title', {}, [feed.title + ' – ' + kicker])
    ]);
    // The interface is in the site's language, and so is the feed.
    return el('html', { lang: site.lang }, [head, body]);
  }

  function show() {
    var feed = read();
    if (feed) doc.replaceChild(page(feed), doc.documentElement);
  }
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', show);
  else show();
})();
`

/**
 * `feed-view.js`: run by the XHTML `<script>` element in `feed.xml` and
 * `atom.xml` when a browser opens them. It reads the feed's own elements and
 * replaces the document with a page that explains what a feed is, shows the
 * address to subscribe to, and lists the items with links.
 *
 * Safety: feed text only ever becomes text nodes and attribute values; HTML
 * in the feed (RSS descriptions, Atom `type="html"`) is reduced to its text
 * in an inert document made by DOMParser, where nothing runs or loads. Links
 * are kept only when they are http(s).
 *
 * Plain ES2017 in one function, so it runs as it is in every current browser.
 */
export const feedViewScript = `(function () {
  'use strict';
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
        lang: text(child(channel, null, 'language')),
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
        lang: root.getAttribute('xml:lang') || '',
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
  function when(value, lang) {
    var date = new Date(value);
    if (isNaN(date.getTime())) return el('span', {}, [value]);
    var label;
    try { label = date.toLocaleDateString(lang || undefined, { dateStyle: 'long' }); } catch (e) { label = date.toDateString(); }
    return el('time', { datetime: date.toISOString() }, [label]);
  }

  function page(feed) {
    var address = web(feed.self) || location.href;
    var field = el('input', { id: 'address', type: 'url', readonly: 'readonly', value: address });
    field.addEventListener('focus', function () { field.select(); });
    var status = el('p', { role: 'status' });
    var copy = el('button', { type: 'button' }, ['Copy address']);
    copy.addEventListener('click', function () {
      field.select();
      var done = function () { status.textContent = 'Copied. Now paste it into your news reader.'; };
      if (navigator.clipboard) navigator.clipboard.writeText(address).then(done, function () { status.textContent = 'Press Ctrl+C (or ⌘C) to copy the selected address.'; });
      else status.textContent = 'Press Ctrl+C (or ⌘C) to copy the selected address.';
    });
    var items = feed.items.map(function (item) {
      return el('li', {}, [
        el('h3', {}, [link(item.url, item.title || item.url)]),
        el('p', { class: 'meta' }, [when(item.date, feed.lang)]),
        el('p', {}, [item.summary])
      ]);
    });
    var body = el('body', {}, [
      el('header', { class: 'masthead' }, [link(feed.home, feed.title, { class: 'brand' })]),
      el('main', { id: 'main' }, [
        el('p', { class: 'kicker' }, [feed.format + ' feed']),
        el('h1', {}, [feed.title]),
        el('p', { class: 'standfirst' }, [feed.description]),
        el('section', { class: 'how', 'aria-labelledby': 'how' }, [
          el('h2', { id: 'how' }, ['What is this page?']),
          el('p', {}, ['This is a web feed. Add its address to a news reader app and every new article from ' + feed.title + ' comes to you as it is published: no account, no algorithm, no tracking.']),
          el('p', {}, [el('label', { for: 'address' }, ['The address to subscribe to:'])]),
          el('div', { class: 'copy' }, [field, copy]),
          status,
          el('p', {}, ['In your reader, choose “Add feed” or “Subscribe” and paste it. Free readers include NetNewsWire, Feedly, Inoreader, NewsBlur and Thunderbird.'])
        ]),
        el('section', { 'aria-labelledby': 'latest' }, [
          el('h2', { id: 'latest' }, ['Latest articles']),
          items.length ? el('ul', { class: 'headlines' }, items) : el('p', {}, ['Nothing has been published yet.'])
        ])
      ]),
      el('footer', { class: 'colophon' }, [el('p', {}, [link(feed.home, 'Go to the website')])])
    ]);
    var head = el('head', {}, [
      el('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      el('title', {}, [feed.title + ' – ' + feed.format + ' feed'])
    ]);
    return el('html', feed.lang ? { lang: feed.lang } : {}, [head, body]);
  }

  function show() {
    var feed = read();
    if (feed) doc.replaceChild(page(feed), doc.documentElement);
  }
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', show);
  else show();
})();
`

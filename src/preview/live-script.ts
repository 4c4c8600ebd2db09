/**
 * The script the preview adds to each HTML page it serves with --watch (see
 * src/preview/live-reload.ts): it reloads the page after a build that
 * changed the output, and shows the errors of a build that failed over the
 * page, until the next good one. Plain ES2017 for any browser a desk uses;
 * everything it shows is set as text (`textContent`), never parsed as HTML:
 * an error's message quotes what the writer typed, which may be markup. Its
 * box lives in a shadow root, so the page's styles and its own never mix.
 */
export const liveScript = `(function () {
  'use strict';
  var script = document.currentScript;
  var generation = Number(script && script.getAttribute('data-generation'));
  if (!window.EventSource || !window.JSON) return;
  var host;

  function element(name, attributes, children) {
    var node = document.createElement(name);
    for (var key in attributes) node.setAttribute(key, attributes[key]);
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  function hide() {
    if (host) host.remove();
    host = undefined;
  }

  function show(problems) {
    hide();
    var errors = problems.filter(function (problem) { return problem.severity === 'error'; });
    var items = errors.map(function (problem) {
      var place = (problem.file ? problem.file + ':' + problem.line + ':' + problem.column : 'the build');
      var lines = [element('code', { class: 'place' }, [place]), ' ', problem.message, ' ', element('span', { class: 'rule' }, ['[' + problem.rule + ']'])];
      if (problem.fix) lines.push(element('div', { class: 'fix' }, ['fix: ' + problem.fix]));
      return element('li', {}, lines);
    });
    var count = errors.length === 1 ? '1 error' : errors.length + ' errors';
    var close = element('button', { type: 'button' }, ['Dismiss']);
    var box = element('section', { role: 'alert', 'aria-labelledby': 'wirefeed-title' }, [
      element('h2', { id: 'wirefeed-title' }, ['The last build failed (' + count + '); this is the last good one.']),
      element('ol', {}, items),
      close
    ]);
    var style = element('style', {}, [
      ':host{all:initial}' +
      'section{position:fixed;z-index:2147483647;top:0;left:0;right:0;max-height:60vh;overflow:auto;margin:0;padding:1rem 1.25rem;' +
      'background:#fff4f4;color:#1b1b1b;border-bottom:4px solid #b3261e;font:0.9375rem/1.5 system-ui,sans-serif;box-shadow:0 2px 12px rgba(0,0,0,.25)}' +
      '@media (prefers-color-scheme:dark){section{background:#2b1414;color:#f1e6e6;border-color:#f2b8b5}}' +
      'h2{font-size:1rem;margin:0 0 .5rem}' +
      'ol{margin:0 0 .75rem;padding-left:1.5rem}' +
      'li{margin:.25rem 0;overflow-wrap:anywhere}' +
      'code{font:0.875rem ui-monospace,SFMono-Regular,Menlo,monospace}' +
      '.rule,.fix{opacity:.8}' +
      'button{font:inherit;padding:.25rem .75rem}'
    ]);
    host = element('wirefeed-errors', {});
    var root = host.attachShadow ? host.attachShadow({ mode: 'open' }) : host;
    root.appendChild(style);
    root.appendChild(box);
    close.addEventListener('click', hide);
    (document.body || document.documentElement).appendChild(host);
  }

  var source = new EventSource('/_wirefeed/events');
  function update(event) {
    var state;
    try { state = JSON.parse(event.data); } catch (error) { return; }
    // A page of another output than the one served now: reload it (shown again with the errors, if any).
    if (state.generation !== generation) return location.reload();
    if (state.problems) show(state.problems);
    else hide();
  }
  ['changed', 'ok', 'failed'].forEach(function (name) { source.addEventListener(name, update); });
})();
`

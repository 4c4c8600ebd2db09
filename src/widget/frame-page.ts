import { h } from 'hastscript'
import type { Config } from '../config.ts'
import type { FeedModel } from '../feeds/model.ts'
import { partLanguage } from '../languages.ts'
import { displayDate } from '../strings/format.ts'
import { htmlDocument } from '../pages/layout.ts'
import { fill, siteStrings } from '../strings/index.ts'
import { widgetOptions } from './options.ts'
import { widgetStyle } from './style.ts'

export const framePageFile = 'embed/headlines.html'

/**
 * `embed/headlines.html`, for partners who cannot add a script to their page:
 * `<iframe src="https://<site>/embed/headlines.html?count=5&tag=…">`. Every
 * headline is in the HTML, each with its tags; without any JavaScript the
 * frame shows the newest five. A few lines of script inside the frame (ours,
 * on our origin; the partner's page runs nothing) apply `count`, `tag` and
 * `theme` from the query. Links open in the partner's window (`target=_top`).
 */
export function framePage(model: FeedModel, config: Config): string {
  const strings = siteStrings(config)
  const latest = fill(strings.latestFrom, { site: config.title })
  const style = [
    widgetStyle({ self: ':root', dark: ':root[data-theme=dark]', auto: ':root:not([data-theme=light])', important: false }),
    'body{margin:0;background:transparent}',
    // Until the script has applied the query, show what the default would.
    `ul:not(.chosen) li:nth-child(n+${widgetOptions.defaultCount + 1}){display:none}`,
    '[hidden]{display:none!important}',
  ].join('\n')
  return htmlDocument(config.language, latest, [
    h('meta', { name: 'robots', content: 'noindex' }),
    h('base', { target: '_top' }),
    h('style', style),
  ], [
    // The frame is a document of its own: a main landmark and a first-level heading, as axe expects of one.
    h('main.box', [
      h('h1.label', { id: 'label' }, [
        // The site's icon, decorative: its name follows.
        ...(config.siteImages?.icon ? [h('img', { src: config.siteImages.icon.url, alt: '', width: 16, height: 16 })] : []),
        latest,
      ]),
      model.items.length === 0
        ? h('p', strings.nothingPublished)
        : h(
            'ul',
            // role="list": Safari drops list semantics from a list without bullets.
            { role: 'list', ariaLabelledBy: 'label' },
            model.items.map((item) =>
              h('li', { dataTags: JSON.stringify(item.tags.map((tag) => tag.toLowerCase())) }, [
                // A headline in another language than the site's says so (WCAG 3.1.2).
                h('a', { href: item.url, ...partLanguage(item.language, config.language) }, item.title),
                h('time', { dateTime: item.published.toISOString() }, displayDate(item.published, config.language, config.timeZone)),
              ]),
            ),
          ),
      h('p.more', [h('a', { href: config.url }, fill(strings.moreFrom, { site: config.title }))]),
    ]),
    h('script', frameScript),
  ])
}

/** Applies the query to the list; a constant, with nothing from the data in it. */
const frameScript = `(function () {
  var query = new URLSearchParams(location.search);
  var theme = query.get('theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.setAttribute('data-theme', theme);
  var list = document.querySelector('ul');
  if (!list) return;
  var count = Math.min(Math.max(parseInt(query.get('count'), 10) || ${widgetOptions.defaultCount}, 1), ${widgetOptions.maxCount});
  var tag = (query.get('tag') || '').trim().toLowerCase();
  var shown = 0;
  Array.prototype.forEach.call(list.children, function (item) {
    var tags = JSON.parse(item.getAttribute('data-tags') || '[]');
    var match = (!tag || tags.indexOf(tag) !== -1) && shown < count;
    if (match) shown++;
    item.hidden = !match;
  });
  list.classList.add('chosen');
})();`

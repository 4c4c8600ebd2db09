import type { Strings } from './keys.ts'

/**
 * The interface in Ukrainian: `uk` and every `uk-…` site. Written as a
 * Ukrainian newsroom writes it; "RSS-читач" for a news reader app, as
 * readers know it, whatever format the feed is in.
 */
export const uk: Strings = {
  skipToContent: 'Перейти до основного вмісту',
  followInReader: 'Стежте за нами в RSS-читачі: {feeds}',
  latestHeadlines: 'Останні новини',
  nothingPublished: 'Тут ще нічого не опубліковано.',
  subscribe: 'Підписатися',
  subscribeHelp:
    'Отримуйте кожну нову статтю у своєму RSS-читачі, без реєстрації та стеження: додайте до нього одну з цих стрічок (більшість читачів знайде їх і за адресою цієї сторінки).',
  opmlSentence: 'Щоб стежити за всім одразу, зокрема за темами й авторами, імпортуйте у свій читач {link}.',
  opmlLink: 'список усіх наших стрічок (OPML)',
  feedsByTag: 'Стрічки за темами',
  feedsByAuthor: 'Стрічки авторів',
  byline: 'Автор: {names}',
  bylineSeveral: 'Автори: {names}',
  updated: 'Оновлено {date}',
  // 1, 21 хвилина; 2–4, 22 хвилини; 5–20, 25 хвилин; 1,5 хвилини.
  readingTime: {
    one: '{minutes} хвилина читання',
    few: '{minutes} хвилини читання',
    many: '{minutes} хвилин читання',
    other: '{minutes} хвилини читання',
  },
  topics: 'Теми',
  notFoundTitle: 'Сторінку не знайдено',
  notFoundDescription: 'За цією адресою сторінки немає.',
  notFoundText: 'За цією адресою сторінки немає. Можливо, її перенесли або в посиланні помилка. Останні статті — на {link}.',
  notFoundHomeLink: 'головній сторінці',
  feedKicker: 'Стрічка {format}',
  feedReaderHelp:
    'У читачі виберіть «Додати стрічку» чи «Підписатися» та вставте адресу. Безплатні читачі: NetNewsWire, Feedly, Inoreader, NewsBlur, Thunderbird.',
  latestArticles: 'Останні статті',
  feedWithoutScript:
    'Це вебстрічка. Щоб стежити за нею, скопіюйте адресу цієї сторінки з адресного рядка в RSS-читач: він приноситиме вам кожну нову статтю. Нижче браузер показує останні матеріали стрічки.',
  headlinesFrom: 'Новини на сайті «{site}»',
  latestFrom: 'Останні новини: {site}',
  moreFrom: 'Більше новин на сайті «{site}»',
  readArticle: 'Читати статтю',
  previewDraft: 'Чернетка — не опубліковано',
  previewScheduled: 'Заплановано на {date}',
  correctionsHeading: 'Виправлення та оновлення',
  correctionLabel: 'Виправлення',
  updateLabel: 'Оновлення',
  clarificationLabel: 'Уточнення',
  correctionEntry: '{kind} від {date}:',
  retractedTitle: 'Статтю відкликано',
  // No full stop after {date}: a Ukrainian date ends with "р.".
  retractedOn: 'Цю статтю відкликано {date}',
  retractedUndated: 'Цю статтю відкликано.',
  retractedReason: 'Причина: {reason}',
  retractedHome: 'Останні статті — на {link}.',
  tagKicker: 'Тема',
  authorKicker: 'Автор',
  tagDescription: 'Останні статті на тему «{name}» на сайті «{site}».',
  // "З підписом" (with the byline) says it of a man, a woman and a desk alike.
  authorDescription: 'Останні статті з підписом {name} на сайті «{site}».',
  followThese: 'Стежте за цими статтями в RSS-читачі: {feeds}',
  archiveTitle: 'Архів',
  archiveDescription: 'Усі статті сайту «{site}», місяць за місяцем.',
  archiveLink: 'Архів: усі статті, місяць за місяцем',
  // No full stop after {month}: a Ukrainian month and year end with "р.".
  monthDescription: 'Усі статті сайту «{site}» за {month}',
  monthFeeds: 'Статті цього місяця для RSS-читача: {feeds}',
  earlierMonth: 'Раніше: {month}',
  laterMonth: 'Пізніше: {month}',
  nothingThisMonth: 'Статей за цей місяць не залишилося.',
  pagination: 'Сторінки',
  newerArticles: 'Новіші статті',
  olderArticles: 'Давніші статті',
  pageOf: 'Сторінка {page} з {pages}',
  pageHeading: '{name} — сторінка {page} з {pages}',
  sectionKicker: 'Рубрика',
  sectionDescription: 'Останні статті в рубриці «{name}» на сайті «{site}».',
  feedsBySection: 'Стрічки рубрик',
  topicMonths: 'За місяцями',
  // No full stop after {month}: a Ukrainian month and year end with "р.".
  tagMonthDescription: 'Усі статті на тему «{name}» на сайті «{site}» за {month}',
  authorMonthDescription: 'Усі статті з підписом {name} на сайті «{site}» за {month}',
  sectionMonthDescription: 'Усі статті рубрики «{name}» на сайті «{site}» за {month}',
  alsoIn: 'Також іншими мовами: {languages}',
  languageKicker: 'Мова',
  languageDescription: 'Останні статті сайту «{site}» — {language}.',
  feedsByLanguage: 'Стрічки за мовами',
}

import { collapseWhitespace, findAll, type PageElement, type PageNode, textOf, walk } from './tree';

/** Month names in the languages of the pages we see most, lowercased, without dots. */
const MONTHS: Record<string, number> = {};
const monthLists = [
  'january february march april may june july august september october november december',
  'jan feb mar apr may jun jul aug sep oct nov dec',
  'sept',
  'januar februar märz april mai juni juli august september oktober november dezember',
  'jänner märz mrz okt dez',
  'janvier février mars avril mai juin juillet août septembre octobre novembre décembre',
  'enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre',
  'gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre',
  'januari februari maart april mei juni juli augustus september oktober november december',
  'janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro',
  // Slavic languages write the day's month in the genitive ("15 августа 2016", "1. listopadu 2021").
  'января февраля марта апреля мая июня июля августа сентября октября ноября декабря',
  'січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня',
  'stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia',
  'ledna února března dubna května června července srpna září října listopadu prosince',
];
for (const list of monthLists) {
  list.split(' ').forEach((name, i) => {
    MONTHS[name] ??= list === 'sept' ? 9 : list === 'jänner märz mrz okt dez' ? ([1, 3, 3, 10, 12][i] ?? 0) : i + 1;
  });
}
const MONTH_NAME = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

const pad = (n: number) => String(n).padStart(2, '0');
const MAX_YEAR = 2100;

function ymd(y: number, m: number, d: number): string | null {
  if (y < 1990 || y > MAX_YEAR || m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

function year(y: string): number {
  const n = Number(y);
  return y.length === 2 ? 2000 + n : n;
}

const ISO = /\b((?:19|20)\d\d)-(\d\d?)-(\d\d?)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?\s*(Z|[+-]\d\d:?\d\d)?)?/;
const NAMED_DMY = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(?:de\\s+)?(${MONTH_NAME})\\.?,?\\s+(?:de\\s+)?((?:19|20)\\d\\d)\\b`, 'i');
const NAMED_MDY = new RegExp(`\\b(${MONTH_NAME})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d\\d)\\b`, 'i');
const NUMERIC = /\b(\d{1,4})([./-])(\d{1,2})\2(\d{2,4})\b/;
const TIME = /\b(\d{1,2}):(\d\d)\s*([ap]\.?m\.?)?/i;

/** Parses a date in the forms news pages use (ISO, "19 Nov, 2014 05:14pm", "November 19, 2014", "08.11.2021"). */
export function parseDate(input: string, lang: string | null = null): string | null {
  const text = input.trim();
  const iso = ISO.exec(text);
  if (iso) {
    const day = ymd(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (!day) return null;
    // Rebuilt from the day, so an unpadded "2022-05-6T12:00Z" comes out as valid ISO.
    return iso[4] ? `${day}T${iso[0].slice(iso[0].search(/[T ]/) + 1).replace(/\s+/g, '')}` : day;
  }
  let date: string | null = null;
  const dmy = NAMED_DMY.exec(text);
  const mdy = NAMED_MDY.exec(text);
  if (dmy && (!mdy || (dmy.index ?? 0) <= (mdy.index ?? 0)))
    date = ymd(Number(dmy[3]), MONTHS[(dmy[2] as string).toLowerCase()] ?? 0, Number(dmy[1]));
  else if (mdy) date = ymd(Number(mdy[3]), MONTHS[(mdy[1] as string).toLowerCase()] ?? 0, Number(mdy[2]));
  else {
    const n = NUMERIC.exec(text);
    if (n) {
      const [a, sep, b, c] = [n[1] as string, n[2] as string, Number(n[3]), n[4] as string];
      if (a.length === 4) date = ymd(Number(a), b, Number(c));
      else if (c.length === 4 || sep === '.') {
        const first = Number(a);
        // Dots are day-first everywhere; slashes are month-first only in US English and when the day cannot be first.
        const monthFirst = sep !== '.' && (b > 12 || (first <= 12 && /^en(-us)?$/i.test(lang ?? '')));
        date = monthFirst ? ymd(year(c), first, b) : ymd(year(c), b, first);
      }
    }
  }
  if (!date) return null;
  const time = TIME.exec(text);
  if (!time) return date;
  let hours = Number(time[1]);
  const pm = time[3]?.toLowerCase().startsWith('p');
  if (pm && hours < 12) hours += 12;
  if (time[3] && !pm && hours === 12) hours = 0;
  return hours < 24 ? `${date}T${pad(hours)}:${time[2]}` : date;
}

/** "/2014/11/19/" or "/20141119/" in an article URL. */
export function dateFromUrl(url: string): string | null {
  const m = /\/((?:19|20)\d\d)[/-](\d\d?)[/-](\d\d?)(?:\/|[-_]|$)/.exec(url) ?? /[/_-]((?:19|20)\d\d)(\d\d)(\d\d)(?:[/_.-]|$)/.exec(url);
  return m ? ymd(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

const DATE_HINT =
  /(^|[\s_-])(date|dates|time|timestamp|published|publish|pubdate|posted|post-date|meta|byline|dateline|datum|stand|created|updated|article-date|entry-date|publication)($|[\s_-])/i;
// "Am 8. November 2021" alone is a label; "Am 22. Oktober erscheint …" opens a sentence.
const PUBLISHED_LABEL =
  /^(published|posted|first published|veröffentlicht|erschienen|publié|publicado|pubblicato|gepubliceerd|erstellt)\b|^am\s.{0,30}$/i;
// MediaWiki's "This page was last edited on …" footer and its kin: the date a page with no publication date stands at.
const UPDATED_HINT = /(^|[\s_-])(lastmod|last-modified|lastedited)($|[\s_-])/i;
const UPDATED_LABEL = /^(updated|last updated|aktualisiert|stand|mis à jour|actualizado|aggiornato|bijgewerkt)\b/i;
// "21.01.2022", "01.11.2023 11:35", "24. April 2020 | Pressemitteilungen": an element that holds a date and nothing else
// but a section label.
const BARE_DATE =
  /^(\d{1,4}[./-]\s?\d{1,2}[./-]\s?\d{2,4}|\d{1,2}\.?\s+\p{L}{3,12}\.?\s+\d{4})(,?\s+\d{1,2}[:.]\d\d(\s*(uhr|h|am|pm))?)?(\s*[|•·](\s*\p{L}[\p{L} -]{0,30})?)?$/iu;
// "27.1.2022 - Bei der …", "(21. November 2022) Energieverbraucher …": a dateline opening a paragraph.
const DATELINE_DATE = /^(\d{1,2}\.\s?\d{1,2}\.\s?\d{4}\s+[-–—]\s|\(\d{1,2}\.?\s+\p{L}{3,12}\.?\s+\d{4}\)\s)/u;
const OUTSIDE_ARTICLE = new Set(['header', 'nav', 'footer', 'aside']);
const EMPHASIS = new Set(['strong', 'b', 'em', 'i']);

export interface VisibleDates {
  published: string | null;
  updated: string | null;
  /** the datetime of the first <time> in the article (or page) */
  time: string | null;
  /** a date line with no label: just under the headline, or a bare date in the article */
  dateLine: string | null;
  /** every calendar day (YYYY-MM-DD) written in the page's text, wherever it stands */
  shownDays: Set<string>;
}

/**
 * Dates shown on the page: labelled lines ("Published …", "Updated 19 Nov, 2014 05:14pm"), <time> elements and
 * date-like classes, inside the article rather than in the site's header, where a print-edition "today" date lives.
 */
export function findVisibleDates(root: PageElement, lang: string | null): VisibleDates {
  const found: VisibleDates = { published: null, updated: null, time: null, dateLine: null, shownDays: new Set() };
  let unlabelled: string | null = null;
  // Dates written just under the headline, with no label or class to say so ("1. Februar 2022, Daniel Dillenburg").
  let nearHeading: string | null = null;
  // An element that holds a date and nothing else ("<h3>21.01.2022</h3>", "<em>01.11.2023 11:35</em>"), or a dateline
  // opening a paragraph ("27.1.2022 - Bei der …"): the article's date when nothing says more.
  let bare: string | null = null;
  // Without <article> or <main>, a bare date counts under the headline, or anywhere on a page with no <h1> at all, but
  // never in a list (the dates of other stories in a menu or a sidebar).
  const headings = findAll(root, (el) => el.tag === 'h1');
  const headless = !headings.length;
  // When one <article> holds the headline, the others are teasers of other stories, like list items.
  const articles = findAll(root, (el) => el.tag === 'article');
  const holdsHeadline = (el: PageElement) => {
    for (const inner of walk(el)) if (inner === headings[0]) return true;
    return false;
  };
  const teasers = new Set(articles.length > 1 && articles.some(holdsHeadline) ? articles.filter((el) => !holdsHeadline(el)) : []);
  // Elements with text seen so far (outside header, nav, footer and aside), and how many had been seen at the <h1>.
  let textsSeen = 0;
  let headingAt = -1;
  let aboveHeading: { date: string; at: number } | null = null;
  const visit = (el: PageElement, inArticle: boolean, outside: boolean, inList: boolean, parentText: string) => {
    const teaser = teasers.has(el);
    const article = !teaser && (inArticle || el.tag === 'article' || el.tag === 'main' || el.attrs.itemprop === 'articleBody');
    const away = outside || (OUTSIDE_ARTICLE.has(el.tag) && !article);
    const listed = inList || el.tag === 'li' || teaser;
    if (el.tag === 'script' || el.tag === 'style') return;
    if (el.tag === 'h1' && headingAt < 0) {
      headingAt = textsSeen;
      // A date line set just above the headline ("21.01.2022" then the <h1>) is the story's too.
      if (aboveHeading && textsSeen - aboveHeading.at <= 8) bare ??= aboveHeading.date;
    }
    const ownText = directText(el);
    const shown = ownText.length >= 6 && ownText.length <= 400 ? parseDate(ownText, lang) : null;
    if (shown) found.shownDays.add(shown.slice(0, 10));
    if (!away) {
      if (el.tag === 'time' || el.attrs.itemprop === 'datePublished' || el.attrs.itemprop === 'dateModified') {
        const value = el.attrs.datetime ?? el.attrs.content ?? collapseWhitespace(textOf(el));
        const parsed = parseDate(value, lang);
        if (parsed) {
          if (el.attrs.itemprop === 'datePublished') found.published ??= parsed;
          else if (el.attrs.itemprop === 'dateModified') found.updated ??= parsed;
          else found.time ??= parsed;
        }
      }
      // Emphasis inside running prose ("<strong>Am 22. Oktober</strong> erscheint …") is no date line of its own.
      const text = EMPHASIS.has(el.tag) && parentText.length > ownText.length + 20 ? '' : ownText;
      const sinceHeading = headingAt < 0 ? -1 : textsSeen - headingAt;
      // A long paragraph may still open with a dateline.
      if (!bare && text.length > 160 && (article || (sinceHeading >= 0 && sinceHeading < 60 && !listed)) && DATELINE_DATE.test(text))
        bare = parseDate(text.slice(0, 30), lang);
      if (text.length >= 6 && text.length <= 160) {
        const label = text.replace(/^[\s|:•·-]+/, '');
        const names = `${el.attrs.class ?? ''} ${el.attrs.id ?? ''}`;
        if (PUBLISHED_LABEL.test(label)) found.published ??= parseDate(label, lang);
        else if (UPDATED_LABEL.test(label) || UPDATED_HINT.test(names)) found.updated ??= parseDate(label, lang);
        else if (!unlabelled && DATE_HINT.test(names)) unlabelled = parseDate(label, lang);
        else if (!nearHeading && sinceHeading >= 0 && sinceHeading < 40 && label.length <= 80) nearHeading = parseDate(label, lang);
        else if (
          !bare &&
          (article || ((headless || (sinceHeading >= 0 && sinceHeading < 60)) && !listed)) &&
          (BARE_DATE.test(label) || DATELINE_DATE.test(label))
        )
          bare = parseDate(label.slice(0, 30), lang);
        else if (sinceHeading < 0 && !listed && BARE_DATE.test(label)) {
          const date = parseDate(label.slice(0, 30), lang);
          if (date) aboveHeading = { date, at: textsSeen };
        }
      }
      if (text) textsSeen++;
    }
    for (const child of el.children) if (child.kind === 'element') visit(child, article, away, listed, ownText);
  };
  visit(root, false, false, false, '');
  found.published ??= unlabelled;
  found.dateLine = nearHeading ?? bare;
  return found;
}

/** The element's own text and that of its inline children, not of nested blocks. */
function directText(el: PageElement): string {
  let out = '';
  const add = (node: PageNode) => {
    if (node.kind === 'text') out += node.text;
    else if (/^(span|time|strong|b|em|i|a|small|abbr)$/.test(node.tag)) for (const c of node.children) add(c);
  };
  for (const c of el.children) add(c);
  return collapseWhitespace(out);
}

import { BYLINE_WORDS } from './byline';
import { collapseWhitespace, findAll, type PageElement, type PageNode, textOf, walk } from './tree';

const pad = (n: number) => String(n).padStart(2, '0');
/** Any year from 1800 on: archives and old articles keep their age. */
const MIN_YEAR = 1800;
const MAX_YEAR = 2100;

function ymd(y: number, m: number, d: number): string | null {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** A two-digit year is of this century unless that would put it more than a year after the reference (or 2050). */
function year(y: string, reference: number | null): number {
  const n = Number(y);
  if (y.length !== 2) return n;
  const limit = (reference === null ? 2050 : new Date(reference).getUTCFullYear()) + 1;
  return 2000 + n > limit ? 1900 + n : 2000 + n;
}

const YEAR = '(?:18|19|20)\\d\\d';
// "2021-07-14T09:31:45:207Z": some sites write the milliseconds after a colon.
const ISO = /\b((?:18|19|20)\d\d)-(\d\d?)-(\d\d?)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:(\.\d+)|:\d+)?)?\s*(Z|[+-]\d\d:?\d\d)?)?/;
/** Month names and their short forms in the languages of the pages we see most, lowercased, without dots. */
const MONTH_LISTS = [
  'january february march april may june july august september october november december',
  'jan feb mar apr may jun jul aug sep oct nov dec',
  'januar februar märz april mai juni juli august september oktober november dezember',
  'jan feb mär apr mai jun jul aug sep okt nov dez',
  'jänner feber märz april mai juni juli august september oktober november dezember',
  'janvier février mars avril mai juin juillet août septembre octobre novembre décembre',
  'janv févr mars avr mai juin juil août sept oct nov déc',
  'enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre',
  'ene feb mar abr may jun jul ago sept oct nov dic',
  'gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre',
  'gen feb mar apr mag giu lug ago set ott nov dic',
  'januari februari maart april mei juni juli augustus september oktober november december',
  'janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro',
  'jan fev mar abr mai jun jul ago set out nov dez',
  // Slavic languages write the day's month in the genitive ("23 сентября 2017", "1. listopadu 2021").
  'января февраля марта апреля мая июня июля августа сентября октября ноября декабря',
  'січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня',
  'stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia',
  'ledna února března dubna května června července srpna září října listopadu prosince',
];

interface NamedDates {
  months: Record<string, number>;
  /** "19 Nov 2014", "9. März 2021", "1er mars 2020", "5 de março de 2020", "5th of March, 2020" */
  dayFirst: RegExp;
  /** "November 19, 2014" */
  monthFirst: RegExp;
}

let named: NamedDates | undefined;

/**
 * Month names and their short forms, and the patterns built from them. Built on first use: lib/extract reaches the
 * always-injected gate's module graph, where module-level tables built by calls would ride along.
 */
function namedDates(): NamedDates {
  if (named) return named;
  const months: Record<string, number> = {};
  // Where two languages share a short form, it names the same month ("mar", "mai", "set", "dez").
  for (const list of MONTH_LISTS) {
    list.split(' ').forEach((name, i) => {
      months[name] ??= i + 1;
    });
  }
  months.sept ??= 9;
  months.mrz ??= 3;
  const name = Object.keys(months)
    .sort((a, b) => b.length - a.length)
    .join('|');
  named = {
    months,
    dayFirst: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th|er|º|°|ª)?\\.?\\s+(?:(?:de|of)\\s+)?(${name})\\.?,?\\s+(?:(?:de|del)\\s+)?(${YEAR})\\b`, 'i'),
    monthFirst: new RegExp(`\\b(${name})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(${YEAR})\\b`, 'i'),
  };
  return named;
}

const NUMERIC = /\b(\d{1,4})([./-])(\d{1,2})\2(\d{2,4})\b/;
const TIME = /\b(\d{1,2}):(\d\d)\s*([ap]\.?m\.?)?/i;

/**
 * Parses a date in the forms news pages use (ISO, "19 Nov, 2014 05:14pm", "November 19, 2014", "09.12.2020", "5 de
 * março de 2020", "1er mars 2020"). With a reference time (when the page was fetched, in ms), relative dates too:
 * "2 hours ago", "vor 3 Stunden", "il y a 2 jours", "hace 5 minutos", "há 3 dias", "3 ore fa", "yesterday, 17:30".
 */
export function parseDate(input: string, lang: string | null = null, reference: number | null = null): string | null {
  const text = input.trim();
  // Every absolute date has a digit; without one only a relative date ("yesterday", "an hour ago") may be there.
  if (!/\d/.test(text)) return reference === null ? null : relativeDate(text, reference);
  const iso = ISO.exec(text);
  if (iso) {
    const day = ymd(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (!day) return null;
    if (!iso[4]) return day;
    // Rebuilt from its parts, so an unpadded "2021-08-3T12:00Z" or "…T09:31:45:207Z" comes out as valid ISO.
    return `${day}T${iso[4]}:${iso[5]}${iso[6] ? `:${iso[6]}${iso[7] ?? ''}` : ''}${iso[8] ?? ''}`;
  }
  let date: string | null = null;
  // The patterns with month names are long alternations: only worth running on a text with a year in it.
  const hasYear = /(?:18|19|20)\d\d/.test(text);
  const { months, dayFirst, monthFirst } = namedDates();
  const dmy = hasYear ? dayFirst.exec(text) : null;
  const mdy = hasYear ? monthFirst.exec(text) : null;
  if (dmy && (!mdy || (dmy.index ?? 0) <= (mdy.index ?? 0))) date = ymd(Number(dmy[3]), months[monthKey(dmy[2] as string)] ?? 0, Number(dmy[1]));
  else if (mdy) date = ymd(Number(mdy[3]), months[monthKey(mdy[1] as string)] ?? 0, Number(mdy[2]));
  else {
    const n = NUMERIC.exec(text);
    if (n) {
      const [a, sep, b, c] = [n[1] as string, n[2] as string, Number(n[3]), n[4] as string];
      if (a.length === 4) date = ymd(Number(a), b, Number(c));
      else if (c.length === 4 || sep === '.') {
        const first = Number(a);
        // Dots are day-first everywhere; slashes are month-first only in US English and when the day cannot be first.
        const monthFirst = sep !== '.' && (b > 12 || (first <= 12 && /^en(-us)?$/i.test(lang ?? '')));
        date = monthFirst ? ymd(year(c, reference), first, b) : ymd(year(c, reference), b, first);
      }
    }
  }
  if (!date && reference !== null) return relativeDate(text, reference);
  if (!date) return null;
  return withTime(date, text);
}

const monthKey = (name: string) => name.toLowerCase().replace(/\.$/, '');

/** The date with the time of day written in the text ("05:14pm", "17.30 Uhr" is left out: dots are too ambiguous). */
function withTime(date: string, text: string): string {
  const time = TIME.exec(text);
  if (!time) return date;
  let hours = Number(time[1]);
  const pm = time[3]?.toLowerCase().startsWith('p');
  if (pm && hours < 12) hours += 12;
  if (time[3] && !pm && hours === 12) hours = 0;
  return hours < 24 ? `${date}T${pad(hours)}:${time[2]}` : date;
}

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
const UNIT_MS: Record<string, number> = { second: 1000, minute: MINUTE, hour: 60 * MINUTE, day: DAY, week: 7 * DAY };
/** Unit words of relative dates, singular and plural, in English, German, French, Spanish, Portuguese and Italian. */
const UNITS: [RegExp, string][] = [
  [/^(seconds?|secs?|sekunden?|secondes?|segundos?|secondi|secondo)$/, 'second'],
  [/^(minutes?|mins?|minuten?|minutos?|minuti|minuto)$/, 'minute'],
  [/^(hours?|hrs?|h|stunden?|std|heures?|horas?|ore|ora)$/, 'hour'],
  [/^(days?|tagen?|tag|jours?|d[ií]as?|giorni|giorno)$/, 'day'],
  [/^(weeks?|wochen?|semaines?|semanas?|settimane|settimana)$/, 'week'],
  [/^(months?|monaten?|monat|mois|mes|meses|m[eê]s|mesi|mese)$/, 'month'],
  [/^(years?|jahren?|jahr|ans?|ann[ée]es?|a[ñn]os?|anni|anno)$/, 'year'],
];
const ONE = /^(an?|one|eine[mnr]?|ein|une?|una?|um|uma|un['’]?)$/;
// "2 hours ago", "vor 3 Stunden", "il y a 2 jours", "hace 5 minutos", "há 3 dias" / "3 dias atrás", "3 ore fa".
const RELATIVE =
  /^(?:(?:updated|published|posted|aktualisiert|veröffentlicht|mis à jour|publié|actualizado|publicado|atualizado|aggiornato|pubblicato)\s*:?\s*)?(?:(?:vor|il y a|hace|há|ha)\s+(\S+)\s+([\p{L}]+)\.?|(\S+)\s+([\p{L}]+)\.?\s+(?:ago|atrás|fa))$/iu;
const DAY_WORDS: [RegExp, number][] = [
  [/^(today|heute|aujourd['’]hui|hoy|hoje|oggi)\b/i, 0],
  [/^(yesterday|gestern|hier|ayer|ontem|ieri)\b/i, 1],
  [/^(vorgestern|avant-hier|anteayer|anteontem|l['’]altro ieri)\b/i, 2],
];

/** A relative date resolved against the reference time: minutes and hours as a UTC time, days and more as a day. */
function relativeDate(text: string, reference: number): string | null {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  for (const [pattern, back] of DAY_WORDS) if (pattern.test(text)) return withTime(day(reference - back * DAY), text);
  const m = RELATIVE.exec(text.length <= 60 ? text.replace(/\s+/g, ' ') : '');
  if (!m) return null;
  const [amountWord, unitWord] = m[1] ? [m[1], m[2] as string] : [m[3] as string, m[4] as string];
  const amount = /^\d{1,3}$/.test(amountWord) ? Number(amountWord) : ONE.test(amountWord.toLowerCase()) ? 1 : null;
  const unit = UNITS.find(([pattern]) => pattern.test(unitWord.toLowerCase()))?.[1];
  if (amount === null || !unit) return null;
  if (unit === 'month' || unit === 'year') {
    const then = new Date(reference);
    if (unit === 'month') then.setUTCMonth(then.getUTCMonth() - amount);
    else then.setUTCFullYear(then.getUTCFullYear() - amount);
    return day(then.getTime());
  }
  const then = reference - amount * (UNIT_MS[unit] as number);
  return unit === 'day' || unit === 'week' ? day(then) : `${new Date(then).toISOString().slice(0, 16)}Z`;
}

/**
 * A line that is a date and little else, three words at most ("4 May 2024", "Updated 5 minutes ago", "14.03.2018 16:05 Uhr |
 * Lokales"), not a line that names someone beside a date (an embedded post's "— Jane Roe (@jroe) May 3, 2024"): the
 * story's metadata, not its text. (Any reference time will do to recognise a relative date.)
 */
export function isDateLine(text: string): boolean {
  if (text.length > 60 || !parseDate(text, null, 0)) return false;
  const words = text.replace(/\d+/g, ' ').match(/\p{L}{2,}/gu) ?? [];
  return words.length <= 3;
}

/** "/2014/11/19/" or "/20141119/" in an article URL. */
export function dateFromUrl(url: string): string | null {
  const m = /\/((?:18|19|20)\d\d)[/-](\d\d?)[/-](\d\d?)(?:\/|[-_]|$)/.exec(url) ?? /[/_-]((?:19|20)\d\d)(\d\d)(\d\d)(?:[/_.-]|$)/.exec(url);
  return m ? ymd(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

const DATE_HINT =
  /(^|[\s_-])(date|dates|time|timestamp|published|publish|pubdate|posted|post-date|meta|byline|dateline|datum|stand|created|updated|article-date|entry-date|publication)($|[\s_-])/i;
// "Am 9. Dezember 2020" alone is a label; "Am 2. April erscheint …" opens a sentence.
const PUBLISHED_LABEL =
  /^(published|posted|first published|veröffentlicht|erschienen|publié|publicado|pubblicato|gepubliceerd|erstellt)\b|^am\s.{0,30}$/i;
// MediaWiki's "This page was last edited on …" footer and its kin: the date a page with no publication date stands at.
const UPDATED_HINT = /(^|[\s_-])(lastmod|last-modified|lastedited)($|[\s_-])/i;
const UPDATED_LABEL = /^(updated|last updated|aktualisiert|stand|mis à jour|actualizado|aggiornato|bijgewerkt)\b/i;
// "17.02.2023", "05.06.2024 09:20", "3. April 2021 | Mitteilungen": an element that holds a date and nothing else
// but a section label.
const BARE_DATE =
  /^(\d{1,4}[./-]\s?\d{1,2}[./-]\s?\d{2,4}|\d{1,2}\.?\s+\p{L}{3,12}\.?\s+\d{4})(,?\s+\d{1,2}[:.]\d\d(\s*(uhr|h|am|pm))?)?(\s*[|•·](\s*\p{L}[\p{L} -]{0,30})?)?$/iu;
// "14.3.2021 - Beim …", "(9. Mai 2021) Stromkunden …": a dateline opening a paragraph.
const DATELINE_DATE = /^(\d{1,2}\.\s?\d{1,2}\.\s?\d{4}\s+[-–—]\s|\(\d{1,2}\.?\s+\p{L}{3,12}\.?\s+\d{4}\)\s)/u;
const OUTSIDE_ARTICLE = new Set(['header', 'nav', 'footer', 'aside']);
const EMPHASIS = new Set(['strong', 'b', 'em', 'i']);

export interface VisibleDates {
  published: string | null;
  updated: string | null;
  /** the datetime of the first <time> in the article (or page) */
  time: string | null;
  /** a date line with no label: just after the byline, under the headline, or a bare date in the article */
  dateLine: string | null;
  /** every calendar day (YYYY-MM-DD) written in the page's text, wherever it stands */
  shownDays: Set<string>;
}

/**
 * Dates shown on the page: labelled lines ("Published …", "Updated 19 Nov, 2014 05:14pm"), <time> elements and
 * date-like classes, inside the article rather than in the site's header, where a print-edition "today" date lives.
 */
export function findVisibleDates(root: PageElement, lang: string | null, reference: number | null = null): VisibleDates {
  const found: VisibleDates = { published: null, updated: null, time: null, dateLine: null, shownDays: new Set() };
  let unlabelled: string | null = null;
  // Dates written just under the headline, with no label or class to say so ("4. Juni 2021, Tobias Wendrich").
  let nearHeading: string | null = null;
  // Dates just after the byline ("By Jane Roe · 3 hours ago"), where the story says when it went out.
  let nearByline: string | null = null;
  let bylineAt = -1;
  // An element that holds a date and nothing else ("<h3>17.02.2023</h3>", "<em>05.06.2024 09:20</em>"), or a dateline
  // opening a paragraph ("14.3.2021 - Beim …"): the article's date when nothing says more.
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
      // A date line set just above the headline ("17.02.2023" then the <h1>) is the story's too.
      if (aboveHeading && textsSeen - aboveHeading.at <= 8) bare ??= aboveHeading.date;
    }
    const ownText = directText(el);
    const shown = ownText.length >= 6 && ownText.length <= 400 ? parseDate(ownText, lang) : null;
    if (shown) found.shownDays.add(shown.slice(0, 10));
    if (!away) {
      if (el.tag === 'time' || el.attrs.itemprop === 'datePublished' || el.attrs.itemprop === 'dateModified') {
        const value = el.attrs.datetime ?? el.attrs.content ?? collapseWhitespace(textOf(el));
        const parsed = parseDate(value, lang, reference);
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
        const sinceByline = bylineAt < 0 ? -1 : textsSeen - bylineAt;
        if (PUBLISHED_LABEL.test(label)) found.published ??= parseDate(label, lang, reference);
        else if (UPDATED_LABEL.test(label) || UPDATED_HINT.test(names)) found.updated ??= parseDate(label, lang, reference);
        else if (!unlabelled && DATE_HINT.test(names)) unlabelled = parseDate(label, lang, reference);
        else if (!nearByline && sinceByline >= 0 && sinceByline <= 6 && label.length <= 80 && !listed) nearByline = parseDate(label, lang, reference);
        else if (!nearHeading && sinceHeading >= 0 && sinceHeading < 40 && label.length <= 80) nearHeading = parseDate(label, lang, reference);
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
      if (BYLINE_WORDS.test(`${el.attrs.class ?? ''} ${el.attrs.id ?? ''} ${el.attrs.itemprop ?? ''} ${el.attrs.rel ?? ''}`)) bylineAt = textsSeen;
      if (text) textsSeen++;
    }
    for (const child of el.children) if (child.kind === 'element') visit(child, article, away, listed, ownText);
  };
  visit(root, false, false, false, '');
  found.published ??= unlabelled;
  found.dateLine = nearByline ?? nearHeading ?? bare;
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

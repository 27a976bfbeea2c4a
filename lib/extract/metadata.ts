import type { Article } from '../analyze/types';
import { BYLINE_WORDS, cleanByline, publisherName } from './byline';
import { dateFromUrl, findVisibleDates, parseDate, type VisibleDates } from './dates';
import { isArticleSchemaType } from './schema';
import { chooseTitle } from './title';
import { collapseWhitespace, findAll, type PageDocument, type PageElement, textOf } from './tree';
import { pathOf } from './url';

/** The article's metadata as the page declares it (the language is the declared one; extraction detects it from the text). */
export interface PageMetadata extends Omit<Article, 'text' | 'relatedLinks'> {
  /** schema.org @type values found in JSON-LD and microdata */
  schemaTypes: string[];
  ogType: string | null;
}

type Json = unknown;

/** JSON as sites write it: raw tabs and line breaks inside strings (invalid JSON, common in JSON-LD) read as spaces. */
function lenientJson(raw: string): Json {
  // Some pages wrap the JSON in a CDATA section, a leftover of XHTML ("<![CDATA[ {…} ]]>", sometimes commented out).
  const text = raw.replace(/^\s*(?:\/\/\s*|\/\*\s*)?<!\[CDATA\[(?:\s*\*\/)?/, '').replace(/(?:\/\/\s*|\/\*\s*)?\]\]>(?:\s*\*\/)?\s*$/, '');
  try {
    return JSON.parse(text);
  } catch {
    // Control characters (code points below 32) become spaces; outside strings JSON treats them as whitespace anyway.
    return JSON.parse([...text].map((c) => (c.charCodeAt(0) < 32 ? ' ' : c)).join(''));
  }
}

function parseJsonLd(text: string): Json[] {
  try {
    const data: Json = lenientJson(text);
    const out: Json[] = [];
    const visit = (node: Json, depth: number) => {
      if (depth > 4 || node === null || typeof node !== 'object') return;
      if (Array.isArray(node)) {
        for (const item of node) visit(item, depth + 1);
        return;
      }
      out.push(node);
      const graph = (node as Record<string, Json>)['@graph'];
      if (graph) visit(graph, depth + 1);
    };
    visit(data, 0);
    return out;
  } catch {
    return [];
  }
}

function typesOf(node: Json): string[] {
  const type = (node as Record<string, Json>)['@type'];
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string');
  return [];
}

function nameOf(value: Json): string | null {
  if (typeof value === 'string') return collapseWhitespace(value) || null;
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((n): n is string => !!n);
    return names.length ? names.join(', ') : null;
  }
  if (value && typeof value === 'object') return nameOf((value as Record<string, Json>).name ?? null);
  return null;
}

function str(value: Json): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

export function resolveUrl(href: string, base: string): string {
  try {
    return new URL(href, base).href;
  } catch {
    return href;
  }
}

function publisherUrl(articleLd: Record<string, Json> | undefined, pageUrl: string): string | null {
  const publisher = articleLd?.publisher;
  const url = publisher && typeof publisher === 'object' && !Array.isArray(publisher) ? str((publisher as Record<string, Json>).url) : null;
  if (url) return resolveUrl(url, pageUrl);
  const origin = /^(https?:\/\/[^/?#]+)/i.exec(pageUrl)?.[1];
  return origin ? `${origin}/` : null;
}

/** Reads title, byline, dates, publisher, canonical URL and language: JSON-LD first, then meta tags, then visible markup. */
const DAY_MS = 86_400_000;

/**
 * A UTC time stamp near midnight names the day before or after the one the publisher printed ("2022-11-06T23:00:00Z" for
 * a story of 7 November in Berlin). When the URL or a visible date line gives the day, one day off, that day is the one
 * readers saw, and it is kept instead (as a plain date).
 */
export function localDay(stamp: string | null, hints: (string | null)[], confirming: string | null = null): string | null {
  if (!stamp || !/T\d\d:\d\d/.test(stamp) || !/(Z|[+-]00:?00|T\d\d:\d\d(:\d\d(\.\d+)?)?)$/.test(stamp)) return stamp;
  const day = stamp.slice(0, 10);
  // A date line under the headline that agrees with the stamp's day settles it (a related story's date may not).
  if (confirming?.slice(0, 10) === day) return stamp;
  for (const hint of hints) {
    const local = hint?.slice(0, 10);
    if (!local || local === day) continue;
    if (Math.abs(Date.parse(`${local}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) === DAY_MS) return local;
  }
  return stamp;
}

/**
 * The metadata's date, unless the page never shows that day and dates the story later, under its headline or with a
 * "published" label. CMSs often stamp a draft's creation day into their metadata, days or weeks before the story went
 * out. A shown date that is the metadata's modified day is an update, and one day later is the same instant seen from
 * another time zone (left to `localDay`), so neither overrides.
 */
function preferShown(metaDate: string, metaUpdated: string | null, visible: VisibleDates): string {
  const shown = visible.published ?? visible.dateLine;
  const metaDay = metaDate.slice(0, 10);
  if (!shown || visible.shownDays.has(metaDay)) return metaDate;
  const shownDay = shown.slice(0, 10);
  const later = Date.parse(`${shownDay}T00:00:00Z`) - Date.parse(`${metaDay}T00:00:00Z`);
  if (!(later > DAY_MS || (later === DAY_MS && !nearUtcMidnight(metaDate)))) return metaDate;
  const updates = [metaUpdated, visible.updated].map((date) => date?.slice(0, 10));
  return updates.includes(shownDay) ? metaDate : shown;
}

/** A time stamp within four hours of midnight UTC, where the publisher's calendar day may differ from UTC's. */
function nearUtcMidnight(stamp: string): boolean {
  const written = /T(\d\d):\d\d/.exec(stamp);
  if (!written) return false;
  // A stamp with no zone is read as written: Date.parse would read it in the reader's own zone.
  const zoned = /(Z|[+-]\d\d:?\d\d)$/.test(stamp) ? Date.parse(stamp) : Number.NaN;
  const hour = Number.isNaN(zoned) ? Number(written[1]) : new Date(zoned).getUTCHours();
  return hour >= 20 || hour < 4;
}

// The topic label set above a headline inside its <h1> ("Klimaschutz", "Corona-Pandemie"), by the names sites give it.
// Also a thread's prefix label (XenForo's "label") and a smaller heading set inside it ("sub-heading", "fake-h5").
// Also as a suffix of the site's own prefix ("articleoverline").
const KICKER_CLASS =
  /(^|[\s_-]|article|post|entry|story)(kicker|topline|dachzeile|overline|roofline|supertitle|spitzmarke|eyebrow|pretitle|sub-?heading|label|fake-h[1-6])($|[\s_-])/i;

// A heading's permalink sign ("¶" after a Sphinx heading) is no part of its text.
const isPermalink = (el: PageElement) => el.tag === 'a' && /^[¶§#🔗]$/u.test(textOf(el).trim());
const notHeadline = (el: PageElement) => KICKER_CLASS.test(el.attrs.class ?? '') || isPermalink(el);

/**
 * A heading that is all one link to the site's front page, or to a section above this page, is the site's banner or a
 * blog's name ("Rain in the Hills Blog" linking to "/"); a heading that links to the page itself is its headline.
 */
function isBannerHeading(heading: PageElement, pageUrl: string): boolean {
  const links = findAll(heading, (e) => e.tag === 'a' && !!e.attrs.href);
  const link = links[0];
  if (links.length !== 1 || !link || collapseWhitespace(textOf(link)) !== collapseWhitespace(textOf(heading))) return false;
  const target = pathOf(resolveUrl(link.attrs.href as string, pageUrl));
  const page = pathOf(pageUrl);
  const dir = target.path.replace(/(^|\/)(index|default|home)\.[a-z]+$/i, '$1');
  return target.host === page.host && !target.query && dir.endsWith('/') && page.path.startsWith(dir) && page.path !== dir;
}

/** "myoos" for foren.myoos.de, "bbc" for www.bbc.co.uk: the part of the host that names the site. */
function hostLabelOf(url: string): string | null {
  const { host } = pathOf(url);
  if (!host) return null;
  const labels = host.replace(/:\d+$/, '').split('.');
  labels.pop();
  if (labels.length > 1 && /^(co|com|org|net|gov|ac|edu|or|ne|go)$/.test(labels[labels.length - 1] as string)) labels.pop();
  return labels.pop() ?? null;
}

export function readMetadata(doc: PageDocument): PageMetadata {
  const meta = new Map<string, string>();
  let canonical: string | null = null;
  let titleTag: string | null = null;
  const jsonLd: Json[] = [];
  const microdataTypes: string[] = [];
  const h1s: string[] = [];
  const h2s: string[] = [];

  for (const el of findAll(doc.root, () => true)) {
    const a = el.attrs;
    if (el.tag === 'meta') {
      const key = (a.property ?? a.name ?? a.itemprop ?? '').toLowerCase();
      if (key && a.content && !meta.has(key)) meta.set(key, a.content.trim());
    } else if (el.tag === 'link' && /\bcanonical\b/i.test(a.rel ?? '') && a.href) {
      canonical ??= resolveUrl(a.href, doc.url);
    } else if (el.tag === 'title') {
      titleTag ??= collapseWhitespace(textOf(el)) || null;
    } else if (el.tag === 'script' && /ld\+json/i.test(a.type ?? '')) {
      jsonLd.push(...parseJsonLd(el.children.map((c) => (c.kind === 'text' ? c.text : '')).join('')));
    } else if (el.tag === 'h1' && !isBannerHeading(el, doc.url)) {
      h1s.push(collapseWhitespace(textOf(el, notHeadline)));
    } else if (el.tag === 'h2' && h2s.length < 12 && !isBannerHeading(el, doc.url)) {
      h2s.push(collapseWhitespace(textOf(el, notHeadline)));
    }
    if (a.itemtype) {
      const type = a.itemtype.split('/').pop();
      if (type) microdataTypes.push(type);
    }
  }

  const articleLd = jsonLd.find((node) => typesOf(node).some(isArticleSchemaType)) as Record<string, Json> | undefined;
  // Yoast and others date the WebPage node of their @graph, not the Article one (or give no Article node).
  const pageLd = jsonLd.find(
    (node) => typesOf(node).some((t) => /^(WebPage|ItemPage|AboutPage)$/.test(t)) && str((node as Record<string, Json>).datePublished),
  ) as Record<string, Json> | undefined;
  const schemaTypes = [...jsonLd.flatMap(typesOf), ...microdataTypes];
  const m = (...keys: string[]) => {
    for (const key of keys) {
      const value = meta.get(key);
      if (value) return value;
    }
    return null;
  };

  const declaredSite = (articleLd ? nameOf(articleLd.publisher ?? null) : null) ?? m('og:site_name', 'application-name');
  const siteName = publisherName(declaredSite, doc.url);
  const title = chooseTitle({
    headline: articleLd ? (str(articleLd.headline) ?? str(articleLd.name)) : null,
    ogTitle: m('og:title', 'twitter:title'),
    h1s,
    h2s,
    titleTag,
    siteName: declaredSite,
    hostLabel: hostLabelOf(doc.url),
  });
  const htmlLang = doc.root.attrs.lang?.trim() || null;
  const reference = doc.fetchedAt ?? null;
  const visible = findVisibleDates(doc.root, htmlLang, reference);
  const urlDate = dateFromUrl(doc.url);
  // A date more than a day after the page was fetched is a typo or an event's date, not the story's.
  const plausible = (date: string | null) => (date && (reference === null || Date.parse(date.slice(0, 10)) <= reference + DAY_MS) ? date : null);
  const asDate = (value: string | null) => plausible(value ? parseDate(value, htmlLang) : null);
  const metaPublished =
    asDate(articleLd ? str(articleLd.datePublished) : null) ??
    // A live blog (LiveBlogPosting) may give only the start of its coverage.
    asDate(articleLd ? str(articleLd.coverageStartTime) : null) ??
    asDate(pageLd ? str(pageLd.datePublished) : null) ??
    asDate(
      m(
        'article:published_time',
        'og:published_time',
        'datepublished',
        'date',
        'dc.date',
        'dc.date.issued',
        'dc.date.created',
        'dcterms.created',
        'dcterms.date',
        'citation_publication_date',
        'pubdate',
        'publishdate',
        'publish-date',
        'release_date',
        'sailthru.date',
        'parsely-pub-date',
      ),
    );
  const metaUpdated =
    asDate(articleLd ? str(articleLd.dateModified) : null) ??
    asDate(m('article:modified_time', 'og:updated_time', 'datemodified', 'dcterms.modified', 'last-modified'));
  // The publication date, in this order: the metadata's (unless the page dates the story later, see preferShown);
  // a date the page labels as published; a <time> in the article; the date line by the byline or under the headline;
  // the date in the address; and, on a page that gives nothing else (a wiki), the date it was last changed.
  const shown = plausible(visible.published) ?? plausible(visible.time) ?? plausible(visible.dateLine);
  const chosen: [string | null, 'metadata' | 'page' | 'address'][] = [
    [metaPublished && preferShown(metaPublished, metaUpdated, visible), 'metadata'],
    [shown, 'page'],
    [urlDate, 'address'],
    [plausible(visible.updated), 'page'],
  ];
  const [published, publishedFrom] = chosen.find(([date]) => date) ?? [null, null];
  return {
    title,
    byline:
      cleanByline((articleLd ? nameOf(articleLd.author ?? null) : null) ?? m('author', 'article:author', 'byl', 'dc.creator', 'sailthru.author')) ??
      visibleByline(doc.root),
    siteName,
    published: localDay(published, [urlDate, visible.published], visible.dateLine),
    updated: metaUpdated ?? plausible(visible.updated),
    dateShown: plausible(visible.dateLine) ?? plausible(visible.published) ?? plausible(visible.time),
    publishedFrom: publishedFrom === 'metadata' && published !== metaPublished ? 'page' : publishedFrom,
    canonicalUrl: canonical ?? (m('og:url') ? resolveUrl(m('og:url') as string, doc.url) : null),
    publisherUrl: publisherUrl(articleLd, doc.url),
    lang: htmlLang ?? m('og:locale', 'content-language', 'language') ?? (articleLd ? str(articleLd.inLanguage) : null),
    schemaTypes,
    ogType: m('og:type'),
  };
}

/**
 * The writer named on the page when the metadata names none: an element marked as the author (microdata, rel=author)
 * or named as the byline, with a short text.
 */
function visibleByline(root: PageElement): string | null {
  for (const el of findAll(
    root,
    (e) => e.attrs.itemprop === 'author' || /\bauthor\b/i.test(e.attrs.rel ?? '') || BYLINE_WORDS.test(e.attrs.class ?? ''),
  )) {
    if (el.tag === 'meta' || el.tag === 'link' || el.tag === 'script') continue;
    const named = findAll(el, (e) => e.attrs.itemprop === 'name')[0];
    const text = collapseWhitespace(textOf(named ?? el));
    if (text.length < 2 || text.length > 120) continue;
    const name = cleanByline(text);
    if (name) return name;
  }
  return null;
}

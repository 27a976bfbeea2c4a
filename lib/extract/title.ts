/** Choosing the headline among JSON-LD, meta tags, <h1> and <title>, without the site's name around it. */

const SEPARATORS = /\s+(?:[|│｜»•·~/\\]|::|-{1,2}|–|—)\s+/;
// Only these set off a section label ("Rezept | LECKER"); a dash is as often part of the headline itself.
const LABEL_SEPARATORS = /\s+(?:[|│｜»•·]|::)\s+/;

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replace(/&(quot|amp|apos|lt|gt|nbsp);/g, (_, name: string) => ({ quot: '"', amp: '&', apos: "'", lt: '<', gt: '>', nbsp: ' ' })[name] ?? '');
}

function clean(text: string | null | undefined): string | null {
  if (!text) return null;
  // Markup has no place in a title: a tag in the metadata ("Reporter <script>…</script> questions") is dropped, as text.
  const out = decodeEntities(text)
    .replace(/<\/?[a-z][^>]*>/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return out || null;
}

// For finding a heading among the <title>'s parts, where a spaced colon also separates ("Post : Blog").
const ANY_SEPARATOR = /\s+(?:[|│｜»•·~/\\:]|::|-{1,2}|–|—)\s+/;
const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
const wordCount = (s: string) => s.split(/\s+/).length;

/** Title parts that name a kind of page, not this one ("Blog Archive - …", "… | Startseite"). */
const GENERIC_PART = /^(blogarchive?|archive?|home|homepage|startseite|blog)$/;

/**
 * The parts of a separated title ("Headline | Site") that name the site rather than the page: the declared site name,
 * a kind of page ("Blog Archive"), or, with no site name declared, the shortest short edge part that opens with the
 * address's name ("Kodwerk Community Forum" on kodwerk.de; "Tesla" but not "Tesla unveils …" on tesla.com).
 */
function siteParts(parts: string[], siteName: string | null, hostLabel: string | null): Set<string> {
  const site = siteName ? key(siteName) : '';
  const host = !site && hostLabel && hostLabel.length >= 4 ? key(hostLabel) : '';
  const found = new Set<string>();
  for (const p of parts) {
    const k = key(p);
    if (GENERIC_PART.test(k) || (site && k && (k === site || site.includes(k) || (k.includes(site) && k.length - site.length < 6)))) found.add(p);
  }
  const hostParts = [parts[0], parts[parts.length - 1]].filter((p): p is string => !!p && !!host && key(p).startsWith(host) && wordCount(p) <= 5);
  const shortest = hostParts.sort((a, b) => a.length - b.length)[0];
  if (shortest) found.add(shortest);
  // A "site name" that covers every part is the page's title pasted into the wrong field: it says nothing.
  return found.size < parts.length ? found : new Set();
}

// (A literal, not new RegExp: the always-injected gate imports this module's neighbours and must stay small.)
const CJK_SITE_TAIL =
  /^([\s\S]{8,}?[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}！？。」』）])(?:[_-][\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]{2,6})+$/u;

/** "Headline - Site" → "Headline": drops the parts that are the site's name, or short parts beside a long one. */
export function stripSiteName(title: string, siteName: string | null, labels = true, hostLabel: string | null = null): string {
  // "Weekly Edition [LWN.net]": the site's name in brackets at the end.
  const bracketed = /^(.*\S)\s+\[([^\]]{2,60})\]$/.exec(title);
  if (bracketed && siteParts([bracketed[1] as string, bracketed[2] as string], siteName, hostLabel).has(bracketed[2] as string))
    return stripSiteName(bracketed[1] as string, siteName, labels, hostLabel);
  // "标题！-新华网", "标题_科技_腾讯网": Chinese and Japanese titles set a short site name (and section) off without spaces.
  const cjk = title.length <= 300 ? CJK_SITE_TAIL.exec(title) : null;
  if (cjk) return cjk[1] as string;
  const parts = title.split(SEPARATORS);
  if (parts.length < 2) return title;
  const sites = siteParts(parts, siteName, hostLabel);
  const kept = parts.filter((p) => !sites.has(p));
  if (kept.length === 1) return kept[0] as string;
  if (kept.length < parts.length) return kept.join(' - ');
  if (!labels) return title;
  // No part names the site: keep the longest part when the others are short labels ("Rezept | LECKER").
  const labelled = title.split(LABEL_SEPARATORS);
  if (labelled.length < 2) return title;
  const longest = [...labelled].sort((a, b) => wordCount(b) - wordCount(a))[0] as string;
  const others = labelled.filter((p) => p !== longest);
  return others.every((p) => wordCount(p) <= 4) && wordCount(longest) >= 3 ? longest : title;
}

function tokens(s: string): Set<string> {
  return new Set(s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** Any word in common, or inside one of the other's compounds ("Geschichte" in "Chorgeschichte"). */
function sharesWord(a: string, b: string): boolean {
  const [x, y] = [[...tokens(a)], [...tokens(b)]];
  const inside = (w: string, words: string[]) => words.some((v) => v === w || (w.length >= 6 && v.includes(w)));
  return x.some((w) => inside(w, y)) || y.some((w) => inside(w, x));
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
}

/** Share of the heading's words that the other title has too. */
function overlap(heading: string, other: string): number {
  const a = tokens(heading);
  const b = tokens(other);
  let shared = 0;
  // An inflected form counts as the same word ("nachhaltig" and "nachhaltiger", "plagues" and "plagued").
  const long = [...b].filter((u) => u.length >= 5);
  const inflected = (t: string) => t.length >= 5 && long.some((u) => commonPrefix(t, u) >= Math.max(t.length, u.length) - 3);
  for (const t of a) if (b.has(t) || inflected(t)) shared++;
  return a.size ? shared / a.size : 0;
}

export interface TitleCandidates {
  headline: string | null;
  ogTitle: string | null;
  /** the page's <h1> headings, in order */
  h1s: string[];
  /** the first <h2> headings, where a page with no headline in an <h1> sets it */
  h2s?: string[];
  titleTag: string | null;
  siteName: string | null;
  /** the main label of the page's host ("myoos" for foren.myoos.de), a hint when no site name is declared */
  hostLabel?: string | null;
}

/** A separator left dangling at either end ("Kanupolo 2032 dabei -", ": Stadtumbau") once a label or site name is gone. */
function tidy(title: string | null): string | null {
  if (!title) return title;
  // Guillemets stay: they open and close quoted headlines (»Abzocke …«, « Les … »).
  const out = title
    .replace(/^(?:[\s|:•·–—-])+/, '')
    .replace(/(?:\s[|•·–—-]|[\s:|])+$/, '')
    .trim();
  return out.length >= 2 ? out : title;
}

/**
 * "Wohnungsmarkt Baufirma Quellbach in Not", "Energie: Graben, bis es warm wird": a heading that opens with a
 * kicker (a topic label set before the headline, often in its own span) ends with the headline the metadata gives.
 */
function withoutKicker(heading: string, meta: string[], siteName: string | null): string {
  const headingKey = key(heading);
  for (const title of meta) {
    const headline = stripSiteName(title, siteName);
    const k = key(headline);
    if (wordCount(headline) < 3 || k === headingKey || !headingKey.endsWith(k)) continue;
    // Cut the heading where the headline starts, counting letters and digits only (the key drops the rest).
    let seen = 0;
    const skip = headingKey.length - k.length;
    for (let i = 0; i < heading.length; i++) {
      if (/[\p{L}\p{N}]/u.test(heading[i] as string) && seen++ === skip) {
        const kicker = heading.slice(0, i);
        return kicker.split(/\s+/).filter(Boolean).length <= 6 ? heading.slice(i) : heading;
      }
    }
  }
  return heading;
}

/** "Headline 02.02.2022 • Presse": a heading with the date line glued on ends where the metadata's headline does. */
function withoutDateLine(heading: string, meta: string | undefined): string {
  if (!meta || wordCount(meta) < 3) return heading;
  const rest = heading.toLowerCase().startsWith(meta.toLowerCase()) ? heading.slice(meta.length) : '';
  return /^\s*(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}|[|•·–—])/.test(rest) ? meta : heading;
}

/** The page's own heading wins when the metadata agrees with it; otherwise the metadata's, cleaned of the site name. */
export function chooseTitle(c: TitleCandidates): string | null {
  return tidy(pickTitle(c));
}

function pickTitle(c: TitleCandidates): string | null {
  const site = c.siteName ? key(c.siteName) : '';
  const tag = clean(c.titleTag);
  // A heading that is, or opens with, the part of the <title> that names the site is the site's banner ("TamboBlog" in
  // "Was ist Guerilla-Werbung? | TamboBlog"), not the story's headline.
  const tagParts = tag?.split(SEPARATORS) ?? [];
  const siteKeys = tagParts.length > 1 ? [...siteParts(tagParts, c.siteName, c.hostLabel ?? null)].map(key) : [];
  // So is a heading that is a later part of the <title>, after a longer first part ("Brot Grundrezept : Brot Rezepte").
  const allParts = tag?.split(ANY_SEPARATOR) ?? [];
  const laterPart = (h: string) => allParts.some((p, i) => i > 0 && key(p) === key(h) && wordCount(allParts[0] as string) >= wordCount(h));
  const banner = (h: string) => key(h) === site || laterPart(h) || siteKeys.some((k) => k.length >= 4 && key(h).startsWith(k));
  const usable = (h: string | null): h is string => !!h && h.length >= 6 && !banner(h);
  const headings = c.h1s.map(clean).filter(usable);
  // The story's own metadata, then the page's <title>.
  const storyMeta = [clean(c.headline), clean(c.ogTitle)].filter((t): t is string => !!t);
  const meta = tag ? [...storyMeta, tag] : storyMeta;
  // A heading the metadata mostly agrees with is the page's own wording, without any site name.
  // A short heading must also cover much of the title: a blog's or section's name in the <h1> ("Gates Unlatched",
  // "Opinion") is all in "Gates Unlatched: Open synthesis flow for …", but is not its headline.
  // Set after the title's colon ("Werft und Reederei: Holmqvist vertröstet Brandtner"), a short heading is the headline after all.
  const afterColon = (h: string, t: string) => {
    const [title, heading] = [t.toLowerCase(), h.toLowerCase()];
    return title.includes(`: ${heading}`) && !title.includes(`:: ${heading}`);
  };
  const agrees = (h: string, t: string) => overlap(h, t) >= 0.6 && (wordCount(h) > 3 || overlap(t, h) >= 0.5 || afterColon(h, t));
  // The story's own metadata (headline, og:title) picks among several headings before the <title> does: a blog's name
  // in a first <h1> agrees with "Blog: Post title" but not with the post's og:title.
  const agreed = meta.map((t) => headings.find((h) => agrees(h, t))).find(Boolean);
  // With no headline in an <h1>, the first <h2> that covers most of a metadata title is the visible one: the fullest, as
  // a heading that is only a part of it ("Open Data Project:") is a section's.
  const h2s = (c.h2s ?? []).map(clean).filter(usable);
  const fullest = (t: string) => {
    const covering = h2s.filter((h) => overlap(h, t) >= 0.6 && overlap(t, h) >= 0.6);
    return covering.sort((a, b) => overlap(t, b) - overlap(t, a))[0];
  };
  const agreedH2 = meta.map(fullest).find(Boolean);
  if (!agreed && agreedH2) return agreedH2;
  if (!agreed && !headings.length && allParts.length > 1 && c.h1s.some((h) => laterPart(clean(h) ?? ''))) return allParts[0] as string;
  if (agreed) {
    // "Headline | Old Site Name" in the <h1>, "Headline" in the metadata: the metadata's part is the headline.
    const parts = agreed.split(LABEL_SEPARATORS);
    const part = parts.length > 1 ? storyMeta.find((t) => parts.some((p) => key(p) === key(t))) : undefined;
    if (part) return part;
    // Some sites copy the <title>, site name and all, into a (visually hidden) <h1>.
    return withoutDateLine(withoutKicker(stripSiteName(agreed, c.siteName, false, c.hostLabel), meta, c.siteName), storyMeta[0]);
  }
  const best = storyMeta.find((t) => key(t) !== site && wordCount(t) >= 2);
  // The visible headline wins over metadata written for search and sharing, when it is about the same thing.
  // Not one of a series of headings on a listing page ("Korsetts – Deutschland", "Korsetts – Weltweit").
  const lead = headings[0];
  const firstWord = (h: string) => key(h.split(/\s+/)[0] ?? '');
  const series = headings.some((h, i) => i > 0 && firstWord(h) === firstWord(lead ?? ''));
  if (lead && best && !series && wordCount(lead) >= 3 && sharesWord(lead, best))
    return withoutDateLine(lead, stripSiteName(best, c.siteName, true, c.hostLabel));
  if (best) return stripSiteName(best, c.siteName, true, c.hostLabel);
  const tagHeadline = tag ? stripSiteName(tag, c.siteName, true, c.hostLabel) : null;
  // A short <h1> that shares no word with a long <title> names the section ("Parenting Health Corner"), not the story.
  const sectionName = (h: string) => !!tagHeadline && wordCount(h) <= 4 && wordCount(tagHeadline) >= 5 && !sharesWord(h, tagHeadline);
  if (headings[0] && !sectionName(headings[0])) return headings[0];
  return tagHeadline ?? c.h1s.map(clean).find(Boolean) ?? null;
}

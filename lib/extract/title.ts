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

const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
const wordCount = (s: string) => s.split(/\s+/).length;

/** Title parts that name a kind of page, not this one ("Blog Archive - …", "… | Startseite"). */
const GENERIC_PART = /^(blogarchive?|archive?|home|homepage|startseite|blog)$/;

/** "Headline - Site" → "Headline": drops the parts that are the site's name, or short parts beside a long one. */
export function stripSiteName(title: string, siteName: string | null, labels = true, hostLabel: string | null = null): string {
  const parts = title.split(SEPARATORS);
  if (parts.length < 2) return title;
  const site = siteName ? key(siteName) : '';
  // With no declared site name, a short first or last part opening with the address's name ("MyOOS Community Forum" on
  // myoos.de) is the site's.
  const host = !site && hostLabel && hostLabel.length >= 4 ? key(hostLabel) : '';
  const kept = parts.filter((p, i) => {
    const k = key(p);
    const edge = i === 0 || i === parts.length - 1;
    if ((edge && host && k.startsWith(host) && wordCount(p) <= 5) || GENERIC_PART.test(k)) return false;
    return !(site && k && (k === site || site.includes(k) || (k.includes(site) && k.length - site.length < 6)));
  });
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

/** Share of the heading's words that the other title has too. */
function overlap(heading: string, other: string): number {
  const a = tokens(heading);
  const b = tokens(other);
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return a.size ? shared / a.size : 0;
}

export interface TitleCandidates {
  headline: string | null;
  ogTitle: string | null;
  /** the page's <h1> headings, in order */
  h1s: string[];
  titleTag: string | null;
  siteName: string | null;
  /** the main label of the page's host ("myoos" for foren.myoos.de), a hint when no site name is declared */
  hostLabel?: string | null;
}

/** A separator left dangling at either end ("Olympia 2028 dabei -", ": Energiewende") once a label or site name is gone. */
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
 * "Immobilienkrise Rene Benko-Firma Signa in Sorge", "Klimaschutz: Bohren, bis es heiß wird": a heading that opens with a
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

/** The page's own heading wins when the metadata agrees with it; otherwise the metadata's, cleaned of the site name. */
export function chooseTitle(c: TitleCandidates): string | null {
  return tidy(pickTitle(c));
}

function pickTitle(c: TitleCandidates): string | null {
  const site = c.siteName ? key(c.siteName) : '';
  const headings = c.h1s.map(clean).filter((h): h is string => !!h && h.length >= 6 && key(h) !== site);
  const meta = [clean(c.headline), clean(c.ogTitle), clean(c.titleTag)].filter((t): t is string => !!t);
  // A heading the metadata mostly agrees with is the page's own wording, without any site name.
  // A short heading must also cover much of the title: a blog's or section's name in the <h1> ("Silicon Exposed",
  // "Opinion") is all in "Silicon Exposed: Open Verilog flow for …", but is not its headline.
  // Set after the title's colon ("Siemens und Adani: Kaeser verarscht Neubauer"), a short heading is the headline after all.
  const afterColon = (h: string, t: string) => {
    const [title, heading] = [t.toLowerCase(), h.toLowerCase()];
    return title.includes(`: ${heading}`) && !title.includes(`:: ${heading}`);
  };
  const agreed = headings.find((h) => meta.some((t) => overlap(h, t) >= 0.6 && (wordCount(h) > 3 || overlap(t, h) >= 0.5 || afterColon(h, t))));
  // Some sites copy the <title>, site name and all, into a (visually hidden) <h1>.
  if (agreed) return withoutKicker(stripSiteName(agreed, c.siteName, false, c.hostLabel), meta, c.siteName);
  const best = [clean(c.headline), clean(c.ogTitle)].find((t): t is string => !!t && key(t) !== site && wordCount(t) >= 2);
  if (best) return stripSiteName(best, c.siteName, true, c.hostLabel);
  const tag = clean(c.titleTag);
  const tagHeadline = tag ? stripSiteName(tag, c.siteName, true, c.hostLabel) : null;
  // A short <h1> that shares no word with a long <title> names the section ("Allergies Health Center"), not the story.
  const sectionName = (h: string) => !!tagHeadline && wordCount(h) <= 4 && wordCount(tagHeadline) >= 5 && !sharesWord(h, tagHeadline);
  if (headings[0] && !sectionName(headings[0])) return headings[0];
  return tagHeadline ?? c.h1s.map(clean).find(Boolean) ?? null;
}

/** Bylines and publisher names as sites write them, cleaned to names: no "By" label, no addresses, no repeats. */
import { pathOf } from './url';

/** Class, id, itemprop or rel words of the element that names the writer. */
export const BYLINE_WORDS = /(^|[\s_-])(byline|author|autor|auteur|autore|writer|signature)s?($|[\s_-])/i;

/** "By", "Von", "Par", "Por", "Di", "Door", "Av", "Przez": the label before a writer's name, once or more. */
const BY_LABEL = /^(?:(?:by|von|par|por|di|door|av|af|przez|written by|words by|text|texto|testo|autor|author|auteur|autore)\s*:?\s+)+/i;
const ADDRESS = /^(?:https?:\/\/|www\.)|^[\w.-]+\.(?:com|org|net|de|fr|es|it|co|uk|io)(?:\/|$)|@[\w-]+\.\w|^@\w+$/i;
/** Names are separated by commas, semicolons, bars, spaced slashes and "and" in the languages of the pages we see most. */
const SEPARATOR = /\s*(?:[,;|•·]|\s\/\s|\s(?:and|und|et|y|e|en|og|och|&)\s)\s*/i;

/** One writer's name, or null when what is written is no name (an address, a profile link, a handle). */
function cleanName(raw: string): string | null {
  const name = raw
    .replace(/\s+/g, ' ')
    .trim()
    .replace(BY_LABEL, '')
    .replace(/^[\s:,–—-]+|[\s:,–—-]+$/g, '');
  // Digits mark a date or a time set beside the name ("Jane Roe, 3 May 2024"); a name in a cased script has a capital
  // ("il y a 2 jours" is no name).
  if (!name || ADDRESS.test(name) || !/\p{L}/u.test(name) || /\d/.test(name) || name.length > 80) return null;
  if (/\p{Ll}/u.test(name) && !/\p{Lu}/u.test(name)) return null;
  return name;
}

/** A line that is a byline: "By Jane Roe", "Von Anna Schmidt | vor 3 Stunden", "Par Claire Dubois, il y a 2 jours". */
export function isBylineLine(text: string): boolean {
  if (text.length >= 100 || !BY_LABEL.test(text) || /[.!?]$/.test(text)) return false;
  // The first name after the label: capitalised words, name particles aside ("Di Maria scored twice" is a sentence).
  const first = cleanByline(text)?.split(', ')[0];
  return !!first && first.split(' ').every((w) => /^\p{Lu}/u.test(w) || NAME_PARTICLE.test(w));
}

const NAME_PARTICLE = /^(de|del|della|der|den|van|von|da|di|du|dos|la|le|bin|ibn|al|el|y|zu)$/;

/**
 * A byline as the page's metadata or markup gives it, cleaned: "By By ROBERT BURNS" → "ROBERT BURNS"; a Facebook
 * profile URL or a handle is dropped; the same name twice is given once. Null when no name is left.
 */
export function cleanByline(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const names: string[] = [];
  const seen = new Set<string>();
  const unlabelled = raw.replace(/\s+/g, ' ').trim().replace(BY_LABEL, '');
  for (const part of unlabelled.split(SEPARATOR)) {
    const name = cleanName(part);
    const key = name?.toLowerCase();
    if (name && key && !seen.has(key)) {
      seen.add(key);
      names.push(name);
    }
  }
  return names.length ? names.join(', ') : null;
}

/**
 * Second-level labels under which a country's code makes a public suffix ("bbc.co.uk", "abc.net.au"), and hosts that
 * give each of their users a subdomain: the short rule that stands in for the Public Suffix List (tldts is 140 KB
 * minified, more than the whole page analyser; see README).
 */
const SECOND_LEVEL = /^(co|com|org|net|gov|gob|gouv|edu|ac|or|ne|go|nic|ltd|plc|sch|nhs|mil|nom|biz|info|asso|res|in|lg|ed|gv|int)$/;
const USER_HOSTS = /^(blogspot|wordpress|github|gitlab|substack|tumblr|medium|wixsite|weebly|livejournal|typepad|over-blog|hatenablog|jimdofree)$/;

/** The part of a host that a publisher registers: "news.bbc.co.uk" → "bbc.co.uk", "jane.substack.com" → itself. */
export function registrableDomain(host: string): string | null {
  const clean = host.toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
  if (!clean || /^[\d.]+$/.test(clean) || clean.includes(':') || !clean.includes('.')) return clean || null;
  const labels = clean.split('.');
  const last = labels[labels.length - 1] as string;
  const second = labels[labels.length - 2] as string;
  let take = 2;
  if (last.length === 2 && SECOND_LEVEL.test(second)) take = 3;
  else if (USER_HOSTS.test(second)) take = 3;
  return labels.slice(-take).join('.');
}

/**
 * The publisher's name: the declared one unless it is an address ("https://www.example.com/" says "example.com"), and
 * the address's registrable domain when none is declared.
 */
export function publisherName(declared: string | null | undefined, pageUrl: string): string | null {
  const name = declared?.replace(/\s+/g, ' ').trim();
  if (name && !/^(?:https?:\/\/|www\.)/i.test(name)) return name;
  const url = name && /^https?:\/\//i.test(name) ? name : name ? `https://${name}` : pageUrl;
  const { host } = pathOf(url);
  return host ? registrableDomain(host) : null;
}

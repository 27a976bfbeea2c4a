/** Suffixes under which a site's own name is the label before them ("bbc.co.uk", "tribune.com.pk"). */
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'gov', 'ac', 'edu', 'or', 'ne', 'go', 'gob', 'nic']);
const MAX_NAME = 80;

/**
 * The label of a host that its owner registered: "dawn" for www.dawn.com and epaper.dawn.com, "bbc" for bbc.co.uk.
 * Subdomains are left out on purpose: a site can make one per reader. Null for IP addresses and hosts without a dot.
 */
export function registeredLabel(url: string): string | null {
  const host = (/^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^/?#:]+)/i.exec(url)?.[1] ?? '').toLowerCase().replace(/\.$/, '');
  if (!host || /^[\d.]+$/.test(host) || host.includes('[')) return null;
  const labels = host.split('.');
  if (labels.length < 2) return null;
  const last = labels[labels.length - 1] as string;
  const second = labels[labels.length - 2] as string;
  const label = labels.length >= 3 && last.length === 2 && SECOND_LEVEL.has(second) ? labels[labels.length - 3] : second;
  return label ? label.replace(/-/g, '') : null;
}

interface Spelling {
  /** what is sent for each word: the word, its initial, or nothing */
  parts: (string | null)[];
  /** letters spelled by whole words: more is a better reading of the name */
  whole: number;
}

/**
 * The part of an outlet's name (as the page gives it) that the page's own address vouches for, or null. A page chooses
 * its og:site_name and could put a per-reader token in it; what is sent is only the name's words that spell the site's
 * registered label, whole or by their initials, so every letter sent is one of the address's: "The Guardian" at
 * theguardian.com goes whole, "BBC News" at bbc.co.uk as "BBC", "The New York Times" at nytimes.com as "NY Times",
 * "Dawn x8f3kq" at dawn.com as "Dawn", and a name the address does not spell not at all.
 */
export function vouchedPublisherName(name: string, pageUrl: string): string | null {
  const label = registeredLabel(pageUrl);
  if (!label || !name || name.length > MAX_NAME) return null;
  const words = name
    .normalize('NFKC')
    .split(/[\s.]+/)
    .map((w) => ({ written: w.replace(/[^\p{L}\p{N}&]/gu, ''), key: w.toLowerCase().replace(/[^a-z0-9]/g, '') }))
    .filter((w) => w.written);
  if (!words.length || words.length > 8) return null;
  const memo = new Map<string, Spelling | null>();
  // Can words i… spell label j…? Each word is spelled whole, by its initial, or left out.
  const spell = (i: number, j: number): Spelling | null => {
    if (j === label.length) return { parts: words.slice(i).map(() => null), whole: 0 };
    if (i === words.length) return null;
    const key = `${i},${j}`;
    if (memo.has(key)) return memo.get(key) ?? null;
    const word = words[i] as { written: string; key: string };
    const options: Spelling[] = [];
    if (word.key && label.startsWith(word.key, j)) {
      const rest = spell(i + 1, j + word.key.length);
      if (rest) options.push({ parts: [word.written, ...rest.parts], whole: rest.whole + word.key.length });
    }
    if (word.key && label[j] === word.key[0]) {
      const rest = spell(i + 1, j + 1);
      if (rest) options.push({ parts: [(word.written[0] as string).toUpperCase(), ...rest.parts], whole: rest.whole });
    }
    const skipped = spell(i + 1, j);
    if (skipped) options.push({ parts: [null, ...skipped.parts], whole: skipped.whole });
    const best = options.sort((a, b) => b.whole - a.whole)[0] ?? null;
    memo.set(key, best);
    return best;
  };
  const spelled = spell(0, 0);
  if (!spelled) return null;
  // Initials next to each other make one acronym ("NY Times"); words stay apart.
  const out: string[] = [];
  let acronym = false;
  for (const part of spelled.parts) {
    if (part === null) {
      acronym = false;
      continue;
    }
    const initial = part.length === 1;
    if (initial && acronym) out[out.length - 1] += part;
    else out.push(part);
    acronym = initial;
  }
  return out.join(' ') || null;
}

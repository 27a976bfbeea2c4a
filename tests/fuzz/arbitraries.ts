import fc from 'fast-check';

/** Every quote mark news text uses, and apostrophes that are not quotes. */
export const QUOTE_MARKS = ['"', "'", '“', '”', '‘', '’', '«', '»', '„', '‟', '‹', '›', '「', '」', '『', '』', '`', '´', '″', '〝', '〞'];
/** Characters that are invisible or reorder text. */
export const INVISIBLE = [
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u00ad',
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200e',
  '\u200f',
];
/** Astral characters (surrogate pairs in UTF-16) and lone surrogates. */
export const ASTRAL = ['😀', '𝐀', '𠜎', '👩‍👩‍👧', '🇵🇰', '\ud800', '\udfff'];

/** News-like pieces: names, titles, speech verbs, datelines, particles, acronyms, punctuation. */
const WORDS = [
  'Jeff Rathke',
  'Rathke',
  'General Raheel Sharif',
  'Mr.',
  'Dr.',
  'President',
  'said',
  'says',
  'told',
  'according to',
  'added',
  'the US official',
  'He',
  'She',
  'They',
  'WASHINGTON:',
  'al-Qaeda',
  'bin',
  'van der',
  'de',
  'NATO',
  'FO',
  'Bank of England',
  'Pakistan’s',
  "Aziz's",
  'It’s',
  '’90s',
  'rock ’n’ roll',
  'the',
  'a',
  'and',
  'of',
  'in',
  '.',
  ',',
  ';',
  ':',
  '—',
  '–',
  '-',
  '(',
  ')',
  '...',
  '…',
  '?',
  '!',
  '\n',
  '\n\n',
  ' ',
  '  ',
  '\t',
  'A',
  'I',
  'U.S.',
  'St.',
  'e.g.',
  'Jr.',
  "O'Brien",
  'McDonald',
  'iPhone',
  // Title phrases after a body, parties, offices, firms and state codes (recogniser paths that loop over title words).
  'Acme Widgets',
  'CEO',
  'Chief Executive Officer',
  'Press Secretary',
  'Senior Vice President',
  'GOP',
  'Republican',
  'Gov.',
  'Commissioner of',
  'Ernst & Young',
  'AT&T',
  'Houston, TX',
  'Don’t',
];

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...QUOTE_MARKS) },
  { weight: 1, arbitrary: fc.constantFrom(...INVISIBLE) },
  { weight: 1, arbitrary: fc.constantFrom(...ASTRAL) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);

/** News-like text with every typographic hazard mixed in. */
export const newsText = fc.array(piece, { maxLength: 300, size: 'medium' }).map((parts) => parts.join(' '));

/** Atoms that make regexes work hard when repeated: runs of capitals, marks, titles, hyphens, spaces, dots. */
const RISKY_ATOMS = [
  'A',
  'Aa ',
  'AA',
  'A.',
  'Mr. ',
  '"',
  '“',
  '”',
  '’',
  "'",
  'al-',
  '-',
  ' ',
  '\n',
  '.',
  ',',
  'said ',
  'of ',
  'the ',
  'Bank of ',
  '(',
  ')',
  'Jeff ',
  'Rathke ',
  '&',
  '&amp;',
  '<',
  '<a ',
  '<item>',
  '<![CDATA[',
  '1',
  '2014-',
  '11/',
  'T',
  ':',
  'x'.repeat(10),
];

/** One risky atom (or a short mix) repeated thousands of times: the inputs that expose catastrophic backtracking. */
export const pathological = fc
  .tuple(
    fc.array(fc.constantFrom(...RISKY_ATOMS), { minLength: 1, maxLength: 3 }),
    fc.integer({ min: 500, max: 6000 }),
    fc.constantFrom('', '!', '"', 'a'),
  )
  .map(([atoms, times, tail]) => atoms.join('').repeat(times) + tail);

const TAGS = [
  'div',
  'p',
  'span',
  'article',
  'main',
  'section',
  'h1',
  'h2',
  'a',
  'b',
  'i',
  'blockquote',
  'ul',
  'li',
  'table',
  'td',
  'script',
  'style',
  'header',
  'footer',
  'aside',
  'nav',
  'time',
  'figure',
  'figcaption',
  'br',
  'img',
  'meta',
  'link',
];
const ATTRS = [
  'class="story"',
  'id="content"',
  'itemprop="articleBody"',
  'rel="canonical" href="/x"',
  'property="og:type" content="article"',
  'datetime="2014-11-19"',
  'href="javascript:alert(1)"',
  'onerror="alert(1)"',
  'type="application/ld+json"',
  'lang="en"',
  'class="share comments"',
];

type Html = string;
const htmlTree: fc.Arbitrary<Html> = fc.letrec<{ node: Html }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    newsText,
    fc
      .tuple(fc.constantFrom(...TAGS), fc.array(fc.constantFrom(...ATTRS), { maxLength: 2 }), fc.array(tie('node'), { maxLength: 4 }))
      .map(([tag, attrs, children]) => `<${tag}${attrs.map((a) => ` ${a}`).join('')}>${children.join('')}</${tag}>`),
  ),
})).node;

/** A page: head metadata, a random body, then maybe truncated mid-tag, with random bytes spliced in. */
export const htmlPage = fc
  .tuple(htmlTree, fc.boolean(), fc.nat(), fc.option(fc.string({ maxLength: 20 })), fc.nat())
  .map(([body, ld, cutAt, splice, spliceAt]) => {
    const head = ld
      ? '<script type="application/ld+json">{"@type":"NewsArticle","headline":"H","datePublished":"2014-11-19","publisher":{"name":"P"}}</script><meta property="og:type" content="article">'
      : '';
    let html = `<!doctype html><html><head><title>T | Site</title>${head}</head><body>${body}</body></html>`;
    if (splice !== null) {
      const at = spliceAt % (html.length + 1);
      html = html.slice(0, at) + splice + html.slice(at);
    }
    return cutAt % 3 === 0 ? html.slice(0, cutAt % (html.length + 1)) : html;
  });

/** The article text with random splices: insertions of hazards and deletions at random offsets. */
export function mutated(base: string) {
  return fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.oneof(piece, fc.constant(''))), { maxLength: 20 }).map((edits) => {
    let text = base;
    for (const [at, remove, insert] of edits) {
      const i = at % (text.length + 1);
      text = text.slice(0, i) + insert + text.slice(i + remove);
    }
    return text;
  });
}

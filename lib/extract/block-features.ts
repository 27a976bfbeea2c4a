/**
 * What the boilerplate classifier reads about each block (Dragnet and Web2Text style): the text's shape and density, its
 * links, where it stands on the page and beside the structural guess of the article's container, its markup, the words of
 * its class and id names (hashed, learned from data rather than listed), how often the page repeats it, and the same for
 * its neighbours.
 */
import type { BlockFacts } from './block-classifier';
import type { PageBlock } from './blocks';
import { BYLINE_WORDS, isBylineLine } from './byline';
import { isDateLine } from './dates';
import { isFunctionWord } from './language';
import type { PageElement } from './tree';

/** What the structural extractor (lib/extract/content.ts) decided, read as evidence by the classifier. */
export interface StructuralGuess {
  /** the container the Readability-style scoring chose, and the siblings that continue it */
  root: PageElement;
  parts: ReadonlySet<PageElement>;
  /** paragraph elements the structural rules kept */
  kept: ReadonlySet<PageElement>;
  /** containers whose loose text the structural rules kept */
  looseKept: ReadonlySet<PageElement>;
  /** elements the class, role and tag rules call page furniture */
  furniture: (el: PageElement) => boolean;
  /** class and id words of furniture (-1), of content (1), or neither (0) */
  classHint: (el: PageElement) => number;
  /** the page's headline as metadata gives it, lowercased words only */
  titleKey: string | null;
}

export const HASH_BUCKETS = 512;
/** Hashed class/id words: of the block's own element, of its parent, and of any other ancestor. */
export const HASH_SPACES = 3;

export const HOLDER_TAGS = [
  'p',
  'div',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'td',
  'th',
  'blockquote',
  'pre',
  'dd',
  'dt',
  'figcaption',
  'section',
  'article',
];
export const ANCESTOR_TAGS = [
  'a',
  'li',
  'nav',
  'header',
  'footer',
  'aside',
  'figure',
  'form',
  'table',
  'article',
  'main',
  'blockquote',
  'h1',
  'h2',
  'h3',
  'section',
  'button',
  'label',
  'address',
];
/** Class and id words that mark a caption, a photo credit or a disclaimer, in the languages the extension is used in. */
const CAPTION_WORDS =
  /^(captions?|credits?|copyright|disclaimer|disclosure|imagedescription|bildunterschrift|bildnachweis|legende|didascalia|photocredit)$/;
const FURNITURE_ROLES = /^(navigation|complementary|contentinfo|banner|search|dialog|menu|menubar|toolbar)$/;

const SENTENCE_END = /[.!?…。！？]["”’»)]*$/;
const SENTENCE_BREAK = /[.!?。！？]+["”’»)]*(\s|$)/g;
const WORD = /[\p{L}\p{N}]+/gu;
const UPPER = /\p{Lu}/u;
const LETTER = /\p{L}/u;
const DIGIT = /\p{N}/u;
const SPACE = /\s/u;
const URL_OR_MAIL = /https?:\/\/|www\.|\S@\S+\.\w/;

/** Lowercase words of class and id names, camelCase and BEM parts split ("articleBody__lead" → article, body, lead). */
export function classWords(el: PageElement): string[] {
  const names = `${el.attrs.class ?? ''} ${el.attrs.id ?? ''}`.slice(0, 300);
  return (
    names
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .match(/[a-z]{2,}/g) ?? []
  );
}

/** FNV-1a: the same bucket in training and in the browser. */
export function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % HASH_BUCKETS;
}

interface Own {
  chars: number;
  logChars: number;
  words: number;
  linkDensity: number;
  endsSentence: number;
  functionShare: number;
  kept: number;
  inParts: number;
}

function shape(block: PageBlock, chain: PageElement[], guess: StructuralGuess): { own: Own; dense: number[] } {
  const text = block.text;
  const words = text.match(WORD) ?? [];
  const n = words.length;
  const chars = text.length;
  // One pass over the characters: upper-case and other letters, digits, symbols (ASCII without a regular expression).
  let letters = 0;
  let upper = 0;
  let digits = 0;
  let symbols = 0;
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c < 128) {
      if (c >= 65 && c <= 90) {
        upper++;
        letters++;
      } else if (c >= 97 && c <= 122) letters++;
      else if (c >= 48 && c <= 57) digits++;
      else if (c !== 32 && (c < 9 || c > 13)) symbols++;
    } else if (UPPER.test(ch)) {
      upper++;
      letters++;
    } else if (LETTER.test(ch)) letters++;
    else if (DIGIT.test(ch)) digits++;
    else if (!SPACE.test(ch)) symbols++;
  }
  let capitalised = 0;
  let functional = 0;
  let wordChars = 0;
  for (const w of words) {
    wordChars += w.length;
    const c = w.charCodeAt(0);
    if (c < 128 ? c >= 65 && c <= 90 : UPPER.test(String.fromCodePoint(w.codePointAt(0) ?? 0))) capitalised++;
    if (isFunctionWord(w.toLowerCase())) functional++;
  }
  const sentences = text.match(SENTENCE_BREAK)?.length ?? 0;
  const lines = Math.max(1, Math.ceil(chars / 80));
  const linkDensity = chars ? block.linkChars / chars : 0;
  const endsSentence = SENTENCE_END.test(text) ? 1 : 0;
  const functionShare = n ? functional / n : 0;
  const kept = guess.looseKept.has(block.holder) || chain.some((el) => guess.kept.has(el)) ? 1 : 0;
  const inParts = chain.some((el) => guess.parts.has(el)) ? 1 : 0;
  const first = text.charAt(0);
  const dense = [
    Math.log1p(chars),
    Math.log1p(n),
    linkDensity,
    Math.log1p(block.links),
    chars ? block.timeChars / chars : 0,
    endsSentence,
    Math.log1p(sentences),
    /\p{Lu}/u.test(first) ? 1 : 0,
    /\p{Ll}/u.test(first) ? 1 : 0,
    /\p{N}/u.test(first) ? 1 : 0,
    n ? capitalised / n : 0,
    functionShare,
    chars ? digits / chars : 0,
    chars ? symbols / chars : 0,
    n ? wordChars / n : 0,
    /©|\(c\)/i.test(text) ? 1 : 0,
    Math.min(5, text.match(/\s[|•·]\s/g)?.length ?? 0),
    URL_OR_MAIL.test(text) ? 1 : 0,
    letters > 3 && upper / letters > 0.8 ? 1 : 0,
    n / lines,
    n ? (text.match(/[,،、，;]/g)?.length ?? 0) / n : 0,
    /:$/.test(text) ? 1 : 0,
    block.whole ? 1 : 0,
    chars ? block.emphasisChars / chars : 0,
    chars ? block.boldChars / chars : 0,
    /^[([].*[)\]]$/.test(text) ? 1 : 0,
    /\S\s?\/\s?\S/.test(text) && !URL_OR_MAIL.test(text) ? 1 : 0,
    isDateLine(text) ? 1 : 0,
  ];
  return { own: { chars, logChars: Math.log1p(chars), words: n, linkDensity, endsSentence, functionShare, kept, inParts }, dense };
}

/** What one element says, read once per element however many blocks it holds. */
interface ElementFacts {
  furniture: boolean;
  hint: number;
  role: boolean;
  classWords: string[];
  words: number[];
}

function markup(block: PageBlock, chain: PageElement[], guess: StructuralGuess, facts: (el: PageElement) => ElementFacts, row: number[]): void {
  const tags = new Set<string>();
  for (const el of chain) tags.add(el.tag);
  const holder = block.holder.tag;
  let furniture = 0;
  let nearestHint = 0;
  let anyNegative = 0;
  let anyPositive = 0;
  let roles = 0;
  let articleBody = 0;
  for (const el of chain) {
    const f = facts(el);
    if (f.furniture) furniture = 1;
    const hint = f.hint;
    if (hint && !nearestHint) nearestHint = hint;
    if (hint < 0) anyNegative = 1;
    if (hint > 0) anyPositive = 1;
    if (f.role) roles = 1;
    if (el.attrs.itemprop === 'articleBody') articleBody = 1;
  }
  const inRoot = chain.includes(guess.root) ? 1 : 0;
  // The byline's line: its element named as the byline or marked as the author, or its words a byline's.
  const holderEl = block.holder;
  const byline =
    holderEl.attrs.itemprop === 'author' ||
    /\bauthor\b/i.test(holderEl.attrs.rel ?? '') ||
    BYLINE_WORDS.test(facts(holderEl).classWords.join(' ')) ||
    isBylineLine(block.text);
  // A caption, a credit or a disclaimer: in a <figure>, or named as one by the block's element or the two above it.
  const caption =
    chain.some((el) => el.tag === 'figure' || el.tag === 'figcaption') ||
    chain.slice(0, 3).some((el) => facts(el).classWords.some((w) => CAPTION_WORDS.test(w)));
  for (const t of HOLDER_TAGS) row.push(holder === t ? 1 : 0);
  row.push(HOLDER_TAGS.includes(holder) ? 0 : 1);
  for (const t of ANCESTOR_TAGS) row.push(tags.has(t) ? 1 : 0);
  row.push(Math.log1p(chain.length), furniture, nearestHint, anyNegative, anyPositive, roles, articleBody, inRoot, caption ? 1 : 0, byline ? 1 : 0);
}

export const NEIGHBOUR_OFFSETS = [-2, -1, 1, 2];

/** One row of dense features per block, and its hashed class/id words. */
export function blockFeatures(blocks: PageBlock[], guess: StructuralGuess): { dense: number[][]; hashed: number[][] } {
  const known = new Map<PageElement, ElementFacts>();
  const facts = (el: PageElement): ElementFacts => {
    let f = known.get(el);
    if (!f) {
      const names = classWords(el);
      f = {
        furniture: guess.furniture(el),
        hint: guess.classHint(el),
        role: FURNITURE_ROLES.test(el.attrs.role ?? ''),
        classWords: names,
        words: names.map(hashWord),
      };
      known.set(el, f);
    }
    return f;
  };
  const chains = blocks.map((b) => [b.holder, ...b.ancestors]);
  const shapes = blocks.map((b, i) => shape(b, chains[i] as PageElement[], guess));
  const own = shapes.map((s) => s.own);
  const total = own.reduce((sum, o) => sum + o.chars, 0) || 1;
  const repeats = new Map<string, number>();
  for (const b of blocks) repeats.set(b.text, (repeats.get(b.text) ?? 0) + 1);
  // The page's headline: the first <h1> block, or the block whose words are the metadata's title.
  // (Only blocks of about the title's length can be it: the words of thousands of paragraphs are not worth joining.)
  const key = (s: string) => (s.toLowerCase().match(WORD) ?? []).join(' ');
  const titleLength = guess.titleKey?.length ?? -1;
  const isTitle = blocks.map((b) => titleLength >= 0 && b.text.length <= 2 * titleLength + 20 && key(b.text) === guess.titleKey);
  let headline = isTitle.indexOf(true);
  if (headline < 0) headline = blocks.findIndex((b) => b.holder.tag === 'h1' || b.ancestors.some((a) => a.tag === 'h1'));
  const keptIndexes = own.flatMap((o, i) => (o.kept ? [i] : []));
  const firstKept = keptIndexes[0] ?? -1;
  const lastKept = keptIndexes[keptIndexes.length - 1] ?? -1;
  let before = 0;
  const dense: number[][] = [];
  const hashed: number[][] = [];
  for (const [i, block] of blocks.entries()) {
    const o = own[i] as Own;
    let windowChars = 0;
    let windowLinks = 0;
    let windowKept = 0;
    let count = 0;
    for (let j = Math.max(0, i - 5); j <= Math.min(blocks.length - 1, i + 5); j++) {
      const m = own[j] as Own;
      windowChars += m.logChars;
      windowLinks += m.linkDensity;
      windowKept += m.kept;
      count++;
    }
    const signedLog = (d: number) => Math.sign(d) * Math.log1p(Math.abs(d));
    let siblings = 0;
    for (const c of block.holder.children) if (c.kind === 'element') siblings++;
    const row = shapes[i]?.dense ?? [];
    markup(block, chains[i] as PageElement[], guess, facts, row);
    row.push(
      o.kept,
      o.inParts,
      before / total,
      blocks.length > 1 ? i / (blocks.length - 1) : 0,
      headline >= 0 ? signedLog(i - headline) : 0,
      headline >= 0 && i === headline ? 1 : 0,
      headline >= 0 && i < headline ? 1 : 0,
      firstKept >= 0 ? signedLog(i - firstKept) : 0,
      lastKept >= 0 ? signedLog(i - lastKept) : 0,
      firstKept >= 0 && i >= firstKept && i <= lastKept ? 1 : 0,
      Math.log1p((repeats.get(block.text) ?? 1) - 1),
      isTitle[i] ? 1 : 0,
      Math.log1p(siblings),
    );
    for (const d of NEIGHBOUR_OFFSETS) {
      const m = own[i + d];
      row.push(m ? m.logChars : 0, m ? m.linkDensity : 0, m ? m.endsSentence : 0, m ? m.kept : 0, m ? m.functionShare : 0, m ? 1 : 0);
    }
    row.push(windowChars / count, windowLinks / count, windowKept / count);
    dense.push(row);
    before += o.chars;
    const words: number[] = [];
    for (const w of facts(block.holder).words) words.push(w);
    const up = block.ancestors[0];
    if (up) for (const w of facts(up).words) words.push(HASH_BUCKETS + w);
    for (const a of block.ancestors.slice(1)) for (const w of facts(a).words) words.push(2 * HASH_BUCKETS + w);
    hashed.push([...new Set(words)]);
  }
  return { dense, hashed };
}

/**
 * Where blockFacts finds what it reads in a row, as numbers so the page's bundle carries no names
 * (block-feature-names.ts has them; the block classifier's test checks these against it).
 */
export const FACT_COLUMNS = { chars: 0, linkDensity: 2, timeShare: 4, dateLine: 27, caption: 74, byline: 75 } as const;

/** The facts the rules around the model read, from a block's feature row (the same in training and in the page). */
export function blockFacts(row: number[]): BlockFacts {
  const at = (name: keyof typeof FACT_COLUMNS) => row[FACT_COLUMNS[name]] ?? 0;
  return {
    linkShare: at('linkDensity'),
    caption: at('caption') > 0,
    // A short line under a byline mark or made of a date: the story's metadata.
    metadata: (Math.expm1(at('chars')) < 150 && (at('timeShare') >= 0.6 || at('byline') > 0)) || at('dateLine') > 0,
  };
}

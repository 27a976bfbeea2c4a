/**
 * A character's Unicode general category, as a regular expression's `\p{…}` (u flag) answers it, for the name and quote
 * stages' one-character tests. ASCII and Latin-1 answer from a table made here, general punctuation (U+2000–U+206F: no
 * letters, marks or digits) at once; any other character asks one classifying expression, compiled on first need, and
 * its answer is kept. Why: each `\p{…}` class costs a Unicode-table look-up every time V8 parses an expression (when the
 * script is parsed, when the literal is made, when it is compiled, again when it tiers up), so the stages' small
 * `\p{…}` tests were a third of the work of a cold start (see README, Quality and speed).
 */

export const UPPER = 1; // Lu
export const LOWER = 2; // Ll
export const TITLE = 4; // Lt
export const MODIFIER = 8; // Lm
export const OTHER_LETTER = 16; // Lo
export const MARK = 32; // M
export const NUMBER = 64; // N
export const LETTER = UPPER | LOWER | TITLE | MODIFIER | OTHER_LETTER;
const KNOWN = 128;

/** Each BMP code unit's flags | KNOWN, 0 until asked. */
const bmp = new Uint8Array(0x10000);
const astral = new Map<number, number>();
// ASCII and Latin-1 by ranges [first, last, flags] over nothing (the rest of them has no category here), general
// punctuation, and the surrogates (a surrogate alone is no character of any category).
const TABLE: [number, number, number][] = [
  [0x00, 0xff, 0],
  [0x30, 0x39, NUMBER],
  [0x41, 0x5a, UPPER],
  [0x61, 0x7a, LOWER],
  [0xaa, 0xaa, OTHER_LETTER],
  [0xb2, 0xb3, NUMBER],
  [0xb5, 0xb5, LOWER],
  [0xb9, 0xb9, NUMBER],
  [0xba, 0xba, OTHER_LETTER],
  [0xbc, 0xbe, NUMBER],
  [0xc0, 0xd6, UPPER],
  [0xd8, 0xde, UPPER],
  [0xdf, 0xf6, LOWER],
  [0xf8, 0xff, LOWER],
  [0x2000, 0x206f, 0],
  [0xd800, 0xdfff, 0],
];
for (const [first, last, flags] of TABLE) bmp.fill(flags | KNOWN, first, last + 1);

const CATEGORIES = [UPPER, LOWER, TITLE, MODIFIER, OTHER_LETTER, MARK, NUMBER];
let classifier: RegExp | null = null;

function classify(code: number): number {
  // biome-ignore lint/complexity/useRegexLiterals: a literal's classes are parsed with the script, used or not
  classifier ??= new RegExp(String.raw`^(?:(\p{Lu})|(\p{Ll})|(\p{Lt})|(\p{Lm})|(\p{Lo})|(\p{M})|(\p{N}))`, 'u');
  const m = classifier.exec(String.fromCodePoint(code));
  if (m) for (let g = 0; g < CATEGORIES.length; g++) if (m[g + 1] !== undefined) return CATEGORIES[g] as number;
  return 0;
}

/** The category flags of a code point (a lone surrogate has none, as for `\p{…}`). */
export function charFlags(code: number): number {
  if (code < 0x10000) {
    const known = bmp[code] as number;
    if (known) return known & ~KNOWN;
    const flags = classify(code);
    bmp[code] = flags | KNOWN;
    return flags;
  }
  let flags = astral.get(code);
  if (flags === undefined) {
    flags = classify(code);
    astral.set(code, flags);
  }
  return flags;
}

/** Whether the code point at `i` of `s` (a surrogate pair read whole) has any of `flags`. */
export function isAt(s: string, i: number, flags: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return (charFlags(c) & flags) !== 0;
  return (charFlags(s.codePointAt(i) as number) & flags) !== 0;
}

/** Code units of the code point at `i` (2 for a surrogate pair). */
export function widthAt(s: string, i: number): number {
  return (s.codePointAt(i) as number) > 0xffff ? 2 : 1;
}

/** Whether the first code point of `s` has any of `flags` (`/^[\p{…}]/u`); false for ''. */
export const startsWith = (s: string, flags: number): boolean => s.length > 0 && isAt(s, 0, flags);

/** Whether any code point of `s` has any of `flags` (`/[\p{…}]/u`). */
export function someChar(s: string, flags: number): boolean {
  for (let i = 0; i < s.length; i += widthAt(s, i)) if (isAt(s, i, flags)) return true;
  return false;
}

/** Whether `s` is one code point with any of `flags`, then `tail` or nothing if `optional` (`/^\p{…}\.?$/u`). */
export function oneCharThen(s: string, flags: number, tail: string, optional: boolean): boolean {
  if (!s.length || !isAt(s, 0, flags)) return false;
  const rest = s.length - widthAt(s, 0);
  return rest === tail.length ? s.endsWith(tail) : optional && rest === 0;
}

/** Whether `s` is `min` to `max` code points, each with any of `flags` (`/^\p{…}{min,max}$/u`). */
export function allChars(s: string, flags: number, min: number, max: number): boolean {
  let n = 0;
  for (let i = 0; i < s.length; i += widthAt(s, i)) {
    if (!isAt(s, i, flags) || ++n > max) return false;
  }
  return n >= min;
}

/** Whether `s` has `n` code points in a row, each with any of `flags` (`/\p{…}{n}/u`). */
export function hasRun(s: string, flags: number, n: number): boolean {
  let run = 0;
  for (let i = 0; i < s.length; i += widthAt(s, i)) {
    run = isAt(s, i, flags) ? run + 1 : 0;
    if (run >= n) return true;
  }
  return false;
}

/** The code points of `s` with any of `flags`, each as a string (`s.match(/\p{…}/gu)`). */
export function charsWith(s: string, flags: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i += widthAt(s, i)) if (isAt(s, i, flags)) out.push(String.fromCodePoint(s.codePointAt(i) as number));
  return out;
}

/** Each run of code points with none of `flags` made `by` (`s.replace(/[^\p{…}]+/gu, by)`). */
export function replaceRunsWithout(s: string, flags: number, by: string): string {
  let out = '';
  let from = 0;
  let i = 0;
  while (i < s.length) {
    if (isAt(s, i, flags)) {
      i += widthAt(s, i);
      continue;
    }
    let end = i;
    while (end < s.length && !isAt(s, end, flags)) end += widthAt(s, end);
    out += s.slice(from, i) + by;
    from = i = end;
  }
  return from ? out + s.slice(from) : s;
}

/** How many runs of code points with any of `flags` `s` has (`s.match(/[\p{…}]+/gu)?.length ?? 0`). */
export function countRuns(s: string, flags: number): number {
  let n = 0;
  let inside = false;
  for (let i = 0; i < s.length; i += widthAt(s, i)) {
    const yes = isAt(s, i, flags);
    if (yes && !inside) n++;
    inside = yes;
  }
  return n;
}

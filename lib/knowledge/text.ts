/** Words for comparing an article with what Wikidata and Wikipedia say about a candidate: folded, plural-stemmed, no stop words. */

/** Lowercase without accents: "São José" → "sao jose". */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** A name compared as names are: folded, dots and apostrophes dropped, any other punctuation a space. */
export function nameKey(name: string): string {
  return fold(name)
    .replace(/[.'’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const SUFFIXES = ['jr', 'sr', 'ii', 'iii', 'iv', '2d', '3d', '2nd', '3rd'];

/** "James A. Baker 3d" and "James Addison Baker III" → "james baker": a person's name without middle initials and generational suffixes. */
export function plainPersonName(name: string): string {
  const words = nameKey(name).split(' ').filter(Boolean);
  while (words.length > 2 && SUFFIXES.includes(words[words.length - 1] as string)) words.pop();
  return words.filter((w, i) => !(i > 0 && i < words.length - 1 && w.length === 1)).join(' ');
}

// Function words, and the words every encyclopedia entry and news story use, which say nothing about who is meant.
const STOP_WORDS =
  'a about above after again against all also although am among an and another any are around as at be because been before being ' +
  'below between both but by can could did do does doing down during each either else ever every few for from further had has ' +
  'have having he her here hers herself him himself his how however i if in into is it its itself just last later least less ' +
  'like many may me might more most much must my near neither no nor not now of off often on once one only or other our ours ' +
  'out over own per same several she should since so some such than that the their theirs them themselves then there these they ' +
  'this those though through thus to too two under until up upon us very was we were what when where whether which while who ' +
  'whom whose why will with within without would yet you your also said says say told tell according would could new first ' +
  'second third years year time times week month day today yesterday monday tuesday wednesday thursday friday saturday sunday ' +
  'january february march april may june july august september october november december mr mrs ms dr st well still back ' +
  'known called including include includes based located since became become former currently later early late part name named';
let stop: Set<string> | undefined;
function isStopWord(word: string): boolean {
  if (!stop) stop = new Set(STOP_WORDS.split(' '));
  return stop.has(word);
}

/**
 * A light stemmer, the same on both sides of a comparison: plurals ("counties" → "county"), then -ing, -ed, -er, -ic and
 * the -ian/-an of demonyms ("Russian" → "russia", "Democratic" → "democrat", "designer" → "design").
 */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && /(?:ches|shes|sses|xes|zes)$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is|ous)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3).replace(/([^aeioulsz])\1$/, '$1');
  else if (w.length > 5 && w.endsWith('ied')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith('ed') && !w.endsWith('eed')) w = w.slice(0, -2).replace(/([^aeioulsz])\1$/, '$1');
  else if (w.length > 5 && w.endsWith('er')) w = w.slice(0, -2);
  else if (w.length > 6 && w.endsWith('ic')) w = w.slice(0, -2);
  else if (w.length > 5 && w.endsWith('ian')) w = w.slice(0, -1);
  else if (w.length > 5 && w.endsWith('an') && !w.endsWith('man')) w = w.slice(0, -1);
  return w;
}

/** The content words of a text, in order, folded and stemmed. */
export function contentWords(text: string): string[] {
  const out: string[] = [];
  for (const raw of fold(text).match(/\p{L}[\p{L}'’]*/gu) ?? []) {
    const word = raw.replace(/['’]s?$/, '');
    if (word.length < 3 || isStopWord(word)) continue;
    out.push(stem(word));
  }
  return out;
}

/** Counts of the content words of a text. */
export function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of contentWords(text)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

/** Whether `text` contains `phrase` as whole words, both folded. */
export function containsPhrase(text: string, phrase: string): boolean {
  const p = nameKey(phrase);
  if (!p) return false;
  return ` ${nameKey(text)} `.includes(` ${p} `);
}

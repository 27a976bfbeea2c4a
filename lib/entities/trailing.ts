import { spanMention } from './context';
import { COMMON_WORDS, isPlainWord, ORG_HEADS, ORG_OF_HEADS, PLACE_HEADS, PLACES } from './lexicon';
import type { RawMention } from './recognize';
import type { Token } from './tokens';
import { lower } from './words';

/**
 * "Psychology major at University of Texas Arlington Amneh Jafari heard …", then "Jafari said …": with no comma
 * between them, a body's name runs on into a person's. When the run's last word is named alone elsewhere in the text,
 * the last two words are that person's name and the body's name ends before them.
 */
export function splitTrailingPerson(text: string, tokens: Token[], mentions: RawMention[]): RawMention[] {
  const alone = new Set<string>();
  for (const m of mentions) if (m.tokenCount === 1 && (m.type === 'UNK' || m.type === 'PER')) alone.add(m.text);
  if (!alone.size) return mentions;
  let split = false;
  const out: RawMention[] = [];
  for (const m of mentions) {
    out.push(m);
    if (m.type !== 'ORG' || m.tokenCount < 5) continue;
    const end = m.tokenIndex + m.tokenCount;
    const [given, surname] = [tokens[end - 2] as Token, tokens[end - 1] as Token];
    const words = tokens.slice(m.tokenIndex, end - 2).map(lower);
    // The body's own name must stand without them: "University of Texas Arlington", not "Bank of England Governor".
    if (!words.includes('of') || !words.some((w) => ORG_OF_HEADS.has(w) || ORG_HEADS.has(w))) continue;
    if (!nameWord(given) || !nameWord(surname) || !alone.has(surname.text) || /[,(]/.test(given.gapBefore)) continue;
    out[out.length - 1] = { ...spanMention(text, tokens, m.tokenIndex, end - 2, 'ORG', m.strength), titles: m.titles };
    out.push(spanMention(text, tokens, end - 2, end, 'PER', 2));
    split = true;
  }
  return split ? out : mentions;
}

function nameWord(t: Token): boolean {
  const w = lower(t);
  return t.shape === 'upper' && !PLACES.has(w) && !ORG_HEADS.has(w) && !PLACE_HEADS.has(w) && !COMMON_WORDS.has(w) && !isPlainWord(w);
}

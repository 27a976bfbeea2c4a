import type { Entity, EntityType } from '../analyze/types';
import { finish, type Steps } from '../steps';
import { compoundHead, textConventions } from '../text';
import { oneCharThen, startsWith, UPPER } from '../text/chars';
import { bodiesBeforePlaces, firmsAfterHeads, namesElsewhere, namesInCompounds, trimGenitives } from './compounds';
import { firmHeads } from './languages';
import { DEMONYMS, TITLES } from './lexicon';
import { nameParts } from './mentions';
import { mergeMentions, type TypedMention } from './merge';
import { nerModel, nerResources } from './model';
import { tagDocumentSteps } from './recognize';
import { ENTITY_TYPES } from './tagger';
import { type Token, tokenize } from './tokens';

export { NER_LANGUAGES } from './languages';
export { genderOf } from './lexicon';
export { nameKey } from './merge';
export { hasNerModel, provideNerModel, provideNerModelSource } from './model';
export { type Token, tokenize } from './tokens';

export interface EntityAnalysis {
  entities: Entity[];
  tokens: Token[];
}

const isInitial = (word: string) => oneCharThen(word, UPPER, '.', false);

/**
 * Title words written just before a name ("Chief of Army Staff General Raheel Sharif" → "General"), as written ("Gen.");
 * the titles are the language's (its resources' title class).
 */
function titlesBefore(tokens: Token[], start: number, titleWords: { has(word: string): boolean } = TITLES, compounds = false): string[] {
  const titles: string[] = [];
  for (let k = start - 1; k >= 0 && k >= start - 4; k--) {
    const t = tokens[k] as Token;
    const word = t.text.replace(/\.$/, '');
    // (Where compounds are written whole, "Konzernchef" and "FACC-CEO" are titles as "Chef" and "CEO" are.)
    if (!startsWith(word, UPPER) || !compoundHead(word.toLowerCase(), titleWords, compounds)) break;
    titles.unshift(t.text);
  }
  return titles;
}

/**
 * A name found once is found again whole: a mention that, with the words just before or after it, spells (case aside) a
 * longer name found in the same text, or that name's last words, becomes that: "the Haqqani network" after "the
 * Haqqani Network" (the tagger may leave a lowercase head word out), "State Department officials" at a sentence start
 * after "US State Department" (where the tagger may drop the sentence's first word).
 */
function extendToKnownNames(text: string, tokens: Token[], mentions: TypedMention[]): TypedMention[] {
  const known = new Map<string, TypedMention>();
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');
  for (const m of mentions) {
    const words = norm(m.text).split(' ');
    // The whole name, and its last two to eight words ("State Department" of "US State Department").
    for (let k = 0; k + 1 < words.length; k = k ? k + 1 : Math.max(1, words.length - 8)) {
      const tail = words.slice(k).join(' ');
      if (!known.has(tail)) known.set(tail, m);
    }
  }
  if (!known.size) return mentions;
  // The token starting at an offset, by binary search (token starts increase).
  const startAt = {
    get(offset: number): number | undefined {
      let lo = 0;
      let hi = tokens.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const at = (tokens[mid] as Token).start;
        if (at === offset) return mid;
        if (at < offset) lo = mid + 1;
        else hi = mid - 1;
      }
      return undefined;
    },
  };
  const covered = new Set<number>();
  for (const m of mentions)
    for (let k = startAt.get(m.start) ?? -1; k >= 0 && k < tokens.length && (tokens[k] as Token).end <= m.end; k++) covered.add(k);
  return mentions.map((m) => {
    const first = startAt.get(m.start);
    if (first === undefined) return m;
    let last = first;
    while (last + 1 < tokens.length && (tokens[last + 1] as Token).end <= m.end) last++;
    // Up to two words either side, joined to the mention by spaces only, that no other mention holds.
    const free = (k: number, from: number, to: number) => k >= 0 && k < tokens.length && !covered.has(k) && /^ +$/.test(text.slice(from, to));
    for (let before = 0; before <= 2; before++) {
      const a = first - before;
      if (before && (a < 0 || !free(a, (tokens[a] as Token).end, (tokens[a + 1] as Token).start))) break;
      for (let after = 0; after <= 2; after++) {
        const b = last + after;
        if (after && (b >= tokens.length || !free(b, (tokens[b - 1] as Token).end, (tokens[b] as Token).start))) break;
        if (!before && !after) continue;
        const start = (tokens[a] as Token).start;
        const end = (tokens[b] as Token).end;
        const found = known.get(norm(text.slice(start, end)));
        if (found && found !== m) return { start, end, text: text.slice(start, end), type: found.type, titles: m.titles };
      }
    }
    return m;
  });
}

/**
 * "the Pakistani Taliban", "the Afghan Army": a nationality written just before an organisation's name is part of it
 * (the tagger, trained on text that marks nationalities apart, often splits the two).
 */
function joinDemonymToBody(text: string, mentions: TypedMention[]): TypedMention[] {
  const out: TypedMention[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i] as TypedMention;
    const next = mentions[i + 1];
    if (next && m.type === 'MISC' && next.type === 'ORG' && text.slice(m.end, next.start) === ' ' && DEMONYMS.has(m.text.toLowerCase())) {
      out.push({ ...next, start: m.start, text: text.slice(m.start, next.end) });
      i++;
    } else out.push(m);
  }
  return out;
}

/** The tagged name mentions of a text, cleaned up, before their variants are merged (see findEntities). */
export function findMentions(text: string, language: string, tokens: Token[]): TypedMention[] {
  return finish(mentionSteps(text, language, tokens));
}

/** findMentions in steps (see lib/steps): the tagger's sentences, then the mentions' clean-up. */
function* mentionSteps(text: string, language: string, tokens: Token[]): Steps<TypedMention[]> {
  const resources = nerResources(language);
  const tagged = yield* tagDocumentSteps(tokens, nerModel(language), resources);
  const titleWords = resources.classes[resources.titleClass]?.[1];
  const conventions = textConventions(language);
  const compounds = conventions.hyphenatedWords === 'whole';
  const capitalised = !!conventions.capitalisedNames;
  const placeWords = resources.classes.find(([name]) => name === 'place')?.[1];
  const placePhrases = resources.phrases.find(([name]) => name === 'place')?.[1];
  const isPlace = (name: string) => !!(placeWords?.has(name.toLowerCase()) || placePhrases?.has(name.toLowerCase()));
  const mentions: TypedMention[] = tagged.spans.flatMap((span) =>
    nameParts(text, tokens, span.start, span.end, ENTITY_TYPES[span.type] as EntityType, isPlace, capitalised).map((part) => {
      let from = part.from;
      const to = part.to;
      // A person's initials just before the name are part of it ("J. Harold Brennick").
      while (
        part.type === 'PER' &&
        from > 0 &&
        isInitial((tokens[from - 1] as Token).text) &&
        text.slice((tokens[from - 1] as Token).end, (tokens[from] as Token).start) === ' '
      )
        from--;
      const first = tokens[from] as Token;
      const last = tokens[to - 1] as Token;
      const mentionText = text.slice(first.start, last.end);
      // A nationality alone ("Israeli", "Syrian") names no person, body or place, whatever the tagger's type.
      const type = from + 1 === to && DEMONYMS.has(mentionText.toLowerCase()) ? 'MISC' : part.type;
      return {
        start: first.start,
        end: last.end,
        text: mentionText,
        type,
        titles: part.type === 'PER' ? titlesBefore(tokens, from, titleWords, compounds) : [],
        // (The tagger's scores for the words' types, unless a rule gave the type.)
        ...(type === ENTITY_TYPES[span.type] ? { typeScores: tagged.typeScores(part.from, part.to) } : {}),
      };
    }),
  );
  yield;
  let found = extendToKnownNames(text, tokens, joinDemonymToBody(text, mentions));
  // (A model whose second stage read lone sentences has not seen the rest of the document: see namesElsewhere.)
  if (nerModel(language).meta.stage2Scope === 'sentence') found = namesElsewhere(tokens, found);
  if (compounds) found = bodiesBeforePlaces(tokens, namesInCompounds(tokens, trimGenitives(found), resources), resources);
  const heads = firmHeads(language);
  if (heads) found = firmsAfterHeads(tokens, found, heads, isPlace);
  return found;
}

/**
 * People, organisations, places and other names in plain text, with mentions as UTF-16 offsets and variants merged.
 * `language` picks the model and its resources (see model.ts); its model must have been provided.
 */
export function findEntities(text: string, language = 'en', tokens: Token[] = tokenize(text, language)): EntityAnalysis {
  return finish(entitySteps(text, language, tokens));
}

/** findEntities in steps (see lib/steps): the text's tokens, the tagger's sentences, then the names in passes. */
export function* entitySteps(text: string, language = 'en', given?: Token[]): Steps<EntityAnalysis> {
  const tokens = given ?? tokenize(text, language);
  if (!given) yield;
  const mentions = yield* mentionSteps(text, language, tokens);
  yield;
  return { entities: mergeMentions(mentions), tokens };
}

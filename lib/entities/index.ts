import type { Entity, EntityType } from '../analyze/types';
import { TITLES } from './lexicon';
import { mergeMentions, type TypedMention } from './merge';
import { nerModel, nerResources } from './model';
import { tagTokens } from './recognize';
import { ENTITY_TYPES } from './tagger';
import { type Token, tokenize } from './tokens';

export { genderOf } from './lexicon';
export { nameKey } from './merge';
export { hasNerModel, provideNerModel } from './model';
export { dotEndsNoSentence, type Token, tokenize } from './tokens';

export interface EntityAnalysis {
  entities: Entity[];
  tokens: Token[];
}

/** Title words written just before a name ("Chief of Army Staff General Raheel Sharif" → "General"), as written. */
function titlesBefore(tokens: Token[], start: number): string[] {
  const titles: string[] = [];
  for (let k = start - 1; k >= 0 && k >= start - 4; k--) {
    const t = tokens[k] as Token;
    const word = t.text.replace(/\.$/, '');
    if (!/^\p{Lu}/u.test(word) || !TITLES.has(word.toLowerCase())) break;
    titles.unshift(word);
  }
  return titles;
}

/** People, organisations, places and other names in plain text, with mentions as UTF-16 offsets and variants merged. */
export function findEntities(text: string, tokens: Token[] = tokenize(text)): EntityAnalysis {
  const spans = tagTokens(tokens, nerModel(), nerResources());
  const mentions: TypedMention[] = spans.map((span) => {
    const first = tokens[span.start] as Token;
    const last = tokens[span.end - 1] as Token;
    return {
      start: first.start,
      end: last.end,
      text: text.slice(first.start, last.end),
      type: ENTITY_TYPES[span.type] as EntityType,
      titles: ENTITY_TYPES[span.type] === 'PER' ? titlesBefore(tokens, span.start) : [],
    };
  });
  return { entities: mergeMentions(mentions), tokens };
}

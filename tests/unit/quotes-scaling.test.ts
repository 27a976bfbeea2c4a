// Speaker attribution on a long text costs time in proportion to its length: each speech verb and each quote looks at
// the mentions around it, found by position, never at every mention of the text (which made a 10 MB page take minutes).
import { expect, test } from 'vitest';
import type { Entity } from '../../lib/analyze';
import { findQuotes } from '../../lib/quotes';
import { fastest } from '../fixtures/timing';

const PARAGRAPH = (i: number) =>
  `“The talks will go on,” Jeff Rathke said in Washington on day ${i}, adding that Sartaj Aziz had met officials. He said the State Department agreed.`;

/** A long text of quotes and speech verbs, with its people's mentions found by plain search (no recogniser needed). */
function document(paragraphs: number): { text: string; entities: Entity[] } {
  const text = Array.from({ length: paragraphs }, (_, i) => PARAGRAPH(i)).join('\n\n');
  const entity = (id: string, name: string, type: Entity['type']): Entity => ({
    id,
    name,
    type,
    variants: [name],
    titles: [],
    mentions: [...text.matchAll(new RegExp(name, 'g'))].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + name.length, text: name })),
  });
  return {
    text,
    entities: [entity('e1', 'Jeff Rathke', 'PER'), entity('e2', 'Sartaj Aziz', 'PER'), entity('e3', 'State Department', 'ORG')],
  };
}

test('speaker attribution is linear in the text’s length: 8× the paragraphs cost about 8× the time, not 64×', { timeout: 60_000 }, () => {
  const small = document(250);
  const large = document(2000);
  let quotes = 0;
  fastest(() => findQuotes(small.text, small.entities), 1); // warm up
  const tSmall = fastest(() => {
    quotes = findQuotes(small.text, small.entities).length;
  });
  expect(quotes).toBe(250);
  const tLarge = fastest(() => {
    const found = findQuotes(large.text, large.entities);
    quotes = found.length;
    expect(found[1999]?.speakerId).toBe('e1');
  }, 2);
  expect(quotes).toBe(2000);
  // Linear: about 8; quadratic: about 64. The margin is for a busy machine.
  console.log(`speaker attribution: ${tSmall.toFixed(0)} ms for 250 paragraphs, ${tLarge.toFixed(0)} ms for 2,000`);
  expect(tLarge / tSmall).toBeLessThan(20);
});

// A document's analysis depends on that document only. The batch CLI and the background analyse one document after
// another in one process, and the analysers keep things between calls (the tagger's per-word feature cache, reused
// decoding buffers, compiled patterns): each document analysed after many others must come out exactly as it does in a
// fresh process.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { expect, test, vi } from 'vitest';
import { seedBody } from '../fixtures/seed';
import { newsText, pathological } from '../fuzz/arbitraries';

type Analyse = (text: string) => unknown;

/** analyzeText from a fresh copy of every module (nothing kept from earlier calls), with the shipped model loaded. */
async function freshAnalyser(): Promise<Analyse> {
  vi.resetModules();
  const { loadNerModel } = await import('../../cli/ner-model');
  loadNerModel();
  const { analyzeText } = await import('../../lib/analyze');
  return (text) => {
    const { entities, quotes } = analyzeText(text, 'en');
    return { entities, quotes };
  };
}

/** The linking fixtures' article paragraphs as plain text: real-looking news, many names. */
function fixtureTexts(): string[] {
  const dir = new URL('../fixtures/linking/articles/', import.meta.url);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) =>
      [...readFileSync(new URL(f, dir), 'utf8').matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => (m[1] as string).replace(/<[^>]+>/g, '')).join('\n\n'),
    );
}

test('every document is analysed the same alone and after other documents', { timeout: 120_000 }, async () => {
  const documents = [
    seedBody(),
    ...fixtureTexts(),
    ...fc.sample(newsText, { numRuns: 40, seed: 23 }),
    // One long run-on text and many distinct words (the per-word cache fills and is emptied on the way).
    ...fc.sample(pathological, { numRuns: 4, seed: 23 }).map((t) => t.slice(0, 20_000)),
    Array.from({ length: 60_000 }, (_, i) => `Word${i.toString(36)}`).join(' '),
  ];
  expect(documents.length).toBeGreaterThan(60);

  const inSequence = await freshAnalyser();
  const afterOthers = documents.map((d) => JSON.stringify(inSequence(d)));
  // Again in the opposite order, so every document follows a different history.
  const reversed = documents
    .slice()
    .reverse()
    .map((d) => JSON.stringify(inSequence(d)))
    .reverse();
  const alone: string[] = [];
  for (const d of [documents[0], documents[1], documents[5], documents[30], documents[documents.length - 3]] as string[])
    alone.push(JSON.stringify((await freshAnalyser())(d)));

  expect(reversed).toEqual(afterOthers);
  expect(alone).toEqual([afterOthers[0], afterOthers[1], afterOthers[5], afterOthers[30], afterOthers[documents.length - 3]]);
  // (Something was found in them: the comparison is not between empty results.)
  expect(afterOthers.filter((a) => a.includes('"mentions"')).length).toBeGreaterThan(20);
});

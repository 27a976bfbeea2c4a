// Property-based tests over every lib/ entry point: random and mutated text and HTML, every quote mark, invisible and
// bidi characters, surrogate pairs, and repeated patterns that make regexes backtrack. No call may throw, take too long,
// or return an offset that does not point at its text. `npm test` runs a few hundred cases; `npm run fuzz` 10,000 each.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyzePage, analyzeText, type Span } from '../../lib/analyze';
import { buildNewsQuery, centralEntities, mergeCoverage, newsProviders, parseRss, rankHistory } from '../../lib/coverage';
import { countWords, gate } from '../../lib/detect';
import { canonicalizeUrl, dateFromUrl, detectLanguage, looksLikeArticleUrl, parseDate } from '../../lib/extract';
import { articleContext, buildNote, parseEntities, parsePages, parseSearch, planLookUps } from '../../lib/knowledge';
import { findQuoteSpans } from '../../lib/quotes';
import { parseHistoryExport, validRecord } from '../../lib/storage';
import { DEMO_ARTICLE_URL, loadPage } from '../fixtures/pages';
import { seedBody } from '../fixtures/seed';
import { htmlPage, mutated, newsText, pathological } from './arbitraries';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
/** Far above any real cost (milliseconds for an article): only a hang or exponential backtracking reaches it. */
const BOUND_MS = Number(process.env.FUZZ_BOUND_MS ?? 2000);
const settings = { numRuns: RUNS, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined };
let cases = 0;
const slowest = new Map<string, number>();

function bounded<T>(what: string, fn: () => T): T {
  cases++;
  const start = performance.now();
  const value = fn();
  const took = performance.now() - start;
  if (took > (slowest.get(what) ?? 0)) slowest.set(what, took);
  if (took > BOUND_MS) throw new Error(`${what} took ${Math.round(took)} ms`);
  return value;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** A span is valid when it lies inside the text, is not empty, and does not cut a surrogate pair in half. */
function expectValidSpan(text: string, span: Span & { text?: string }) {
  expect(Number.isInteger(span.start) && Number.isInteger(span.end)).toBe(true);
  expect(span.start).toBeGreaterThanOrEqual(0);
  expect(span.end).toBeGreaterThan(span.start);
  expect(span.end).toBeLessThanOrEqual(text.length);
  expect(isLow(text.charCodeAt(span.start)) && isHigh(text.charCodeAt(span.start - 1))).toBe(false);
  expect(isHigh(text.charCodeAt(span.end - 1)) && isLow(text.charCodeAt(span.end))).toBe(false);
  if (span.text !== undefined) expect(text.slice(span.start, span.end)).toBe(span.text);
}

function checkText(text: string) {
  const { entities, quotes } = bounded('analyzeText', () => analyzeText(text, 'en'));
  const ids = new Set(entities.map((e) => e.id));
  for (const e of entities) for (const m of e.mentions) expectValidSpan(text, m);
  for (const q of quotes) {
    expectValidSpan(text, q);
    if (q.speakerId !== null) expect(ids.has(q.speakerId)).toBe(true);
  }
  for (const span of bounded('findQuoteSpans', () => findQuoteSpans(text))) expectValidSpan(text, span);
  bounded('detectLanguage', () => detectLanguage(text));
  bounded('countWords', () => countWords(text));
  bounded('parseDate', () => parseDate(text, 'en'));
  const context = bounded('articleContext', () => articleContext({ article: { text }, entities, quotes }));
  bounded('planLookUps', () => planLookUps(entities, context));
  return { entities, quotes };
}

describe('text entry points', () => {
  test('random news-like text', () => {
    fc.assert(
      fc.property(newsText, (text) => void checkText(text)),
      settings,
    );
  });

  test('the seed article with random insertions and deletions', () => {
    fc.assert(
      fc.property(mutated(seedBody()), (text) => void checkText(text)),
      { ...settings, numRuns: Math.ceil(RUNS / 3) },
    );
  });

  test('repeated patterns do not make any regex backtrack for long', () => {
    fc.assert(
      fc.property(pathological, (text) => {
        checkText(text);
        bounded('parseRss', () => parseRss(text));
        bounded('articleContext', () => articleContext({ article: { text }, entities: [], quotes: [] }));
        bounded('canonicalizeUrl', () => canonicalizeUrl(`https://a.example/${text}`));
        bounded('dateFromUrl', () => dateFromUrl(`https://a.example/${text}`));
        bounded('looksLikeArticleUrl', () => looksLikeArticleUrl(`https://a.example/${text}`));
      }),
      { ...settings, numRuns: Math.ceil(RUNS / 3) },
    );
  });

  test('a 1 MB text is analysed with valid offsets', () => {
    const paragraph = `${seedBody()}\n\n`;
    const text = paragraph.repeat(Math.ceil(1_000_000 / paragraph.length)).slice(0, 1_000_000);
    const start = performance.now();
    const { entities, quotes } = analyzeText(text, 'en');
    expect(performance.now() - start).toBeLessThan(20_000);
    expect(entities.length).toBeGreaterThan(5);
    expect(quotes.length).toBeGreaterThan(100);
    for (const e of entities) for (const m of e.mentions) expectValidSpan(text, m);
    for (const q of quotes) expectValidSpan(text, q);
  });
});

test('a text of one endless line of short attributed quotes stays linear (every sentence search is bounded)', () => {
  // Before the bound, each quote's speaker search ran back to the text's start: 40 s for this text.
  const text = 'He said "a b. C d" and '.repeat(20_000);
  const start = performance.now();
  const { quotes } = analyzeText(text, 'en');
  expect(performance.now() - start).toBeLessThan(20_000);
  expect(quotes.length).toBeGreaterThan(10_000);
  for (const q of quotes) expectValidSpan(text, q);
});

describe('page entry points', () => {
  function checkPage(html: string) {
    const { doc, signals } = loadPage(html, DEMO_ARTICLE_URL);
    bounded('gate', () => gate(signals));
    const analysis = bounded('analyzePage', () => analyzePage(doc, signals, { alwaysExtract: true }));
    const text = analysis.article?.text ?? '';
    for (const e of analysis.entities) for (const m of e.mentions) expectValidSpan(text, m);
    for (const q of analysis.quotes) expectValidSpan(text, q);
    for (const link of analysis.article?.relatedLinks ?? []) expect(link.href).toMatch(/^https?:\/\//);
    if (analysis.article) centralEntities(analysis);
  }

  test('random and truncated HTML', () => {
    fc.assert(fc.property(htmlPage, checkPage), { ...settings, numRuns: Math.ceil(RUNS / 2) });
  });

  test('10-level-deep nesting, 1,000 times over', () => {
    const block = `${'<div><section>'.repeat(5)}<p>Jeff Rathke said “it is vital” in Washington.</p>${'</section></div>'.repeat(5)}`;
    checkPage(`<html><body><article>${block.repeat(1000)}</article></body></html>`);
  });

  test('nesting far deeper than browsers build (their parsers stop at a few hundred levels)', () => {
    checkPage(`<html><body>${'<div>'.repeat(3000)}<p>Deep text by Jeff Rathke.</p>${'</div>'.repeat(3000)}</body></html>`);
  });
});

describe('data entry points (API answers, stored and imported records)', () => {
  const json = fc.jsonValue({ maxDepth: 4 });
  test('Wikidata, Wikipedia and news API parsers take any JSON', () => {
    const providers = newsProviders();
    fc.assert(
      fc.property(json, (value) => {
        bounded('parseSearch', () => parseSearch(value));
        const entities = bounded('parseEntities', () => parseEntities(value));
        bounded('parsePages', () => parsePages(value));
        for (const e of entities)
          for (const type of ['PER', 'ORG', 'LOC'] as const)
            bounded('buildNote', () => buildNote(e, type, null, '2014-11-19', new Map(), 'https://en.wikipedia.org'));
        for (const p of providers)
          if (p.format === 'json') for (const item of bounded(p.id, () => p.parse(value))) expect(item.url).toMatch(/^https?:\/\//);
        expect(bounded('validRecord', () => validRecord(value))).toSatisfy((r) => r === null || typeof r.url === 'string');
      }),
      settings,
    );
  });

  test('imports take any text: records or a clear error', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          json.map((v) => JSON.stringify({ format: 'backstory-history', version: 1, records: [v] })),
        ),
        (text) => {
          try {
            const { records, skipped } = parseHistoryExport(text);
            expect(records.length + skipped).toBeGreaterThanOrEqual(0);
          } catch (error) {
            expect((error as Error).name).toBe('Error');
            expect((error as Error).message).toMatch(/JSON|export|newer/);
          }
        },
      ),
      settings,
    );
  });

  test('ranking, queries and merging take any names and dates', () => {
    const entity = fc.record({
      name: fc.string({ maxLength: 30 }),
      type: fc.constantFrom('PER', 'ORG', 'LOC', 'MISC' as const),
      weight: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    const date = fc.option(
      fc.oneof(
        fc.string({ maxLength: 25 }),
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      ),
    );
    fc.assert(
      fc.property(
        fc.array(entity, { maxLength: 20 }),
        date,
        fc.array(fc.tuple(fc.webUrl(), date), { maxLength: 20 }),
        (entities, published, urls) => {
          const query = bounded('buildNewsQuery', () => buildNewsQuery(entities, published));
          if (query) for (const p of newsProviders()) expect(p.url(query)).toMatch(/^https:\/\//);
          const records = urls.map(([url, when], i) => ({
            url,
            title: 't',
            publisher: null,
            published: when,
            lang: null,
            entities,
            readAt: i,
            lastReadAt: i,
          }));
          bounded('rankHistory', () => rankHistory({ url: 'https://x.example/', published, entities }, records));
          const items = urls.map(([url, when]) => ({ url, title: 't', publisher: null, date: when, source: 'gdelt' as const }));
          bounded('mergeCoverage', () => mergeCoverage(items, urls[0]?.[0] ?? null));
        },
      ),
      settings,
    );
  });
});

test('cases run', () => {
  // Printed for `npm run fuzz`; the count is the sum over every property above.
  console.log(`fuzz: ${cases} bounded calls over ${RUNS} runs per property`);
  const worst = [...slowest].sort((a, b) => b[1] - a[1]).map(([what, ms]) => `${what} ${ms.toFixed(1)} ms`);
  console.log(`fuzz: slowest single call per entry point: ${worst.join(', ')}`);
  expect(cases).toBeGreaterThan(RUNS);
});

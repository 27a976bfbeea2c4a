import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { analyzeText } from '../../lib/analyze';
import { articleContext, formatTime, type LinkResult, parseTime, WikimediaProvider } from '../../lib/knowledge';
import { seedBody } from '../fixtures/seed';
import { type FakeWikimedia, startFakeWikimedia } from '../fixtures/wikimedia/server.mjs';

const SEED_DATE = '2014-11-19';

describe('Wikidata times', () => {
  test.each([
    [{ time: '+2013-11-29T00:00:00Z', precision: 11 }, '2013-11-29', 'Nov 2013'],
    [{ time: '+2014-08-00T00:00:00Z', precision: 10 }, '2014-08', 'Aug 2014'],
    [{ time: '+1970-00-00T00:00:00Z', precision: 9 }, '1970', '1970'],
  ])('%o', (value, date, shown) => {
    const t = parseTime(value);
    expect(t?.date).toBe(date);
    expect(formatTime(t)).toBe(shown);
  });
});

describe('linking against a local server in the APIs’ shapes', () => {
  let server: FakeWikimedia;
  let provider: WikimediaProvider;
  beforeAll(async () => {
    server = await startFakeWikimedia();
    provider = new WikimediaProvider(
      async (url) => {
        const response = await fetch(url);
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.json();
      },
      { wikidataBase: server.origin, wikipediaBase: server.origin },
    );
  });
  afterAll(() => server.close());

  const link = (names: { id: string; name: string; type: 'PER' | 'ORG' | 'LOC'; dateline?: boolean }[], date = SEED_DATE) =>
    provider.link(names, date);
  const note = (r: LinkResult | undefined) => (r?.status === 'linked' ? r.note : null);

  test('Raheel Sharif: the general, Chief of Army Staff at the article’s date, aged 58 then', async () => {
    const results = await link([
      { id: 'p', name: 'Pakistan', type: 'LOC' },
      { id: 'r', name: 'Raheel Sharif', type: 'PER' },
    ]);
    const raheel = note(results.get('r'));
    expect(raheel?.description).toBe('Pakistani general, 15th Chief of Army Staff');
    expect(raheel?.offices[0]).toEqual({ title: 'Chief of Army Staff', start: 'Nov 2013', end: 'Nov 2016', atDate: true });
    expect(raheel?.facts).toContain('Aged 58 at the time');
    expect(raheel?.facts).toContain('Citizenship: Pakistan');
    expect(raheel?.summary).toBe(
      'General Raheel Sharif is a retired four-star general of the Pakistan Army who served as the 15th Chief of Army Staff from 2013 to 2016. He was commissioned in 1976.',
    );
    expect(raheel?.attribution).toBe('Text from Wikipedia, CC BY-SA 4.0');
    expect(raheel?.wikipediaUrl).toBe(`${server.origin}/wiki/Raheel_Sharif`);
  });

  test('the same office is not "at the time" for an article written after it ended', async () => {
    const results = await link(
      [
        { id: 'p', name: 'Pakistan', type: 'LOC' },
        { id: 'r', name: 'Raheel Sharif', type: 'PER' },
      ],
      '2018-03-01',
    );
    expect(note(results.get('r'))?.offices[0]?.atDate).toBe(false);
  });

  test('a dateline WASHINGTON is the city; Washington without context has no confident match', async () => {
    const dateline = await link([{ id: 'w', name: 'Washington', type: 'LOC', dateline: true }]);
    expect(note(dateline.get('w'))?.label).toBe('Washington, D.C.');
    const bare = await link([{ id: 'w', name: 'Washington', type: 'LOC' }]);
    expect(bare.get('w')).toEqual({ status: 'no-confident-match', searchUrl: `${server.origin}/w/index.php?search=Washington` });
  });

  test.each([
    ['Georgia', 'LOC'],
    ['Aziz', 'PER'],
    ['Raheel', 'PER'],
  ] as const)('ambiguous "%s" (%s) gets no confident match rather than a guess', async (name, type) => {
    const results = await link([{ id: 'x', name, type }]);
    expect(results.get('x')?.status).toBe('no-confident-match');
  });

  test('a disambiguation page never becomes a note', async () => {
    const results = await link([{ id: 'j', name: 'Jordan', type: 'LOC' }]);
    expect(results.get('j')?.status).toBe('no-confident-match');
  });

  test('the seed’s people and places, linked from the analysis, sending names only', async () => {
    const text = seedBody();
    const { entities, quotes } = analyzeText(text);
    const context = articleContext({ article: { text }, entities, quotes });
    const names = entities
      .filter((e) => e.type !== 'MISC')
      .map((e) => ({ id: e.id, name: e.name, type: e.type as 'PER' | 'ORG' | 'LOC', dateline: e.mentions[0]?.start === 0 }));
    server.requests.length = 0;
    const results = await provider.link(names, SEED_DATE, context);
    const byName = (n: string) => note(results.get(entities.find((e) => e.name === n)?.id ?? ''));
    expect(byName('Sartaj Aziz')?.offices[0]).toMatchObject({ title: 'National Security Advisor of Pakistan', atDate: true });
    expect(byName('Jeff Rathke')?.offices[0]).toMatchObject({ start: 'Aug 2014', atDate: true });
    expect(byName('Islamabad')?.facts).toContain('Country: Pakistan');
    expect(byName('Washington')?.label).toBe('Washington, D.C.');
    expect(byName('Haqqani network')?.facts).toEqual(expect.arrayContaining(['Armed organization', 'Country: Afghanistan', 'Founded 1970']));
    // Requests carry names and ids only: never a sentence of the article.
    const sent = server.requests.map((r) => JSON.stringify(r.params)).join(' ');
    expect(sent).not.toContain('reminded Pakistan');
    expect(server.requests.every((r) => r.path === '/w/api.php')).toBe(true);
    // Entities are fetched in batches, not one call each: candidates, unknown classes, what they point to, labels.
    expect(server.requests.filter((r) => r.params.action === 'wbgetentities').length).toBeLessThanOrEqual(4);
    const searched = server.requests.filter((r) => r.params.action === 'wbsearchentities').length;
    expect(server.requests.length).toBeLessThanOrEqual(2 * searched);
  });

  test('a failing server is an error the caller sees for that name, not a wrong note', async () => {
    server.setMode('error');
    expect((await link([{ id: 'r', name: 'Raheel Sharif', type: 'PER' }])).get('r')).toEqual({ status: 'failed', message: 'HTTP 500' });
    server.setMode('ok');
  });
});

describe('the publisher', () => {
  test('found by name and confirmed by its official website, with country, founding, owner and language', async () => {
    const server = await startFakeWikimedia();
    try {
      const provider = new WikimediaProvider(async (url) => (await fetch(url)).json(), { wikidataBase: server.origin, wikipediaBase: server.origin });
      const dawn = await provider.publisher('Dawn', 'https://www.dawn.com/', '2014-11-19');
      expect(dawn?.description).toBe('Pakistani English-language newspaper');
      expect(dawn?.facts).toEqual(['Newspaper', 'Country: Pakistan', 'Founded Oct 1941', 'Owner: Dawn Media Group', 'Language: English']);
      expect(await provider.publisher('Dawn', 'https://dawn.example.net/', '2014-11-19')).toBeNull();
      expect(server.requests.some((r) => JSON.stringify(r.params).includes('dawn.com'))).toBe(false);
    } finally {
      await server.close();
    }
  });
});

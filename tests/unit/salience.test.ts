// The one measure of how central a name is: the popup's first screen and news search share it.
import { describe, expect, test } from 'vitest';
import { searchEntities } from '../../adapters/news-service';
import type { AnalysisResult, Entity, EntityType } from '../../lib/analyze';
import { analyzePage, toResult } from '../../lib/analyze';
import { buildNewsQuery } from '../../lib/coverage';
import { TITLE_MODIFIERS, TITLES } from '../../lib/entities/lexicon';
import { centralPeople, ledeEnd, SALIENCE_WEIGHTS, salience, searchableNames, searchForm } from '../../lib/salience';
import { DEMO_ARTICLE_URL, demoHtml, loadPage } from '../fixtures/pages';

const isTitleWord = (w: string) => TITLES.has(w) || TITLE_MODIFIERS.has(w);

let nextId = 0;
/** An entity whose mentions are at the given offsets of the text. */
function entity(name: string, type: EntityType, starts: number[], variants: string[] = [name]): Entity {
  return {
    id: `e${nextId++}`,
    name,
    type,
    mentions: starts.map((start) => ({ start, end: start + name.length, text: name })),
    variants,
    titles: [],
  };
}

function result(title: string, text: string, entities: Entity[], speakers: string[] = []): AnalysisResult {
  return {
    isArticle: true,
    reason: 'test',
    nlp: { language: 'en', supported: true, notice: null },
    article: {
      title,
      byline: null,
      siteName: null,
      published: '2024-03-10',
      updated: null,
      canonicalUrl: null,
      publisherUrl: null,
      lang: 'en',
      text,
      relatedLinks: [],
    },
    entities,
    quotes: speakers.map((speakerId, i) => ({
      start: i,
      end: i + 1,
      text: '“x”',
      speaker: null,
      speakerText: null,
      speakerId,
      partial: false,
      continuesPrevious: false,
    })),
  };
}

const LONG = 'x'.repeat(400);

describe('salience', () => {
  test('mentions count relative to the most mentioned; the headline, the first paragraph and quotes raise a name; places weigh half', () => {
    const text = `Lede about Acme Corp and Paris.\n\n${LONG}\n\n${LONG}`;
    const lead = entity('Acme Corp', 'ORG', [11]);
    const many = entity('Jane Roe', 'PER', [500, 600, 700, 800]);
    const headline = entity('Bo Diddley', 'PER', [900]);
    const quoted = entity('Al Smith', 'PER', [950]);
    const place = entity('Paris', 'LOC', [25, 510, 610, 710]);
    const ranked = salience(result('Bo Diddley returns', text, [lead, many, headline, quoted, place], [quoted.id]));
    const score = (e: Entity) => ranked.find((s) => s.entity === e)?.score;
    expect(score(many)).toBe(1);
    expect(score(lead)).toBe(0.25 + SALIENCE_WEIGHTS.lede);
    expect(score(headline)).toBe(0.25 + SALIENCE_WEIGHTS.headline);
    expect(score(quoted)).toBe(0.25 + SALIENCE_WEIGHTS.quoted);
    expect(score(place)).toBe((1 + SALIENCE_WEIGHTS.lede) * SALIENCE_WEIGHTS.place);
    expect(ranked.map((s) => s.entity.name)).toEqual(['Jane Roe', 'Bo Diddley', 'Paris', 'Acme Corp', 'Al Smith']);
  });

  test('a name in the headline counts as whole words only ("Iran" is not in "Iranian")', () => {
    const iran = entity('Iran', 'LOC', [500]);
    const [s] = salience(result('Iranian talks resume', LONG, [iran]));
    expect(s?.inHeadline).toBe(false);
  });

  test('the lede runs past a short dateline paragraph', () => {
    expect(ledeEnd(`WASHINGTON —\n\n${LONG}\n\nmore`)).toBe(14 + LONG.length);
    expect(ledeEnd(`${LONG}\n\nmore`)).toBe(LONG.length);
    expect(ledeEnd('one paragraph only')).toBe(18);
  });

  test('"other names" take no part', () => {
    expect(salience(result('t', LONG, [entity('American', 'MISC', [1, 2, 3])]))).toEqual([]);
  });
});

describe('centralPeople on the demo article', () => {
  const { doc, signals } = loadPage(demoHtml('dawn-haqqani'), DEMO_ARTICLE_URL);
  const demo = toResult(analyzePage(doc, signals));

  test('five to eight people and organisations, the people quoted and the headline’s organisation first', () => {
    const central = centralPeople(demo).map((s) => s.entity.name);
    expect(central.length).toBeGreaterThanOrEqual(5);
    expect(central.length).toBeLessThanOrEqual(8);
    expect(central.slice(0, 4)).toEqual(expect.arrayContaining(['Haqqani network', 'Jeff Rathke']));
    for (const name of ['Sartaj Aziz', 'Raheel Sharif', 'US State Department']) expect(central).toContain(name);
    expect(centralPeople(demo).every((s) => s.entity.type === 'PER' || s.entity.type === 'ORG')).toBe(true);
  });

  test('news search sends the most central person and the next most central name, both among the popup’s first', () => {
    const query = buildNewsQuery(searchEntities(demo), demo.article?.published ?? null);
    expect(query?.names).toEqual(['Jeff Rathke', 'Haqqani network']);
    const shown = centralPeople(demo).map((s) => s.entity.name);
    for (const name of query?.names ?? []) expect(shown.slice(0, 3)).toContain(name);
  });
});

describe('names fit to search news for', () => {
  const s = (e: Entity, extra: Partial<{ inHeadline: boolean; inLede: boolean }> = {}) => ({
    entity: e,
    score: 1,
    inHeadline: false,
    inLede: false,
    quoted: false,
    ...extra,
  });

  test.each([
    ['Defense Secretary Chuck Hagel', ['Defense Secretary Chuck Hagel', 'Hagel'], 'Chuck Hagel'],
    ['U.S. Defense Secretary Chuck Hagel', ['U.S. Defense Secretary Chuck Hagel'], 'Chuck Hagel'],
    ['Chief of Army Staff General Raheel Sharif', ['Chief of Army Staff General Raheel Sharif', 'Raheel Sharif'], 'Raheel Sharif'],
    ['President Obama', ['President Obama', 'Obama'], null],
    ['Max', ['Max'], null],
    ['Martin Luther King', ['Martin Luther King', 'King'], 'Martin Luther King'],
    ['Jeff Rathke', ['Jeff Rathke', 'Rathke'], 'Jeff Rathke'],
  ])('the person %s is searched as %s', (name, variants, expected) => {
    expect(searchForm(s(entity(name, 'PER', [1, 2], variants)), isTitleWord)).toBe(expected);
  });

  test('an organisation keeps its whole name; one word named once in passing is not searched, unless it leads the story', () => {
    expect(searchForm(s(entity('US State Department', 'ORG', [1])), isTitleWord)).toBe('US State Department');
    expect(searchForm(s(entity('Foreign Office', 'ORG', [1])), isTitleWord)).toBe('Foreign Office');
    expect(searchForm(s(entity('BBCUrdu', 'ORG', [1])), isTitleWord)).toBeNull();
    expect(searchForm(s(entity('Boeing', 'ORG', [1, 2, 3])), isTitleWord)).toBe('Boeing');
    expect(searchForm(s(entity('Boeing', 'ORG', [1]), { inLede: true }), isTitleWord)).toBe('Boeing');
    expect(searchForm(s(entity('737 Max', 'ORG', [1, 2])), isTitleWord)).toBeNull();
  });

  test('"Max" and "Boeing": the lone word taken for a person is left out, so the search pairs the real names', () => {
    const text = `Boeing said the 737 Max would fly again, Boeing chief Dave Calhoun said.\n\n${LONG}`;
    const names = searchableNames(
      result('Boeing’s Max returns', text, [
        entity('Max', 'PER', [22, 500, 600, 700, 800]),
        entity('Boeing', 'ORG', [0, 42]),
        entity('Dave Calhoun', 'PER', [55], ['Dave Calhoun', 'Calhoun']),
      ]),
      isTitleWord,
    ).map((n) => n.name);
    expect(names).toEqual(['Boeing', 'Dave Calhoun']);
  });
});

// The name tagger's engine, table-driven: tokens, features and the decoder on typographic edge cases; the model file's
// format and version check; merging of tagged mentions. (The model's quality is tested by aggregate scores in
// entities-model.test.ts, never by pinning single sentences.)
import { describe, expect, test } from 'vitest';
import { nameKey } from '../../lib/entities';
import { Cap, capitalOf, FEATURE_VERSION, normalise, sentenceFeatures, shapeOf } from '../../lib/entities/features';
import { nameParts } from '../../lib/entities/mentions';
import { mergeMentions, type TypedMention } from '../../lib/entities/merge';
import { readNameFilter, writeNameFilter } from '../../lib/entities/names';
import { englishResources } from '../../lib/entities/resources';
import {
  addEmissions,
  addGroupedEmissions,
  allowedEnd,
  allowedTransition,
  COLUMNS,
  ModelMismatchError,
  oOrType,
  packWeights,
  readModel,
  spansOf,
  TAG_COUNT,
  TAG_NAMES,
  tagOf,
  viterbi,
  writeModel,
} from '../../lib/entities/tagger';
import { splitSentences, tokenize, tokenWords } from '../../lib/entities/tokens';

const words = (text: string) => tokenize(text).map((t) => t.text);

describe('tokens, split as the training corpora are (UD English)', () => {
  test.each<[string, string[]]>([
    ["Aziz's remarks", ['Aziz', "'s", 'remarks']],
    ['Aziz’s remarks', ['Aziz', '’s', 'remarks']],
    ['It isn’t so', ['It', 'is', 'n’t', 'so']],
    ['parents’ day', ['parents', '’', 'day']],
    ['O’Brien and d’Ettorre', ['O’Brien', 'and', 'd’Ettorre']],
    ['Al-Qaeda’s leader', ['Al', '-', 'Qaeda', '’s', 'leader']],
    ['Jean-Claude Van Damme', ['Jean', '-', 'Claude', 'Van', 'Damme']],
    ['the U.S. and U.K. said', ['the', 'U.S.', 'and', 'U.K.', 'said']],
    ['J. K. Rowling wrote', ['J.', 'K.', 'Rowling', 'wrote']],
    ['Gen. Raheel Sharif', ['Gen.', 'Raheel', 'Sharif']],
    ['AT&T and P&G', ['AT', '&', 'T', 'and', 'P', '&', 'G']],
    ['“Yes,” he said.', ['“', 'Yes', ',', '”', 'he', 'said', '.']],
    ['costs $1,200.50 today', ['costs', '$', '1,200.50', 'today']],
    ['see https://example.com/a?b=c now', ['see', 'https://example.com/a?b=c', 'now']],
    ['@POTUS and #Backstory', ['@POTUS', 'and', '#Backstory']],
    ['Émile Zola in Zürich', ['Émile', 'Zola', 'in', 'Zürich']],
    // (Letters beyond ASCII in initials, acronyms and words, which the pattern tests after the ASCII ones.)
    ['É. Zola and Ö. Nilsson', ['É.', 'Zola', 'and', 'Ö.', 'Nilsson']],
    ['the É.U. and the u.s. said', ['the', 'É.U.', 'and', 'the', 'u.s.', 'said']],
    ['p. Smith and J. de la Cruz', ['p.', 'Smith', 'and', 'J.', 'de', 'la', 'Cruz']],
    ['Straße 12 in Łódź', ['Straße', '12', 'in', 'Łódź']],
    ['ŻYWIEC and Šibenik’s port', ['ŻYWIEC', 'and', 'Šibenik', '’s', 'port']],
  ])('%s', (text, expected) => {
    expect(words(text)).toEqual(expected);
  });

  test('offsets point into the text', () => {
    const text = 'In “Pakistan’s” capital, Gen. Raheel spoke.';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  test.each<[string, number[]]>([
    ['He left. She stayed.', [0, 0, 0, 1, 1, 1]],
    ['Gen. Sharif left. Then he spoke.', [0, 0, 0, 0, 1, 1, 1, 1]],
    ['“We will go.” Then he left.', [0, 0, 0, 0, 0, 0, 1, 1, 1, 1]],
    ['A headline\n\nThe body begins', [0, 0, 1, 1, 1]],
    ['It rose 3.5 per cent. 2014 was worse.', [0, 0, 0, 0, 0, 0, 1, 1, 1, 1]],
  ])('sentences of %j', (text, expected) => {
    expect(tokenize(text).map((t) => t.sentence)).toEqual(expected);
  });

  test('a run of words with no stop is cut into sentences of at most 200 tokens', () => {
    const tokens = tokenize('word '.repeat(1000));
    const sizes = new Map<number, number>();
    for (const t of tokens) sizes.set(t.sentence, (sizes.get(t.sentence) ?? 0) + 1);
    expect(Math.max(...sizes.values())).toBeLessThanOrEqual(200);
    expect(sizes.size).toBe(5);
  });

  test('corpus tokens go through the same splitter (so training sees the same tokens)', () => {
    expect(tokenWords("'s").map((t) => t.text)).toEqual(["'s"]);
    expect(tokenWords("n't").map((t) => t.text)).toEqual(["n't"]);
    expect(tokenWords('Italian-born').map((t) => t.text)).toEqual(['Italian', '-', 'born']);
    const corpus = splitSentences(['He', 'left', '.', 'She', 'stayed'].map((text, i) => ({ text, start: i, end: i + 1, sentence: 0 })));
    expect(corpus.map((t) => t.sentence)).toEqual([0, 0, 0, 1, 1]);
  });

  // The word pattern must not backtrack exponentially on text it cannot finish matching: an alternation of overlapping
  // letter classes inside a repetition ("(?:[a-z]|\p{L})\.") took 2 s on 24 initials before a letter, doubling with each.
  test.each(['en', 'de', 'pt', 'ru', 'fr'])('long runs of initials, words and joiners tokenise in linear time (%s)', (language) => {
    const hostile = `${'a.'.repeat(200)}x ${'ab-'.repeat(200)}-- ${'a.'.repeat(100)}1 ${'é.'.repeat(200)}ä ${'x'.repeat(5000)}.`;
    const started = performance.now();
    const tokens = tokenize(hostile, language);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(tokens.length).toBeGreaterThan(100);
    expect(tokens.at(-1)?.text).toBe('.');
  });
});

describe('features', () => {
  const res = englishResources();

  test.each<[string, number]>([
    ['Rathke', Cap.Initial],
    ['NATO', Cap.AllCaps],
    ['U.S.', Cap.AllCaps],
    ['J.', Cap.Letter],
    ['eBay', Cap.Camel],
    ['McDonald', Cap.Camel],
    ['Émile', Cap.Initial],
    ['ÉCOLE', Cap.AllCaps],
    ['said', Cap.Lower],
    ['2014', Cap.None],
    ['北京', Cap.None],
    ['’s', Cap.Lower],
  ])('%s has capitalisation %d', (word, cap) => {
    expect(capitalOf(word)).toBe(cap);
  });

  test.each<[string, string, string]>([
    ['Rathke', 'Xxxxxx', 'Xx'],
    ['U.S.', 'X.X.', 'X.X.'],
    ['COVID-19', 'XXXXX-dd', 'X-d'],
    ['d’Ettorre', 'x’Xxxxxx', 'x’Xx'],
  ])('%s has shapes %s / %s', (word, long, short) => {
    expect(shapeOf(word, 5)).toBe(long);
    expect(shapeOf(word, 1)).toBe(short);
  });

  test('curly and straight apostrophes, dashes and quotes give the same features', () => {
    const a = sentenceFeatures(['Aziz', '’s', 'son', '–', '“', 'Jo', '”'], res);
    const b = sentenceFeatures(['Aziz', "'s", 'son', '-', '"', 'Jo', '"'], res);
    expect([...a.hashes]).toEqual([...b.hashes]);
    expect(normalise('O’Brien')).toBe("O'Brien");
  });

  test('an all-caps headline and the same words in a sentence share the word features, not the casing ones', () => {
    const shouted = sentenceFeatures(['A', 'HUNTER', 'WHO', 'SHOT', 'A', 'BEAR'], res);
    const plain = sentenceFeatures(['A', 'hunter', 'who', 'shot', 'a', 'bear'], res);
    const of = (f: typeof shouted, k: number) => new Set([...f.hashes.subarray(f.offsets[k], f.offsets[k + 1])]);
    const common = [...of(shouted, 1)].filter((h) => of(plain, 1).has(h));
    expect(common.length).toBeGreaterThan(5);
    expect(common.length).toBeLessThan(of(shouted, 1).size);
    expect(shouted.info[1]?.lower).toBe('hunter');
  });

  test('lexicon classes are read case-insensitively; each token gets features, in order', () => {
    const f = sentenceFeatures(['President', 'Obama', 'visited', 'PARIS', 'and', 'van', 'Gogh'], res);
    const place = res.classes.findIndex(([n]) => n === 'place');
    const title = res.classes.findIndex(([n]) => n === 'title');
    expect((f.info[3]?.classes ?? 0) & (1 << place)).toBeTruthy();
    expect((f.info[0]?.classes ?? 0) & (1 << title)).toBeTruthy();
    expect(f.offsets).toHaveLength(8);
    for (let k = 0; k < 7; k++) expect((f.offsets[k + 1] ?? 0) - (f.offsets[k] ?? 0)).toBeGreaterThan(20);
  });

  test('the features are a pure function of the words (training and inference agree)', () => {
    const a = sentenceFeatures(['Anna', 'Maria', 'Rossi', 'said', '.'], res);
    const b = sentenceFeatures(['Anna', 'Maria', 'Rossi', 'said', '.'], res);
    expect([...a.hashes]).toEqual([...b.hashes]);
    expect(sentenceFeatures([], res).hashes).toHaveLength(0);
  });
});

describe('decoding', () => {
  // Tags by their BILOU position (tagOf maps them onto the tagger's scheme: under BIO, L is I and U is B).
  const O = 0;
  const [BPER, IPER, LPER, UPER] = [0, 1, 2, 3].map((p) => tagOf(0, p)) as [number, number, number, number];
  const [ULOC, ILOC] = [tagOf(2, 3), tagOf(2, 1)];
  const UMISC = tagOf(3, 3);

  test('transitions: a name continues only after its own type', () => {
    expect(allowedTransition(-1, BPER)).toBe(true);
    expect(allowedTransition(-1, IPER)).toBe(false);
    expect(allowedTransition(O, IPER)).toBe(false);
    expect(allowedTransition(BPER, IPER)).toBe(true);
    expect(allowedTransition(IPER, LPER)).toBe(true);
    expect(allowedTransition(BPER, ILOC)).toBe(false);
    expect(allowedTransition(LPER, ULOC)).toBe(true);
    expect(allowedEnd(O)).toBe(true);
    expect(allowedEnd(LPER)).toBe(true);
    expect(TAG_NAMES).toHaveLength(TAG_COUNT);
    expect(TAG_NAMES.slice(0, 3)).toEqual(['O', 'B-PER', 'I-PER']);
  });

  /** Emissions that favour the given tag at each token by `margin`. */
  const favour = (tags: number[], margin = 1) => {
    const e = new Float32Array(tags.length * TAG_COUNT);
    tags.forEach((t, k) => {
      e[k * TAG_COUNT + t] = margin;
    });
    return e;
  };
  const flat = new Float32Array((TAG_COUNT + 1) * TAG_COUNT);

  test.each<[string, number[], number[]]>([
    ['a valid path is kept', [BPER, IPER, LPER, O], [BPER, IPER, LPER, O]],
    ['a name with no beginning becomes one', [O, IPER, LPER], [O, BPER, LPER]],
    ['two names side by side', [BPER, LPER, ULOC, O], [BPER, LPER, ULOC, O]],
    ['one-token names', [UPER, O, ULOC], [UPER, O, ULOC]],
  ])('%s', (_, favoured, expected) => {
    const path = [...viterbi(favour(favoured), favoured.length, flat)];
    expect(path).toEqual(expected);
    for (let k = 0; k < path.length; k++) expect(allowedTransition(k ? (path[k - 1] as number) : -1, path[k] as number)).toBe(true);
    expect(allowedEnd(path[path.length - 1] as number)).toBe(true);
  });

  test('a name of one type never continues as another: the path is repaired', () => {
    const path = [...viterbi(favour([BPER, ILOC]), 2, flat)];
    expect(allowedTransition(path[0] as number, path[1] as number)).toBe(true);
  });

  test('transition scores count', () => {
    const t = new Float32Array((TAG_COUNT + 1) * TAG_COUNT);
    t[(O + 1) * TAG_COUNT + UPER] = 0.5;
    expect([...viterbi(favour([O, O], 0.1), 2, t)]).toEqual([O, UPER]);
    expect([...viterbi(favour([O, O], 0.1), 2, flat)]).toEqual([O, O]);
  });

  test('partial labels: the best path among the allowed tags (MISC masking)', () => {
    const e = favour([UPER, UMISC, O]);
    const allowed = Uint32Array.from([1 << ULOC, oOrType(3), oOrType(3)]);
    expect([...viterbi(e, 3, flat, allowed)]).toEqual([ULOC, UMISC, O]);
  });

  test('spans of a path', () => {
    expect(spansOf([O, BPER, LPER, O, ULOC])).toEqual([
      { start: 1, end: 3, type: 0 },
      { start: 4, end: 5, type: 2 },
    ]);
    expect(spansOf([UPER, UPER])).toHaveLength(2);
    expect(spansOf([])).toEqual([]);
  });
});

describe('the model file', () => {
  const stage = (bits: number) => ({
    bits,
    scale: 0.5,
    weights: Int8Array.from({ length: (1 << bits) * COLUMNS }, (_, i) => (i % 255) - 127),
    transitions: Float32Array.from({ length: (TAG_COUNT + 1) * TAG_COUNT }, (_, i) => i / 10),
  });
  const model = {
    featureVersion: FEATURE_VERSION,
    resources: englishResources().id,
    stage1: stage(4),
    stage2: stage(3),
    stage2Carry: 0.75,
    clusters: null,
    meta: { note: 'tést' },
  };

  test('round-trips', () => {
    const read = readModel(writeModel(model), (_, id) => ({ ...englishResources(), id }));
    expect([...read.stage1.weights]).toEqual([...model.stage1.weights]);
    expect([...(read.stage2?.transitions ?? [])]).toEqual([...model.stage2.transitions]);
    expect(read.stage2Carry).toBe(0.75);
    expect(read.meta).toEqual({ note: 'tést' });
  });

  test.each<[string, Partial<typeof model>]>([
    ['another feature version', { featureVersion: FEATURE_VERSION + 1 }],
    ['other resources', { resources: 'xx-9' }],
  ])('refuses a model trained with %s', (_, change) => {
    const bytes = writeModel({ ...model, ...change });
    expect(() => readModel(bytes, () => englishResources())).toThrow(ModelMismatchError);
  });

  test('the four-bytes-at-a-time emission sums equal the plain ones', () => {
    const plain = stage(6);
    const hashes = Uint32Array.from({ length: 300 }, (_, i) => Math.imul(i + 1, 2654435761) >>> 0);
    const offsets = Uint32Array.from([0, 1, 40, 40, 300]);
    const a = new Float32Array(4 * TAG_COUNT);
    const b = new Float32Array(4 * TAG_COUNT);
    addEmissions(plain, hashes, offsets, a);
    addEmissions(packWeights(plain), hashes, offsets, b);
    expect([...b]).toEqual([...a]);
    expect(a.some((x) => x !== 0)).toBe(true);
  });

  test('per-word group sums give exactly the scores of the plain feature lists', () => {
    const res = englishResources();
    const weights = stage(12);
    for (const sentence of [
      'Zebulon Quarry , a donor , and Tessaly Brandt , an architect , will advise it .',
      'A HUNTER WHO SHOT A BEAR',
      '“ The Bank of England ( BoE ) said , ” Mr. Jo Aziz ’s son told Reuters',
      'x',
    ]) {
      const w = sentence.split(' ');
      const plain = sentenceFeatures(w, res);
      const grouped = sentenceFeatures(w, res, true);
      expect(grouped.hashes.length).toBeLessThan(plain.hashes.length);
      const a = new Float32Array(w.length * TAG_COUNT);
      const b = new Float32Array(w.length * TAG_COUNT);
      addEmissions(weights, plain.hashes, plain.offsets, a);
      addGroupedEmissions(weights, grouped, b);
      // Twice: the second time every sum comes from the words' caches.
      const c = new Float32Array(w.length * TAG_COUNT);
      addGroupedEmissions(weights, sentenceFeatures(w, res, true), c);
      expect([...b]).toEqual([...a]);
      expect([...c]).toEqual([...a]);
    }
  });

  test('carries the personal-name filter, and the resources read it as the word class "name"', () => {
    const names = writeNameFilter(['orla', 'vantreight'], 12, 5);
    const read = readModel(writeModel({ ...model, names }), (clusters, id, filter) => {
      expect(filter && [...filter]).toEqual([...names]);
      return { ...englishResources(clusters, undefined, filter), id };
    });
    expect([...(read.names ?? [])]).toEqual([...names]);
    const res = englishResources(null, undefined, names);
    const nameClass = res.classes.findIndex(([n]) => n === 'name');
    expect(nameClass).toBeGreaterThan(0);
    const f = sentenceFeatures(['Orla', 'Vantreight', 'said'], res);
    expect((f.info[0]?.classes ?? 0) & (1 << nameClass)).toBeTruthy();
    expect((f.info[2]?.classes ?? 0) & (1 << nameClass)).toBeFalsy();
  });

  test('the name filter: every name in, few other words, bad bytes refused', () => {
    const words = Array.from({ length: 2000 }, (_, i) => `name${i}`);
    const filter = readNameFilter(writeNameFilter(words, 16, 7));
    expect(words.every((w) => filter.has(w))).toBe(true);
    const others = Array.from({ length: 2000 }, (_, i) => `other${i}`).filter((w) => filter.has(w));
    expect(others.length).toBeLessThan(40);
    expect(() => readNameFilter(new Uint8Array(32))).toThrow();
  });

  test('refuses a file that is no model', () => {
    expect(() => readModel(new Uint8Array(64), () => englishResources())).toThrow(ModelMismatchError);
  });
});

describe('a tagger span made into name mentions', () => {
  // Made-up names; "Belmoria" and "Port Quell" stand for places the place lexicon knows.
  const places = new Set(['belmoria', 'port quell']);
  /** The mentions nameParts makes of a span over `covered` (the tagger's span, as written in `text`), typed `type`. */
  const parts = (text: string, covered: string, type: TypedMention['type'], capitalised = true) => {
    const tokens = tokenize(text);
    const start = text.indexOf(covered);
    const from = tokens.findIndex((t) => t.start === start);
    const to = tokens.findIndex((t) => t.end === start + covered.length) + 1;
    return nameParts(text, tokens, from, to, type, (name) => places.has(name.toLowerCase()), capitalised).map((p) => [
      text.slice((tokens[p.from] as { start: number }).start, (tokens[p.to - 1] as { end: number }).end),
      p.type,
    ]);
  };

  test.each<[string, string, string, TypedMention['type'], [string, string][]]>([
    ['an article and a possessive', 'the Orvane Trust’s report', 'the Orvane Trust’s', 'ORG', [['Orvane Trust', 'ORG']]],
    ['a straight possessive', "Quillon Varga's plan", "Quillon Varga's", 'PER', [['Quillon Varga', 'PER']]],
    ['a common noun after a place', 'in the Zorblat province today', 'Zorblat province', 'LOC', [['Zorblat', 'LOC']]],
    ['an organisation’s lowercase head word stays', 'the Frelt party said', 'Frelt party', 'ORG', [['Frelt party', 'ORG']]],
    ['a word with no capital is no name', 'the nascent market', 'nascent', 'ORG', []],
    ['a letter alone is no name', 'Q: And then?', 'Q', 'PER', []],
    ['a particle opens a name', 'said von Brackel', 'von Brackel', 'PER', [['von Brackel', 'PER']]],
    ['a web address stays whole', 'the site Sennet.com said', 'Sennet.com', 'ORG', [['Sennet.com', 'ORG']]],
    [
      'a person and a place',
      'by Quillon Varga of Belmoria, who',
      'Quillon Varga of Belmoria',
      'PER',
      [
        ['Quillon Varga', 'PER'],
        ['Belmoria', 'LOC'],
      ],
    ],
    [
      'a person and a body',
      'Tamsin Orr of the Frelt Party',
      'Tamsin Orr of the Frelt Party',
      'PER',
      [
        ['Tamsin Orr', 'PER'],
        ['Frelt Party', 'ORG'],
      ],
    ],
    [
      'two people',
      'Tamsin Orr and Bexley Vaun met',
      'Tamsin Orr and Bexley Vaun',
      'PER',
      [
        ['Tamsin Orr', 'PER'],
        ['Bexley Vaun', 'PER'],
      ],
    ],
    [
      'a spaced dash between two names',
      'in Port Quell – The Glimmers played',
      'Port Quell – The Glimmers',
      'ORG',
      [
        ['Port Quell', 'LOC'],
        ['The Glimmers', 'ORG'],
      ],
    ],
    ['a title alone after a dash', 'The Glimmers — Mr. Vaun', 'Glimmers — Mr.', 'ORG', [['Glimmers', 'ORG']]],
    ['a double-barrelled surname', 'Lirra Bautel-Vasq won', 'Lirra Bautel', 'PER', [['Lirra Bautel-Vasq', 'PER']]],
    ['a hyphenated given name', 'Tsoi Lam-wun spoke', 'Tsoi Lam', 'PER', [['Tsoi Lam-wun', 'PER']]],
    ['a hyphenated name already whole stays so', 'Tsoi Lam-wun spoke', 'Tsoi Lam-wun', 'PER', [['Tsoi Lam-wun', 'PER']]],
    ['not a common word joined to a name', 'the Dravick-era rules', 'Dravick', 'PER', [['Dravick', 'PER']]],
    ['not two places joined', 'the Belmoria-Quell road', 'Belmoria', 'LOC', [['Belmoria', 'LOC']]],
    ['initials stay', 'J. K. Varga wrote', 'J. K. Varga', 'PER', [['J. K. Varga', 'PER']]],
    [
      'a town and its state',
      'in Corvel, MD, today',
      'Corvel, MD',
      'LOC',
      [
        ['Corvel', 'LOC'],
        ['MD', 'LOC'],
      ],
    ],
    [
      'a body’s name keeps its comma',
      'the Trell Council on Water, Soil and Air',
      'Trell Council on Water, Soil and Air',
      'ORG',
      [['Trell Council on Water, Soil and Air', 'ORG']],
    ],
  ])('%s', (_, text, covered, type, expected) => {
    expect(parts(text, covered, type)).toEqual(expected);
  });

  test('where names are not written with every word capitalised, a name may end in lowercase words, not start so', () => {
    expect(parts('the Parti vermeil won', 'Parti vermeil', 'ORG', false)).toEqual([['Parti vermeil', 'ORG']]);
    expect(parts('the Parti vermeil won', 'Parti vermeil', 'ORG')).toEqual([['Parti', 'ORG']]);
    expect(parts('dan sahabat Orvane', 'sahabat Orvane', 'PER', false)).toEqual([['Orvane', 'PER']]);
  });
});

describe('merging tagged mentions', () => {
  /** Mentions of the given names in the text, in order, typed as given. */
  const tagged = (text: string, names: [string, TypedMention['type'], string[]?][]): TypedMention[] => {
    let from = 0;
    return names.map(([name, type, titles = []]) => {
      const start = text.indexOf(name, from);
      from = start + name.length;
      return { start, end: start + name.length, text: name, type, titles };
    });
  };
  const merged = (text: string, names: [string, TypedMention['type'], string[]?][]) =>
    mergeMentions(tagged(text, names)).map((e) => [e.name, e.type, e.mentions.length, [...e.variants].sort()] as const);

  test.each<[string, string, [string, TypedMention['type']][], (readonly [string, string, number, string[]])[]]>([
    [
      'a surname alone after the full name',
      'Jeff Rathke said so. Rathke added more.',
      [
        ['Jeff Rathke', 'PER'],
        ['Rathke', 'PER'],
      ],
      [['Jeff Rathke', 'PER', 2, ['Jeff Rathke', 'Rathke']]],
    ],
    [
      'a given name alone after the full name, whatever the tagger typed it',
      'Raheel Sharif came. Raheel left.',
      [
        ['Raheel Sharif', 'PER'],
        ['Raheel', 'MISC'],
      ],
      [['Raheel Sharif', 'PER', 2, ['Raheel', 'Raheel Sharif']]],
    ],
    [
      'the nearest full name before a shared surname',
      'Nawaz Sharif met Raheel Sharif. Sharif was pleased.',
      [
        ['Nawaz Sharif', 'PER'],
        ['Raheel Sharif', 'PER'],
        ['Sharif', 'PER'],
      ],
      [
        ['Nawaz Sharif', 'PER', 1, ['Nawaz Sharif']],
        ['Raheel Sharif', 'PER', 2, ['Raheel Sharif', 'Sharif']],
      ],
    ],
    [
      'a surname after a name ending in Jr.',
      'Robert T. Miller Jr. spoke. Miller left.',
      [
        ['Robert T. Miller Jr.', 'PER'],
        ['Miller', 'PER'],
      ],
      [['Robert T. Miller Jr.', 'PER', 2, ['Miller', 'Robert T. Miller Jr.']]],
    ],
    [
      'a short form of the same given name',
      'William Harris spoke. Bill Harris agreed. Jane Smith and John Smith met.',
      [
        ['William Harris', 'PER'],
        ['Bill Harris', 'PER'],
        ['Jane Smith', 'PER'],
        ['John Smith', 'PER'],
      ],
      [
        ['William Harris', 'PER', 2, ['Bill Harris', 'William Harris']],
        ['Jane Smith', 'PER', 1, ['Jane Smith']],
        ['John Smith', 'PER', 1, ['John Smith']],
      ],
    ],
    [
      'an acronym of a longer name, and of a name in camel case',
      'The Foreign Office (FO) said the FO would reply. Users of CodeWorks: CW grew.',
      [
        ['Foreign Office', 'ORG'],
        ['FO', 'ORG'],
        ['FO', 'ORG'],
        ['CodeWorks', 'ORG'],
        ['CW', 'ORG'],
      ],
      [
        ['Foreign Office', 'ORG', 3, ['FO', 'Foreign Office']],
        ['CodeWorks', 'ORG', 2, ['CW', 'CodeWorks']],
      ],
    ],
    [
      'aliases and case: "US", "United States", "WASHINGTON"',
      'WASHINGTON: The US and the United States. Washington agreed.',
      [
        ['WASHINGTON', 'LOC'],
        ['US', 'LOC'],
        ['United States', 'LOC'],
        ['Washington', 'LOC'],
      ],
      [
        ['Washington', 'LOC', 2, ['WASHINGTON', 'Washington']],
        ['United States', 'LOC', 2, ['US', 'United States']],
      ],
    ],
    [
      'a body led by a place, then the body alone',
      'The US State Department said so. State Department officials agreed.',
      [
        ['US State Department', 'ORG'],
        ['State Department', 'ORG'],
      ],
      [['US State Department', 'ORG', 2, ['State Department', 'US State Department']]],
    ],
    [
      'a person’s two names the other way round',
      'Quan Meirong spoke. Meirong Quan agreed. Tamsin Orr and Orr Bexley met.',
      [
        ['Quan Meirong', 'PER'],
        ['Meirong Quan', 'PER'],
        ['Tamsin Orr', 'PER'],
        ['Orr Bexley', 'PER'],
      ],
      [
        ['Quan Meirong', 'PER', 2, ['Meirong Quan', 'Quan Meirong']],
        ['Tamsin Orr', 'PER', 1, ['Tamsin Orr']],
        ['Orr Bexley', 'PER', 1, ['Orr Bexley']],
      ],
    ],
    [
      'a ministry’s name in either order, and its acronym',
      'The Department of Fisheries spoke. The Fisheries Department agreed. DOF staff left.',
      [
        ['Department of Fisheries', 'ORG'],
        ['Fisheries Department', 'ORG'],
        ['DOF', 'ORG'],
      ],
      [['Department of Fisheries', 'ORG', 3, ['DOF', 'Department of Fisheries', 'Fisheries Department']]],
    ],
    [
      'a shortened name before the full one; a person’s given name before it',
      'Said M. Dravick and Tamsin: John M. Dravick and Tamsin Orr met.',
      [
        ['M. Dravick', 'PER'],
        ['Tamsin', 'PER'],
        ['John M. Dravick', 'PER'],
        ['Tamsin Orr', 'PER'],
      ],
      [
        ['John M. Dravick', 'PER', 2, ['John M. Dravick', 'M. Dravick']],
        ['Tamsin Orr', 'PER', 2, ['Tamsin', 'Tamsin Orr']],
      ],
    ],
    [
      'a company with and without its legal form',
      'Orvane Robotics Inc. said so. Orvane Robotics agreed.',
      [
        ['Orvane Robotics Inc.', 'ORG'],
        ['Orvane Robotics', 'ORG'],
      ],
      [['Orvane Robotics Inc.', 'ORG', 2, ['Orvane Robotics', 'Orvane Robotics Inc.']]],
    ],
    [
      'a body’s first word alone where the rest is its head word; not so for other heads',
      'Quenby University staff said so. Quenby replied. Trell Watch wrote. Trell did not.',
      [
        ['Quenby University', 'ORG'],
        ['Quenby', 'ORG'],
        ['Trell Watch', 'ORG'],
        ['Trell', 'ORG'],
      ],
      [
        ['Quenby University', 'ORG', 2, ['Quenby', 'Quenby University']],
        ['Trell Watch', 'ORG', 1, ['Trell Watch']],
        ['Trell', 'ORG', 1, ['Trell']],
      ],
    ],
    [
      'a place’s or body’s last word alone after the full name, when only one name ends so',
      'The Drummond Statehouse opened. The Statehouse closed. North Vell and South Vell: Vell.',
      [
        ['Drummond Statehouse', 'LOC'],
        ['Statehouse', 'LOC'],
        ['North Vell', 'LOC'],
        ['South Vell', 'LOC'],
        ['Vell', 'LOC'],
      ],
      [
        ['Drummond Statehouse', 'LOC', 2, ['Drummond Statehouse', 'Statehouse']],
        ['North Vell', 'LOC', 1, ['North Vell']],
        ['South Vell', 'LOC', 1, ['South Vell']],
        ['Vell', 'LOC', 1, ['Vell']],
      ],
    ],
    [
      'a US state’s abbreviations, for places only',
      'Corvel, FL, in Florida. Fla. voters and Tex Marlow.',
      [
        ['Corvel', 'LOC'],
        ['FL', 'LOC'],
        ['Florida', 'LOC'],
        ['Fla.', 'LOC'],
        ['Tex', 'PER'],
      ],
      [
        ['Corvel', 'LOC', 1, ['Corvel']],
        ['Florida', 'LOC', 3, ['FL', 'Fla.', 'Florida']],
        ['Tex', 'PER', 1, ['Tex']],
      ],
    ],
    [
      'a handle is the name it writes together, shown by the name',
      'Tamsin Orr (@TamsinOrr) wrote. @TamsinOrr again.',
      [
        ['Tamsin Orr', 'PER'],
        ['@TamsinOrr', 'PER'],
        ['@TamsinOrr', 'PER'],
      ],
      [['Tamsin Orr', 'PER', 3, ['@TamsinOrr', 'Tamsin Orr']]],
    ],
    [
      'a country keeps its own name beside a person who bears it',
      'Paris Hilton flew to Paris.',
      [
        ['Paris Hilton', 'PER'],
        ['Paris', 'LOC'],
      ],
      [
        ['Paris Hilton', 'PER', 1, ['Paris Hilton']],
        ['Paris', 'LOC', 1, ['Paris']],
      ],
    ],
  ])('%s', (_, text, names, expected) => {
    const result = merged(text, names);
    for (const e of expected) expect(result).toContainEqual([e[0], e[1], e[2], [...e[3]].sort()]);
    expect(result).toHaveLength(expected.length);
  });

  test('the type is the majority of the mentions; titles are kept; ids are in text order', () => {
    const text = 'General Raheel Sharif met Lagos officials. Lagos agreed. Lagos said no.';
    const entities = mergeMentions(
      tagged(text, [
        ['Raheel Sharif', 'PER', ['General']],
        ['Lagos', 'ORG'],
        ['Lagos', 'LOC'],
        ['Lagos', 'LOC'],
      ]),
    );
    expect(entities.map((e) => [e.id, e.name, e.type])).toEqual([
      ['e1', 'Raheel Sharif', 'PER'],
      ['e2', 'Lagos', 'LOC'],
    ]);
    expect(entities[0]?.titles).toEqual(['General']);
  });

  test('a confident mention outweighs a doubtful one in the type vote; a rule-given type counts whole', () => {
    const text = 'Dravenport said so. Dravenport agreed. Kelmouth and Kelmouth.';
    const [a, b, c, d] = tagged(text, [
      ['Dravenport', 'LOC'],
      ['Dravenport', 'ORG'],
      ['Kelmouth', 'LOC'],
      ['Kelmouth', 'ORG'],
    ]) as [TypedMention, TypedMention, TypedMention, TypedMention];
    // PER, ORG, LOC, MISC: the first barely a place, the second clearly a body.
    const entities = mergeMentions([
      { ...a, typeScores: [0, 100, 102, 0] },
      { ...b, typeScores: [0, 300, 0, 0] },
      { ...c, typeScores: [0, 100, 102, 0] },
      d,
    ]);
    expect(entities.map((e) => [e.name, e.type])).toEqual([
      ['Dravenport', 'ORG'],
      ['Kelmouth', 'ORG'],
    ]);
  });

  test('a name the place lexicon knows has one more vote for a place', () => {
    const text = 'Lagos said so. Lagos agreed. Lagos and Lagos.';
    const [a, b, c, d] = tagged(text, [
      ['Lagos', 'ORG'],
      ['Lagos', 'LOC'],
      ['Lagos', 'ORG'],
      ['Lagos', 'LOC'],
    ]) as [TypedMention, TypedMention, TypedMention, TypedMention];
    // Not for a person's surname: "Lagos" here is Ada Lagos, tagged a person once and a place once.
    const people = tagged('Ada Lagos spoke. Lagos left. Lagos came back.', [
      ['Ada Lagos', 'PER'],
      ['Lagos', 'PER'],
      ['Lagos', 'LOC'],
    ]);
    expect(mergeMentions(people).map((e) => [e.name, e.type, e.mentions.length])).toEqual([['Ada Lagos', 'PER', 3]]);
    // One vote each way: the lexicon's decides. Two for a body: the mentions do.
    expect(mergeMentions([a, b]).map((e) => e.type)).toEqual(['LOC']);
    expect(mergeMentions([a, c]).map((e) => e.type)).toEqual(['ORG']);
    expect(mergeMentions([a, b, c, { ...d, type: 'ORG' }]).map((e) => e.type)).toEqual(['ORG']);
  });

  test.each([
    ['Pakistan’s', 'pakistan'],
    ["O'Brien", 'obrien'],
    ['U.S.', 'us'],
    ['Al-Qaeda', 'al qaeda'],
  ])('nameKey(%j) = %j', (name, key) => {
    expect(nameKey(name)).toBe(key);
  });
});

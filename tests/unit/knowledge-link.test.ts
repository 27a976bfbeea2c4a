import { describe, expect, test } from 'vitest';
import {
  type ArticleContext,
  articleContext,
  type Candidate,
  ClassIndex,
  type ContextEntity,
  decide,
  kindFit,
  type LookUp,
  planLookUps,
  type Related,
  regionNamed,
  shortFormOf,
  titleFits,
  type WikidataEntity,
} from '../../lib/knowledge';
import { ageFits } from '../../lib/knowledge/features';
import { plainerName } from '../../lib/knowledge/linker';

// Items as parseEntities returns them, written short: claims as { P31: ['Q5'], P569: ['1963-02-17'] }.
type ClaimSpec = Record<string, (string | [string, Record<string, string>])[]>;
function item(id: string, label: string, description: string, claims: ClaimSpec = {}, sitelinks = 10, aliases: string[] = []): WikidataEntity {
  const time = (v: string) => ({ date: v, precision: v.length === 4 ? ('year' as const) : v.length === 7 ? ('month' as const) : ('day' as const) });
  const value = (v: string) => (/^Q\d+$/.test(v) ? v : time(v));
  return {
    id,
    label,
    description,
    aliases,
    sitelinks,
    enwikiTitle: label,
    claims: Object.fromEntries(
      Object.entries(claims).map(([p, vs]) => [
        p,
        vs.map((v) =>
          Array.isArray(v)
            ? { value: value(v[0]), qualifiers: Object.fromEntries(Object.entries(v[1]).map(([q, t]) => [q, [time(t)]])), rank: 'normal' }
            : { value: value(v), qualifiers: {}, rank: 'normal' },
        ),
      ]),
    ),
  };
}

const HUMAN = { P31: ['Q5'] };
const CITY = 'Q1093829';
const STATE = 'Q35657';

function candidates(entities: WikidataEntity[], extracts: Record<string, string> = {}): Candidate[] {
  const index = new ClassIndex();
  return entities.map((entity, rank) => ({ entity, kinds: index.kindsOf(entity), rank, matched: null, extract: extracts[entity.id] ?? null }));
}

/** A context from an article text with these names (type, name), as the analysis would give it. */
function context(text: string, names: [string, string, ContextEntity['type']?][], extra: Partial<ArticleContext> = {}): ArticleContext {
  const entities = names.map(([id, name, type = 'PER']) => {
    const start = Math.max(0, text.indexOf(name));
    return { id, name, type, mentions: [{ start, end: start + name.length, text: name }], variants: [name], titles: [] };
  });
  return { ...articleContext({ article: { text }, entities, quotes: [] }), ...extra };
}

function lookUp(id: string, query: string, type: LookUp['type'], ctx?: ArticleContext): LookUp {
  return { key: `${type}|${query}`, query, type, ids: [id], about: ctx?.entities.find((e) => e.id === id) };
}

function run(
  lookUps: LookUp[],
  byKey: Record<string, Candidate[]>,
  ctx: ArticleContext | undefined,
  date: string | null,
  related = new Map<string, Related>(),
) {
  const decisions = decide({ lookUps, candidates: new Map(Object.entries(byKey)), related, context: ctx, date });
  return (l: LookUp) => decisions.get(l.key)?.chosen?.candidate.entity.id ?? null;
}

describe('kinds', () => {
  test('a sports team, a band and a school are organisations; a river is no company; a person is never a place', () => {
    const index = new ClassIndex();
    const kinds = (p31: string) => index.kindsOf(item('Q1', 'x', '', { P31: [p31] }));
    expect(kindFit(kinds('Q476028'), 'ORG')).toBe(0); // association football club
    expect(kindFit(kinds('Q5741069'), 'ORG')).toBe(0); // rock band
    expect(kindFit(kinds('Q9826'), 'ORG')).toBe(0); // high school
    expect(kindFit(kinds('Q4022'), 'ORG')).toBeLessThanOrEqual(-2); // river
    expect(kindFit(kinds('Q4022'), 'LOC')).toBe(0);
    expect(kindFit(kinds('Q5'), 'LOC')).toBeNull();
    expect(kindFit(kinds('Q515'), 'PER')).toBeNull();
    expect(kindFit(kinds('Q4167410'), 'LOC')).toBeNull(); // disambiguation page
  });

  test('classes outside the table are walked up P279, a level per request, at most three levels, and remembered', async () => {
    // Q901 college team → Q902 team of some kind → sports team; Q911 → Q912 → Q913 → Q914 → city, four steps up
    const classes: Record<string, string[]> = {
      Q901: ['Q902'],
      Q902: ['Q12973014'],
      Q911: ['Q912'],
      Q912: ['Q913'],
      Q913: ['Q914'],
      Q914: ['Q515'],
    };
    const asked: string[][] = [];
    const fetchClasses = async (ids: string[]) => {
      asked.push(ids);
      return new Map(ids.map((id) => [id, item(id, id, '', { P279: classes[id] ?? [] })]));
    };
    const index = new ClassIndex();
    await index.resolve(['Q901', 'Q911', 'Q5'], fetchClasses);
    expect(index.known('Q901')).toEqual(['org', 'team']);
    expect(index.known('Q911')).toEqual([]);
    expect(asked).toEqual([['Q901', 'Q911'], ['Q902', 'Q912'], ['Q913']]);
    await index.resolve(['Q901', 'Q911'], fetchClasses);
    expect(asked).toHaveLength(3); // remembered
  });

  test('a failed class look-up leaves the class to be asked again, not known as nothing', async () => {
    const index = new ClassIndex();
    await index.resolve(['Q921'], async () => {
      throw new Error('offline');
    });
    expect(index.known('Q921')).toBeUndefined();
  });
});

describe('titles, ages and regions', () => {
  test.each([
    [['Sen.'], 'United States senator', true],
    [['Defense', 'Secretary'], 'United States Secretary of Defense', true],
    [['Secretary', 'of', 'State'], 'United States Secretary of State', true],
    [['FBI', 'Director'], 'Director of the Federal Bureau of Investigation', true],
    [['Representative'], 'member of the United States House of Representatives', true],
    [['President'], 'Vice President of the United States', false],
    [['Vice', 'President'], 'Vice President of the United States', true],
    [['Mayor'], 'Governor of Maine', false],
    [['Mr.'], 'President of the United States', false],
  ])('%j fits "%s": %s', (titles, office, fits) => {
    expect(titleFits(titles, office)).toBe(fits);
  });

  test('an age fits a birth date exactly when the birthday is known, within a year when only the year is', () => {
    expect(ageFits({ date: '1961-09-17', precision: 'day' }, '2021-08-10', 59)).toBe(true);
    expect(ageFits({ date: '1961-09-17', precision: 'day' }, '2021-08-10', 61)).toBe(false);
    expect(ageFits({ date: '1960', precision: 'year' }, '2021-08-10', 61)).toBe(true);
  });

  test.each([
    ['Calif.', false, 'California'],
    ['Ont', false, 'Ontario'],
    ['N.H.', false, 'New Hampshire'],
    ['Texas', false, 'Texas'],
    ['OR', false, null],
    ['OR', true, 'Oregon'],
    ['England', true, 'England'],
    ['Paris', true, null],
  ])('region %s (after a comma: %s) → %s', (text, afterComma, region) => {
    expect(regionNamed(text, afterComma)).toBe(region);
  });

  test('"Edwin E. Aldrin Jr." is searched again as "Edwin Aldrin"', () => {
    expect(plainerName('Edwin E. Aldrin Jr.')).toBe('Edwin Aldrin');
    expect(plainerName('James A. Baker 3d')).toBe('James Baker');
    expect(plainerName('Composer John Williams')).toBe('John Williams');
    expect(plainerName('Colin Powell')).toBeNull();
  });
});

describe('what the article says around its names', () => {
  test('dateline, qualifier, age, a team written as one, speakers, regions and years', () => {
    const text =
      'PARIS, Texas (AP) — Mayor Steve Clifford, 61, said Georgia beat Ball State 45-3 in 1986. "We won," Clifford said. OLYMPIA, Wash., was quiet.';
    const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, text: s });
    const entities = [
      { id: 'p', name: 'Paris', type: 'LOC' as const, mentions: [at('PARIS')], variants: ['Paris'], titles: [] },
      { id: 's', name: 'Steve Clifford', type: 'PER' as const, mentions: [at('Steve Clifford')], variants: ['Steve Clifford'], titles: ['Mayor'] },
      { id: 'g', name: 'Georgia', type: 'LOC' as const, mentions: [at('Georgia')], variants: ['Georgia'], titles: [] },
    ];
    const quotes = [
      { start: 0, end: 0, text: '', speaker: 'Steve Clifford', speakerText: 'Clifford', speakerId: 's', partial: false, continuesPrevious: false },
    ];
    const ctx = articleContext({ article: { text }, entities, quotes });
    const [paris, clifford, georgia] = ctx.entities;
    expect(paris).toMatchObject({ dateline: true, qualifier: 'Texas' });
    expect(clifford).toMatchObject({ age: 61, speaker: true, titles: ['Mayor'] });
    expect(georgia?.team).toBe(true);
    expect(ctx.years).toEqual([1986]);
    expect(ctx.regions).toEqual(expect.arrayContaining(['Texas', 'Washington']));
    expect(ctx.words.mayor).toBe(1);
  });
});

describe('merging before linking', () => {
  const e = (
    id: string,
    name: string,
    type: ContextEntity['type'],
    first: number,
    mentions = 1,
    extra: Partial<ContextEntity> = {},
  ): ContextEntity => ({
    id,
    name,
    type,
    first,
    mentions,
    variants: [name],
    titles: [],
    ...extra,
  });

  test('a surname after the full name is that person, even when the recogniser took it for a place', () => {
    const all = [e('a', 'Michael Jordan', 'PER', 0, 2), e('b', 'Jordan', 'LOC', 40)];
    expect(shortFormOf(all[1] as ContextEntity, all)).toBe(all[0]);
  });

  test('a surname two people share equally is nobody in particular; a dateline stands for itself', () => {
    const all = [
      e('a', 'Mark Kelly', 'PER', 0),
      e('b', 'Scott Kelly', 'PER', 10),
      e('c', 'Kelly', 'PER', 40),
      e('d', 'Washington', 'LOC', 0, 1, { dateline: true }),
      e('f', 'Denzel Washington', 'PER', 20),
    ];
    expect(shortFormOf(all[2] as ContextEntity, all)).toBe('ambiguous');
    expect(shortFormOf(all[3] as ContextEntity, all)).toBeNull();
  });

  test('acronyms, short names of bodies and "Oxford" after "University of Oxford"', () => {
    const all = [
      e('a', 'National Education Association', 'ORG', 50),
      e('b', 'NEA', 'ORG', 10),
      e('c', 'Ford Motor Company', 'ORG', 0),
      e('d', 'Ford', 'ORG', 30),
      e('f', 'Miami Heat', 'ORG', 0),
      e('g', 'Heat', 'ORG', 30),
      e('h', 'University of Oxford', 'ORG', 0),
      e('i', 'Oxford', 'LOC', 90),
      e('j', 'Texas', 'LOC', 95),
    ];
    const of = (id: string) => shortFormOf(all.find((x) => x.id === id) as ContextEntity, all);
    expect(of('b')).toBe(all[0]);
    expect(of('d')).toBe(all[2]);
    expect(of('g')).toBe(all[4]);
    expect(of('i')).toBe(all[6]);
    expect(of('j')).toBeNull();
  });

  test('short forms share their full name\'s look-up; "Ont" is looked up as Ontario; MISC is never looked up', () => {
    const ctx: ArticleContext = {
      words: {},
      years: [],
      regions: [],
      phrases: [],
      entities: [e('a', 'Bruce Rauner', 'PER', 0, 2), e('b', 'Rauner', 'PER', 50), e('c', 'Ont', 'LOC', 10), e('d', 'Republican', 'MISC', 60)],
    };
    const { lookUps, unmatched } = planLookUps(
      ctx.entities.map((x) => ({ id: x.id, name: x.name, type: x.type })),
      ctx,
    );
    expect(lookUps.map((l) => [l.query, l.ids])).toEqual([
      ['Bruce Rauner', ['a', 'b']],
      ['Ontario', ['c']],
    ]);
    expect(unmatched).toEqual(['d']);
  });
});

describe('deciding', () => {
  const TEXT_ML = 'The professor, who teaches machine learning and statistics at the university, published a paper on neural networks.';
  const professor = item('Q10', 'Michael Jordan', 'American computer scientist and statistician', { ...HUMAN, P569: ['1956-02-25'] }, 12);
  const player = item('Q11', 'Michael Jordan', 'American basketball player', { ...HUMAN, P569: ['1963-02-17'] }, 250);
  const extracts = {
    Q10: 'Michael Irwin Jordan is an American scientist, professor at the University of California, Berkeley, and researcher in machine learning, statistics and artificial intelligence.',
    Q11: 'Michael Jeffrey Jordan is an American former professional basketball player who played 15 seasons in the NBA, winning six championships with the Chicago Bulls.',
  };

  test('the article’s words pick the professor over the far more famous player', () => {
    const ctx = context(TEXT_ML, [['m', 'Michael Jordan']]);
    const l = lookUp('m', 'Michael Jordan', 'PER', ctx);
    expect(run([l], { [l.key]: candidates([player, professor], extracts) }, ctx, '2018-05-01')(l)).toBe('Q10');
  });

  test('a local person with a famous namesake gets no link; the age rules the namesake out as well', () => {
    const text = 'Michael Jordan, 16, a sophomore at the high school, won the county spelling bee on Saturday.';
    const ctx = context(text, [['m', 'Michael Jordan']]);
    const l = lookUp('m', 'Michael Jordan', 'PER', ctx);
    expect(l.about?.age).toBe(16);
    expect(run([l], { [l.key]: candidates([player], extracts) }, ctx, '2018-05-01')(l)).toBeNull();
    const noAge = context('Michael Jordan read a poem at the library on Saturday.', [['m', 'Michael Jordan']]);
    const l2 = lookUp('m', 'Michael Jordan', 'PER', noAge);
    expect(run([l2], { [l2.key]: candidates([player], extracts) }, noAge, '2018-05-01')(l2)).toBeNull();
  });

  const parisFr = item('Q90', 'Paris', 'capital city of France', { P31: ['Q5119'], P17: ['Q142'] }, 300);
  const parisTx = item(
    'Q20',
    'Paris',
    'city in and county seat of Lamar County, Texas, United States',
    { P31: [CITY], P17: ['Q30'], P131: ['Q21'] },
    40,
  );
  const lamar = item('Q21', 'Lamar County', 'county in Texas, United States', { P31: ['Q47168'], P17: ['Q30'] }, 20);

  test('"PARIS, Texas" is the Texas town; plain "Paris" with nothing around it is the capital', () => {
    const ctx = context('PARIS, Texas (AP) — The hospital will add beds, the mayor said.', [['p', 'Paris', 'LOC']]);
    const l = lookUp('p', 'Paris', 'LOC', ctx);
    expect(l.about?.qualifier).toBe('Texas');
    expect(run([l], { [l.key]: candidates([parisFr, parisTx]) }, ctx, '2021-08-10')(l)).toBe('Q20');
    const plain = context('Paris is lovely in spring, the tourists said.', [['p', 'Paris', 'LOC']]);
    const l2 = lookUp('p', 'Paris', 'LOC', plain);
    expect(run([l2], { [l2.key]: candidates([parisFr, parisTx]) }, plain, '2021-08-10')(l2)).toBe('Q90');
  });

  test('a place linked elsewhere in the article tells which Paris: decided together, the county first', () => {
    const text = 'Lamar County commissioners met in Paris on Monday to discuss the jail.';
    const ctx = context(text, [
      ['c', 'Lamar County', 'LOC'],
      ['p', 'Paris', 'LOC'],
    ]);
    const county = lookUp('c', 'Lamar County', 'LOC', ctx);
    const paris = lookUp('p', 'Paris', 'LOC', ctx);
    const pick = run([county, paris], { [county.key]: candidates([lamar]), [paris.key]: candidates([parisFr, parisTx]) }, ctx, '2021-08-10');
    expect(pick(county)).toBe('Q21');
    expect(pick(paris)).toBe('Q20');
  });

  const dc = item('Q61', 'Washington, D.C.', 'capital city of the United States', { P31: ['Q5119'], P17: ['Q30'] }, 250, ['Washington']);
  const state = item('Q1223', 'Washington', 'state of the United States of America', { P31: [STATE], P17: ['Q30'] }, 240);

  test('a dateline WASHINGTON is the city; Washington with no clue at all is no confident match', () => {
    const ctx = context('WASHINGTON — The Senate voted on Tuesday.', [['w', 'Washington', 'LOC']]);
    const l = lookUp('w', 'Washington', 'LOC', ctx);
    expect(l.about?.dateline).toBe(true);
    expect(run([l], { [l.key]: candidates([dc, state]) }, ctx, '2019-03-05')(l)).toBe('Q61');
    const bare = lookUp('w', 'Washington', 'LOC');
    expect(run([bare], { [bare.key]: candidates([dc, state]) }, undefined, '2019-03-05')(bare)).toBeNull();
  });

  const ghwb = item(
    'Q23505',
    'George H. W. Bush',
    'president of the United States from 1989 to 1993',
    {
      ...HUMAN,
      P569: ['1924-06-12'],
      P39: [['Q11696', { P580: '1989-01-20', P582: '1993-01-20' }]],
    },
    150,
    ['George Bush', 'Bush'],
  );
  const gwb = item(
    'Q207',
    'George W. Bush',
    'president of the United States from 2001 to 2009',
    {
      ...HUMAN,
      P569: ['1946-07-06'],
      P39: [['Q11696', { P580: '2001-01-20', P582: '2009-01-20' }]],
    },
    220,
    ['George Bush', 'Bush'],
  );
  const offices = new Map<string, Related>([['Q11696', { label: 'President of the United States', aliases: [], description: null }]]);

  test.each([
    ['1991-01-17', 'Q23505'],
    ['2003-03-20', 'Q207'],
  ])('"President Bush" on %s is the one in office then', (date, qid) => {
    const base = context('President Bush spoke to the nation from the Oval Office tonight.', [['b', 'Bush']]);
    const ctx = { ...base, entities: base.entities.map((x) => ({ ...x, titles: ['President'] })) };
    const l = lookUp('b', 'Bush', 'PER', ctx);
    expect(run([l], { [l.key]: candidates([gwb, ghwb]) }, ctx, date, offices)(l)).toBe(qid);
  });

  test('born after the article rules a candidate out; dead before it counts against one, unless the article names their years', () => {
    const young = item('Q30', 'Lance Armstrong', 'American former cyclist', { ...HUMAN, P569: ['1971-09-18'] }, 100);
    const ctx = context('Armstrong stepped onto the moon tonight.', [['a', 'Lance Armstrong']]);
    const l = lookUp('a', 'Lance Armstrong', 'PER', ctx);
    const decisions = decide({
      lookUps: [l],
      candidates: new Map([[l.key, candidates([young])]]),
      related: new Map(),
      context: ctx,
      date: '1969-07-21',
    });
    expect(decisions.get(l.key)?.scored).toEqual([]);

    const turing = item(
      'Q7251',
      'Alan Turing',
      'English computer scientist (1912–1954)',
      { ...HUMAN, P569: ['1912-06-23'], P570: ['1954-06-07'] },
      200,
    );
    const about = (text: string) => {
      const c = context(text, [['t', 'Alan Turing']]);
      const lt = lookUp('t', 'Alan Turing', 'PER', c);
      return decide({ lookUps: [lt], candidates: new Map([[lt.key, candidates([turing])]]), related: new Map(), context: c, date: '2019-05-02' }).get(
        lt.key,
      )?.scored[0]?.features.time;
    };
    expect(about('The paper opens with Alan Turing’s 1950 question about machines.')).toBe(0);
    expect(about('A building was named after Alan Turing today.')).toBe(-1);
  });

  test('a name written as a team is the team, or nobody: a place beats no one 45-3', () => {
    const text = 'Georgia beat Ball State 45-3 on Saturday at Sanford Stadium.';
    const ctx = context(text, [['g', 'Georgia', 'LOC']]);
    const l = lookUp('g', 'Georgia', 'LOC', ctx);
    expect(l.about?.team).toBe(true);
    const state = item('Q1428', 'Georgia', 'state of the United States of America', { P31: [STATE], P17: ['Q30'] }, 250);
    const team = item('Q40', 'Georgia Bulldogs football', 'college football team of the University of Georgia', { P31: ['Q17156793'] }, 10, [
      'Georgia Bulldogs',
    ]);
    expect(run([l], { [l.key]: candidates([state, team]) }, ctx, '2023-09-10')(l)).toBe('Q40');
    expect(run([l], { [l.key]: candidates([state]) }, ctx, '2023-09-10')(l)).toBeNull();
  });

  test('someone introduced as a relative needs more evidence than the famous namesake’s field in common', () => {
    const author = item('Q50', 'Jane Roe', 'American novelist (born 1961)', { ...HUMAN, P569: ['1961'] }, 10);
    const extracts = {
      Q50: 'Jane Roe is an American novelist and essayist. Her novels about farming families in a small Iowa town won the National Book Award and the Pulitzer Prize, and she taught writing at several universities for three decades.',
    };
    const withText = (text: string) => {
      const ctx = context(text, [['j', 'Jane Roe']]);
      const l = lookUp('j', 'Jane Roe', 'PER', ctx);
      return run([l], { [l.key]: candidates([author], extracts) }, ctx, '2016-01-12')(l);
    };
    expect(withText('At the library, Jane Roe read to the town.')).toBe('Q50');
    expect(withText('At the library, his daughter, Jane Roe, read to the town.')).toBeNull();
  });
});

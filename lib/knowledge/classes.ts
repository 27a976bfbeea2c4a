/**
 * What kind of thing a Wikidata item is, from its classes (P31) and, for classes not listed here, their superclasses
 * (P279, see kinds.ts). Kinds are what a name's type can be matched against: a sports team, a band or a school is an
 * organisation; a river is a natural feature, never a company; a film or a family name is nothing a card should show.
 */

export type Kind =
  | 'person'
  | 'org'
  /** a sports team (also an org): "Georgia beat Ball State" */
  | 'team'
  /** a city, town, village, neighbourhood */
  | 'settlement'
  /** a country, state, province, county or other administrative area */
  | 'region'
  /** a river, lake, bay, mountain, forest, island */
  | 'feature'
  /** a building, venue, road: a place that can stand for the body that uses it */
  | 'structure'
  /** a film, album, book, spacecraft, concept: a real item, but not what a person, organisation or place name means */
  | 'other'
  /** disambiguation pages, family and given names, lists */
  | 'nonentity';

export const HUMAN = 'Q5';
export const DISAMBIGUATION = 'Q4167410';

const table: [Kind[], string][] = [
  // human, person
  [['person'], 'Q5 Q215627'],
  [
    ['org'],
    // organisation, business, company, public company, enterprise, government agency, government organisation, political
    // party, political organisation, nonprofit, NGO, trade union, international and intergovernmental organisation,
    // association, club, foundation, think tank, research institute, institute, legislature, parliament, court, committee,
    // ministry, armed organisation, military unit, military branch, police, religious organisation, terrorist organisation,
    // media company, news agency, newspaper, periodical, magazine, broadcaster, TV and radio station, publisher, record
    // label, film studio, bank, airline, stock exchange, musical ensemble, musical group, band, rock band, orchestra
    'Q43229 Q4830453 Q783794 Q891723 Q6881511 Q327333 Q2659904 Q7278 Q7210356 Q163740 Q79913 Q178790 Q484652 Q245065 Q15911314 ' +
      'Q988108 Q157031 Q1327750 Q31855 Q1664720 Q11204 Q35749 Q41487 Q865588 Q192350 Q17149090 Q176799 Q2198484 Q35535 Q1530022 ' +
      'Q12159869 Q1331793 Q192283 Q11032 Q1002697 Q41298 Q15265344 Q1616075 Q14350 Q2085381 Q18127 Q375336 Q22687 Q46970 Q11691 ' +
      'Q2088357 Q215380 Q5741069',
  ],
  // corporation, subsidiary, privately held company, software and technology companies, video game developer, cultural,
  // medical and environmental organisations, government, trade association, musical duo, daily newspaper
  [['org'], 'Q167037 Q658255 Q1589009 Q1058914 Q18388277 Q210167 Q3152824 Q4287745 Q1785733 Q7188 Q2178147 Q9212979 Q1110794'],
  // educational institution, university, college, school, high school, secondary school, public and private university,
  // community college: organisations with a campus
  [['org', 'structure'], 'Q2385804 Q3918 Q189004 Q3914 Q9826 Q159334 Q875538 Q902104 Q1336920 Q38723'],
  // hospital, museum, library, presidential library
  [['org', 'structure'], 'Q16917 Q33506 Q7075'],
  // sports organisation, sports league, sports club, sports team, and teams of each sport
  [['org'], 'Q4438121 Q623109 Q15991303'],
  [['org', 'team'], 'Q847017 Q12973014 Q476028 Q13393265 Q17156793 Q13027888 Q4498974'],
  // city, city of the United States, capital, big city, city with millions, metropolis, town, village, hamlet, human
  // settlement, neighbourhood, municipality, commune of France, census-designated place, unincorporated community,
  // city/town, borough, suburb
  [
    ['settlement'],
    'Q515 Q1093829 Q5119 Q1549591 Q1637706 Q200250 Q3957 Q532 Q5084 Q486972 Q123705 Q15284 Q484170 Q498162 Q17343829 Q7930989 Q15127012',
  ],
  // country, sovereign state, administrative territorial entity, first/second/third-level subdivisions, federated state,
  // state of the US, province of Canada, state of Australia, county, county of the US, region, historical region,
  // administrative region, metropolitan area, continent
  [
    ['region'],
    'Q6256 Q3624078 Q56061 Q10864048 Q13220204 Q13221722 Q107390 Q35657 Q11828004 Q5852411 Q28575 Q47168 Q82794 Q1620908 Q3455524 Q1907114 Q5107',
  ],
  // geographical feature, body of water, river, watercourse, lake, sea, bay, gulf, mountain, mountain range, hill,
  // island, forest, desert, valley, peninsula, landform
  [['feature'], 'Q618123 Q15324 Q4022 Q355304 Q23397 Q165 Q39594 Q1322134 Q8502 Q46831 Q54050 Q23442 Q4421 Q8514 Q39816 Q34763 Q271669'],
  // architectural structure, building, venue, stadium, arena, bridge, airport, road, street, church building, palace,
  // tower, fortification
  [['structure'], 'Q811979 Q41176 Q17350442 Q483110 Q641226 Q12280 Q1248784 Q34442 Q79007 Q16970 Q16560 Q12518 Q57821'],
  // geographic location, location, political and human-geographic territorial entities, state, country of the UK, county
  // seat, comune of Italy, municipality of Germany and of Spain: a place of some sort
  [['region'], 'Q2221906 Q17334923 Q1048835 Q15642541 Q7275 Q3336843'],
  [['settlement'], 'Q62049 Q747074 Q262166 Q2074737'],
  // facility, park
  [['structure'], 'Q13226383 Q22698'],
  // works, products, concepts, events, taxa, celestial bodies, spacecraft, fictional and mythical entities, positions
  // and occupations, languages, software
  [
    ['other'],
    'Q386724 Q17537576 Q11424 Q5398426 Q482994 Q7366 Q134556 Q7725634 Q571 Q47461344 Q7889 Q1004 Q2188189 Q25379 Q2431196 Q151885 ' +
      'Q16521 Q634 Q11344 Q40218 Q14897293 Q4271324 Q15632617 Q4164871 Q28640 Q12737077 Q1190554 Q1656682 Q9143 Q7397 Q2424752 ' +
      'Q1183543 Q42889 Q11446 Q34770 Q13406554 Q500834 Q27020041 Q12140 Q11173 Q7187 Q8054 Q12136 Q3305213 Q838948 Q4502142 Q95074',
  ],
  // disambiguation page, family name, given name, male and female given name, Wikimedia list article
  [['nonentity'], 'Q4167410 Q101352 Q202444 Q12308941 Q11879590 Q13406463'],
];

let known: Map<string, Kind[]> | undefined;

/** Kinds of a class known here; other classes are looked up through P279. Built on first use (the gate never needs it). */
export function knownClass(id: string): readonly Kind[] | undefined {
  if (!known) {
    known = new Map();
    for (const [kinds, ids] of table)
      for (const c of ids.split(/\s+/).filter(Boolean)) known.set(c, [...new Set([...(known.get(c) ?? []), ...kinds])]);
  }
  return known.get(id);
}

/** How well a kind fits a name's type: 0 fits, negative fits less, null never (a person is never a place). */
const FIT: Record<'PER' | 'ORG' | 'LOC', Partial<Record<Kind, number>>> = {
  PER: { person: 0 },
  ORG: { org: 0, team: 0, structure: -0.5, settlement: -1, region: -1, feature: -2.5, other: -2.5 },
  LOC: { settlement: 0, region: 0, feature: 0, structure: 0, org: -0.8, team: -1.2, other: -2.5 },
};

/** Fit of an item with these kinds to a name of this type; an item of unknown kind fits poorly but is not ruled out. */
export function kindFit(kinds: readonly Kind[], type: 'PER' | 'ORG' | 'LOC'): number | null {
  if (kinds.includes('nonentity')) return null;
  if (!kinds.length) return type === 'PER' ? null : -1.5;
  if (type !== 'PER' && kinds.includes('person')) return null;
  let best: number | null = null;
  for (const kind of kinds) {
    const fit = FIT[type][kind];
    if (fit !== undefined && (best === null || fit > best)) best = fit;
  }
  return best;
}

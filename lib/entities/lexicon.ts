/**
 * English word classes for the name tagger's features: closed classes written here (titles, heads of organisation and
 * place names, particles, function words) and open ones generated from openly licensed packages (lexicon-data.ts).
 * They are evidence the model weighs, not decisions. Lowercase; multi-word entries are space-separated.
 */
import * as data from './lexicon-data';

// The lists are written lowercase and trimmed (a unit test holds them to it), so loading them is one split.
const set = (words: string) => {
  const out = new Set(words.split('|'));
  out.delete('');
  return out;
};

/**
 * A generated list (sorted, as scripts/build-lexicon.mjs writes them) read in place: membership by binary search over the
 * '|'-joined words, so nothing is split or hashed when the code loads. For the largest lists, asked once per distinct word
 * (the name tagger keeps each word's classes): at a cold start, building their sets cost more than all the look-ups.
 */
export class SortedWords {
  constructor(readonly list: string) {}

  has(word: string): boolean {
    if (!word || word.includes('|')) return false;
    const list = this.list;
    // [lo, hi): whole entries, lo at an entry's start, hi at the end of the list or at a separator.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const start = list.lastIndexOf('|', mid - 1) + 1;
      let end = list.indexOf('|', start);
      if (end < 0) end = list.length;
      // The entry list[start, end) against the word, by UTF-16 code units (the order the generator sorts in).
      let order = 0;
      const length = Math.min(end - start, word.length);
      for (let i = 0; i < length && !order; i++) order = list.charCodeAt(start + i) - word.charCodeAt(i);
      if (!order) order = end - start - word.length;
      if (!order) return true;
      if (order < 0) lo = end + 1;
      else hi = start;
    }
    return false;
  }

  /** Every word, in order. */
  words(): string[] {
    return this.list ? this.list.split('|') : [];
  }
}

/** Words that name a role and may come before a person's name: "General", "Mr.", "Senator". */
export const TITLES = set(
  'mr|mrs|ms|miss|mx|dr|prof|professor|sir|dame|lord|lady|president|vice|premier|chancellor|governor|gov|senator|sen|rep|representative|congressman|congresswoman|mayor|judge|justice|general|gen|lieutenant|lt|colonel|col|major|maj|captain|capt|admiral|adm|sergeant|sgt|commander|cmdr|corporal|cpl|private|pvt|marshal|sheriff|brigadier|brig|king|queen|prince|princess|emperor|empress|sultan|emir|pope|father|fr|rev|reverend|bishop|archbishop|cardinal|rabbi|imam|sheikh|shaikh|maulana|mufti|ayatollah|mullah|chief|secretary|minister|ambassador|envoy|director|spokesman|spokeswoman|spokesperson|chairman|chairwoman|chairperson|chair|ceo|cfo|coo|cto|administrator|coach|officer|inspector|detective|superintendent|constable|agent|advisor|adviser|commissioner|attorney|prosecutor|advocate|solicitor|barrister|speaker|leader|councillor|councilman|councilwoman|deputy|acting|former|senior|head|founder|editor|correspondent|biologist|physicist|chemist|economist|scientist|researcher|author|writer|actor|actress|singer|player|striker|captain|premier|pm|mp|mep|gov.|sen.|saint|st',
);
/** Words that may sit inside a title phrase ("National Security Advisor", "Chief of Army Staff"). */
export const TITLE_MODIFIERS = set(
  'national|crown|emeritus|emerita|elect|designate|operating|financial|marketing|creative|security|foreign|defence|defense|interior|finance|home|state|federal|provincial|chief|army|staff|joint|deputy|vice|acting|former|senior|prime|attorney|general|press|executive|managing|assistant|associate|special|high|supreme|lord|grand|of|the|for|affairs|information|health|education|commerce|trade|justice|energy|treasury|external|internal|petroleum|water|power|railways|planning|development|law|human|rights|climate|environment|agriculture|industries|communications|culture|tourism|sports|youth|women|labour|labor|science|technology',
);
/** Last words of organisation names ("Ministry", "Institute", "Times"). */
export const ORG_HEADS = set(
  'network|department|office|ministry|party|bank|international|forum|watch|united|rovers|wanderers|athletic|fc|afc|university|college|school|academy|institute|institution|council|committee|commission|agency|authority|bureau|board|corporation|corp|inc|ltd|llc|plc|co|company|companies|group|association|society|federation|union|league|club|organisation|organization|foundation|fund|trust|court|tribunal|army|navy|police|forces|force|guard|brigade|regiment|assembly|parliament|senate|congress|cabinet|government|administration|service|services|times|post|news|press|herald|journal|tribune|gazette|telegraph|guardian|chronicle|observer|review|magazine|radio|tv|television|channel|studios|records|airlines|airways|motors|hospital|clinic|center|centre|laboratory|laboratories|lab|labs|museum|library|church|front|movement|alliance|coalition|brotherhood|mission|secretariat|directorate|division|command|unit|team|fc|exchange|market|reserve|ngo|institute|initiative|project|program|programme|consortium|systems|technologies|industries|holdings|partners|media|network|org|weekly|daily|gaming|entertainment|democrats|republicans|socialists|communists|securities|equities|images|productions|steel|petroleum|pharma|foods|telecom|railways|airline|bancorp|pictures|brothers|ventures|capital|robotics|pharmaceuticals|solutions|logistics|insurance',
);
/** First words of organisation names followed by "of" ("Bank of …", "University of …"). */
export const ORG_OF_HEADS = set(
  'bank|university|college|institute|ministry|department|school|academy|society|association|federation|council|church|court|house|bureau|office|board|chamber|commission|league|union|museum|order|party|government|people|republic',
);
/** Last words of place names ("River", "Province", "Airport"). */
export const PLACE_HEADS = set(
  'stadium|arena|hotel|mosque|cathedral|palace|castle|springs|heights|view|river|mountains|mountain|mount|lake|island|islands|valley|province|county|city|town|village|district|region|sea|ocean|bay|gulf|strait|coast|beach|hill|hills|desert|peninsula|street|road|avenue|square|park|airport|bridge|canal|falls|glacier|forest|harbour|harbor|pass|plateau|plain|plains|state|territory|territories|agency|tehsil|county|station|tower|towers|memorial|factory|terminal|temple|mall|plaza|pier|dam|creek|auditorium|amphitheatre|amphitheater|pavilion|theater|theatre|speedway|raceway|ballpark|coliseum|garden|gardens',
);
/** First words of place names ("North", "Lake", "Port"). */
export const PLACE_PREFIXES = set(
  'north|south|east|west|northern|southern|eastern|western|central|upper|lower|greater|mount|mt|lake|river|port|cape|fort|saint|san|santa|new|masjid',
);
/** First and last words of events ("Hurricane …", "… Cup", "… Olympics"). */
export const EVENT_PREFIXES = set('hurricane|typhoon|cyclone|storm|operation');
export const EVENT_HEADS = set(
  'cup|games|olympics|paralympics|championship|championships|tournament|festival|expo|summit|marathon|prix|hajj|olympiad|world series|grand slam|biennale|fair|awards|month|week',
);
/** Lowercase particles inside a name: "Ludwig van Beethoven", "Osama bin Laden". */
export const NAME_PARTICLES = set('van|von|der|den|de|del|della|di|da|du|la|le|bin|ibn|binti|al|el|ul|ud|uddin|y|dos|das|st.');
export const RELIGIONS = set('islam|christianity|judaism|hinduism|buddhism|sikhism|jainism|taoism|shinto|catholicism|protestantism');
/** Parties said of a person like a title: "Republican …". */
export const PARTY_WORDS = set(
  'republican|democrat|democratic|conservative|labour|liberal|tory|gop|nonpartisan|independent|socialist|communist|centrist|progressive|libertarian|nationalist|unionist',
);
/** Pronouns, determiners, prepositions, conjunctions, auxiliaries: never a name, whatever their capital. */
export const FUNCTION_WORDS = set(
  'a|an|the|this|that|these|those|there|here|it|its|he|she|they|we|i|you|his|her|their|our|my|your|him|them|us|me|who|whom|whose|which|what|when|where|why|how|if|then|than|so|but|and|or|nor|yet|for|of|in|on|at|by|to|from|with|without|within|into|onto|upon|about|above|below|after|before|during|since|until|while|although|though|because|as|like|unlike|despite|against|among|between|through|across|along|around|behind|beyond|near|over|under|via|per|also|however|meanwhile|moreover|instead|indeed|still|now|today|yesterday|tomorrow|tonight|later|earlier|soon|once|again|already|just|only|even|perhaps|maybe|some|many|most|more|much|few|several|all|any|each|every|both|either|neither|no|not|none|other|another|such|same|own|very|well|yes|is|are|was|were|be|been|being|has|have|had|do|does|did|will|would|shall|should|can|could|may|might|must',
);
export const CALENDAR_WORDS = set(
  'monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december',
);

/** Common Chinese, Korean, Vietnamese and Singaporean family names in their usual romanisations. */
const EAST_ASIAN_FAMILY_NAMES = set(
  'ahn|bai|bui|cai|chau|cheng|chiang|cho|chu|chua|cui|dai|deng|dong|duan|duong|fung|goh|ho|hou|hsu|hwang|jang|jia|jiang|kang|koh|kuo|kwan|lai|lam|lee|leung|liang|liao|lim|lu|mak|mao|meng|ng|ngo|ong|peng|poon|qian|qin|qiu|ren|seo|shao|shen|siu|tam|tang|teo|tsai|tsang|tse|vu|wang|xia|xiang|xie|xiong|xue|yeo|yip|yoon|yuan|zeng|zheng|zhong|zou',
);

/**
 * A generated list read once into its single words and its phrases (entries with a space), apart: the name tagger reads
 * the two as different features, and splitting a whole set again at a cold start cost as much as building it.
 */
export class WordsAndPhrases {
  readonly words: Set<string>;
  readonly phrases: Set<string>;
  constructor(list: string) {
    // (Found by expressions and made sets by the Set constructor: no entry passes through a loop in script.)
    this.words = new Set(list.match(/(?<=^|\|)[^| ]+(?=\||$)/g));
    this.phrases = new Set(list.match(/(?<=^|\|)[^|]* [^|]*/g));
  }
  has(entry: string): boolean {
    return this.words.has(entry) || this.phrases.has(entry);
  }
  /** The words, then the phrases. */
  *[Symbol.iterator](): IterableIterator<string> {
    yield* this.words;
    yield* this.phrases;
  }
}

export const FIRST_NAMES = set(data.FIRST_NAMES);
export const LAST_NAMES = new Set([...set(data.LAST_NAMES), ...EAST_ASIAN_FAMILY_NAMES]);
/** Places: compromise's countries, regions and places, and GeoNames cities of 100,000 people or more. */
export const PLACES = new WordsAndPhrases(`${data.PLACES}|${data.CITIES}`);
export const KNOWN_ORGS = new WordsAndPhrases(data.ORGANISATIONS);
export const DEMONYMS = set(data.DEMONYMS);
/** Well-known people by full name. */
export const KNOWN_PEOPLE = new WordsAndPhrases(data.PEOPLE);
/** Common English words (SCOWL 10 and 20). */
export const ENGLISH_WORDS = new SortedWords(data.ENGLISH_WORDS);

/** Short forms of given names ("Larry" for "Lawrence"): the same person when the surname matches. */
const NICKNAMES = new Map<string, string[]>();
/** The other way round: "william" → "bill", "billy", … */
const SHORT_FORMS = new Map<string, string[]>();
for (const line of [
  'william:bill|billy|will|willy|liam',
  'robert:bob|bobby|rob|robbie|bert',
  'james:jim|jimmy|jamie',
  'michael:mike|mick|mickey',
  'thomas:tom|tommy',
  'lawrence:larry|laurie',
  'laurence:larry|laurie',
  'richard:dick|rick|rich|richie',
  'edward:ed|eddie|ted|ned',
  'anthony:tony',
  'joseph:joe|joey',
  'david:dave',
  'daniel:dan|danny',
  'christopher:chris',
  'stephen:steve',
  'steven:steve',
  'andrew:andy|drew',
  'benjamin:ben',
  'samuel:sam',
  'nicholas:nick',
  'alexander:alex',
  'katherine:kate|katie|kathy',
  'catherine:kate|katie|cathy',
  'elizabeth:liz|beth|betty|lizzie',
  'jennifer:jen|jenny',
  'patrick:pat',
  'patricia:pat|trish',
  'matthew:matt',
  'gregory:greg',
  'jeffrey:jeff',
  'ronald:ron|ronnie',
  'donald:don|donnie',
  'kenneth:ken|kenny',
  'timothy:tim',
  'susan:sue|susie',
  'margaret:maggie|meg|peggy',
  'peter:pete',
  'philip:phil',
  'frederick:fred|freddie',
  'charles:charlie|chuck',
  'henry:harry|hank',
  'john:jack|johnny',
  'abraham:abe',
  'joshua:josh',
  'jonathan:jon',
  'zachary:zach|zack',
  'nathan:nate',
  'nathaniel:nate|nat',
  'gabriel:gabe',
  'douglas:doug',
  'gerald:gerry|jerry',
  'raymond:ray',
  'vincent:vince',
  'mitchell:mitch',
  'theodore:ted|teddy|theo',
  'francis:frank',
  'franklin:frank',
  'leonard:len|lenny|leo',
  'kimberly:kim',
  'rebecca:becky',
  'deborah:debbie|deb',
  'victoria:vicky|tori',
  'alexandra:alex|sasha',
  'christine:chris',
  'christina:chris|tina',
]) {
  const [full, shorts] = line.split(':') as [string, string];
  for (const short of shorts.split('|')) {
    NICKNAMES.set(short, [...(NICKNAMES.get(short) ?? []), full]);
    SHORT_FORMS.set(full, [...(SHORT_FORMS.get(full) ?? []), short]);
  }
}

/** "Larry" and "Lawrence", or the same name twice. */
export function sameGivenName(a: string, b: string): boolean {
  if (a === b) return true;
  return !!NICKNAMES.get(a)?.includes(b) || !!NICKNAMES.get(b)?.includes(a);
}

/** Every given name that sameGivenName(name, ·) accepts: the name, its full forms, and its short forms. */
export function givenNameVariants(name: string): string[] {
  return [name, ...(NICKNAMES.get(name) ?? []), ...(SHORT_FORMS.get(name) ?? [])];
}

/**
 * US states by their postal codes and their news-style abbreviations ("Fla.", "Ore."), as written after a city ("Millbrook,
 * MD") or a lawmaker's party ("R-Tex."): one closed list, read for mentions tagged as places only ("LA" is left out: it
 * is Los Angeles as often).
 */
const US_STATES =
  'alabama:al:ala|alaska:ak|arizona:az:ariz|arkansas:ar:ark|california:ca:calif|colorado:co:colo|connecticut:ct:conn|delaware:de:del|florida:fl:fla|georgia:ga|hawaii:hi|idaho:id|illinois:il:ill|indiana:in:ind|iowa:ia|kansas:ks:kan|kentucky:ky|louisiana|maine:me|maryland:md|massachusetts:ma:mass|michigan:mi:mich|minnesota:mn:minn|mississippi:ms:miss|missouri:mo|montana:mt:mont|nebraska:ne:neb|nevada:nv:nev|new hampshire:nh:n h|new jersey:nj:n j|new mexico:nm:n m|new york:ny:n y|north carolina:nc:n c|north dakota:nd:n d|ohio:oh|oklahoma:ok:okla|oregon:or:ore|pennsylvania:pa|rhode island:ri:r i|south carolina:sc:s c|south dakota:sd:s d|tennessee:tn:tenn|texas:tx:tex|utah:ut|vermont:vt|virginia:va|washington:wa:wash|west virginia:wv:w va|wisconsin:wi:wis|wyoming:wy:wyo';

/** Other names of the same place or body, merged under the first ("US" is "United States"). */
export const ALIASES = new Map<string, string>(
  [
    ['united states', 'us', 'usa', 'u s', 'u s a', 'america', 'united states of america'],
    ['united kingdom', 'uk', 'u k', 'britain', 'great britain'],
    ['united arab emirates', 'uae'],
    ['united nations', 'un', 'u n'],
    ['european union', 'eu'],
    ['soviet union', 'ussr'],
  ].flatMap(([canonical, ...others]) => others.map((o) => [o, canonical as string] as [string, string])),
);

/** A place's other names, for mentions tagged as places: the US states' abbreviations ("FL", "Fla." for Florida). */
export const PLACE_ALIASES = new Map<string, string>(
  US_STATES.split('|').flatMap((line) => {
    const [canonical, ...others] = line.split(':') as [string, ...string[]];
    return others.map((o) => [o, canonical] as [string, string]);
  }),
);

/** "he" or "she" by a first name, when the lexicon is sure; null when it cannot say. */
const MALE = new SortedWords(data.MALE_NAMES);
const FEMALE = new SortedWords(data.FEMALE_NAMES);
export function genderOf(firstName: string): 'male' | 'female' | null {
  const w = firstName.toLowerCase();
  const male = MALE.has(w);
  const female = FEMALE.has(w);
  return male === female ? null : male ? 'male' : 'female';
}

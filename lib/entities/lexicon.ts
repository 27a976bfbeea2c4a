/** Word lists for the rule-based recogniser. Lowercase; multi-word entries are space-separated. */
import * as data from './lexicon-data';

// The lists are written lowercase and trimmed (a unit test holds them to it), so loading them is one split: this runs
// at every cold start of the NLP stage, on some 20,000 words.
const set = (words: string) => {
  const out = new Set(words.split('|'));
  out.delete('');
  return out;
};
const union = (...sets: Set<string>[]) => {
  const out = new Set<string>();
  for (const s of sets) for (const w of s) out.add(w);
  return out;
};

/** Words that name a role and come before a person's name: "General Raheel Sharif", "Mr. Aziz". */
export const TITLES = set(
  'mr|mrs|ms|miss|mx|dr|prof|professor|sir|dame|lord|lady|president|vice|premier|chancellor|governor|gov|senator|sen|rep|representative|congressman|congresswoman|mayor|judge|justice|general|gen|lieutenant|lt|colonel|col|major|maj|captain|capt|admiral|adm|sergeant|sgt|commander|cmdr|corporal|cpl|private|pvt|marshal|sheriff|brigadier|brig|king|queen|prince|princess|emperor|empress|sultan|emir|pope|father|fr|rev|reverend|bishop|archbishop|cardinal|rabbi|imam|sheikh|shaikh|maulana|mufti|ayatollah|mullah|chief|secretary|minister|ambassador|envoy|director|spokesman|spokeswoman|spokesperson|chairman|chairwoman|chairperson|chair|ceo|cfo|coo|cto|administrator|coach|officer|inspector|detective|superintendent|constable|agent|advisor|adviser|commissioner|attorney|prosecutor|advocate|solicitor|barrister|speaker|leader|councillor|councilman|councilwoman|deputy|acting|former|senior|head|founder|editor|correspondent|biologist|physicist|chemist|economist|scientist|researcher|author|writer|actor|actress|singer|player|striker|captain|premier|pm|mp|mep|gov.|sen.|saint|st',
);

/** Words that may sit inside a title phrase ("National Security Advisor", "Chief of Army Staff"). */
export const TITLE_MODIFIERS = set(
  'national|crown|emeritus|emerita|elect|designate|operating|financial|marketing|creative|security|foreign|defence|defense|interior|finance|home|state|federal|provincial|chief|army|staff|joint|deputy|vice|acting|former|senior|prime|attorney|general|press|executive|managing|assistant|associate|special|high|supreme|lord|grand|of|the|for|affairs|information|health|education|commerce|trade|justice|energy|treasury|external|internal|petroleum|water|power|railways|planning|development|law|human|rights|climate|environment|agriculture|industries|communications|culture|tourism|sports|youth|women|labour|labor|science|technology',
);

/** Last words of organisation names. */
export const ORG_HEADS = set(
  'network|department|office|ministry|party|bank|international|forum|watch|united|rovers|wanderers|athletic|hotspur|fc|afc|university|college|school|academy|institute|institution|council|committee|commission|agency|authority|bureau|board|corporation|corp|inc|ltd|llc|plc|co|company|companies|group|association|society|federation|union|league|club|organisation|organization|foundation|fund|trust|court|tribunal|army|navy|police|forces|force|guard|brigade|regiment|assembly|parliament|senate|congress|cabinet|government|administration|service|services|times|post|news|press|herald|journal|tribune|gazette|telegraph|guardian|chronicle|observer|review|magazine|radio|tv|television|channel|studios|records|airlines|airways|motors|hospital|clinic|center|centre|laboratory|laboratories|lab|labs|museum|library|church|front|movement|alliance|coalition|taliban|brotherhood|mission|secretariat|directorate|division|command|unit|team|fc|exchange|market|reserve|ngo|institute|initiative|project|program|programme|consortium|systems|technologies|industries|holdings|partners|media|network|org|weekly|daily|gaming|entertainment|democrats|republicans|socialists|communists|securities|equities|images|productions|steel|petroleum|pharma|foods|telecom|railways|airline|bancorp|pictures|brothers|ventures|capital|robotics|pharmaceuticals|solutions|logistics|insurance',
);

/** Lowercase words that still end an organisation name after a capitalised one ("the Haqqani network"). */
export const LOWERCASE_ORG_HEADS = set('network|movement|militia');
/** First words of named storms and operations, events rather than people ("Hurricane Katrina", "Operation Desert Storm"). */
export const EVENT_PREFIXES = set('hurricane|typhoon|cyclone|storm|operation');
/** Last words of events, which are neither people, organisations nor places ("World Cup", "Summer Paralympics"). */
export const EVENT_HEADS = set(
  'cup|games|olympics|paralympics|championship|championships|tournament|festival|expo|summit|marathon|prix|hajj|olympiad|world series|grand slam|biennale|fair|awards|month|week',
);

/** First words of organisation names followed by "of" ("Bank of England", "University of Helsinki"). */
export const ORG_OF_HEADS = set(
  'bank|university|college|institute|ministry|department|school|academy|society|association|federation|council|church|court|house|bureau|office|board|chamber|commission|league|union|museum|order|party|government|people|republic',
);

/** Organisations usually written as one word or an acronym. */
export const CORE_ORGS = set(
  'agence france-presse|associated press|taliban|al-qaeda|al qaeda|al-qaida|isis|isil|daesh|islamic state|hamas|hezbollah|hizbollah|nato|un|eu|unesco|unicef|who|wto|imf|opec|asean|fbi|cia|nsa|isi|raw|mi5|mi6|kgb|fsb|bbc|cnn|nbc|abc|cbs|fox|reuters|afp|ap|bloomberg|wikinews|wikipedia|wikimedia|google|facebook|meta|twitter|microsoft|apple|amazon|nasa|esa|interpol|pentagon|kremlin|congress|parliament|senate|fifa|uefa|ioc|icc|icj|pti|pml-n|ppp|mqm|anp|jui-f|ttp|lashkar-e-taiba|jaish-e-mohammed|al-shabaab|boko haram|greenpeace|oxfam|amnesty|unhcr|who|ecb|fed|opec|samsung|toyota|nokia|ibm|intel|yahoo|youtube|netflix|tesla|uber|airbnb|spacex|boeing|airbus|mozilla|linkedin|instagram|tiktok|whatsapp|spotify|reddit|snapchat|pinterest|dropbox|gitlab|openai|anthropic|alibaba|bytedance|huawei|zte|qualcomm',
);

/** Countries, capitals, major cities, regions and continents: trusted even for a capitalised word starting a sentence. */
export const CORE_PLACES = set(
  'afghanistan|albania|algeria|andorra|angola|argentina|armenia|australia|austria|azerbaijan|bahamas|bahrain|bangladesh|barbados|belarus|belgium|belize|benin|bhutan|bolivia|bosnia|botswana|brazil|brunei|bulgaria|burkina faso|burma|burundi|cambodia|cameroon|canada|chad|chile|china|colombia|comoros|congo|costa rica|croatia|cuba|cyprus|czech republic|czechia|denmark|djibouti|dominica|dominican republic|ecuador|egypt|el salvador|eritrea|estonia|eswatini|ethiopia|fiji|finland|france|gabon|gambia|georgia|germany|ghana|greece|grenada|guatemala|guinea|guyana|haiti|honduras|hungary|iceland|india|indonesia|iran|iraq|ireland|israel|italy|jamaica|japan|jordan|kazakhstan|kenya|kiribati|korea|kosovo|kuwait|kyrgyzstan|laos|latvia|lebanon|lesotho|liberia|libya|liechtenstein|lithuania|luxembourg|madagascar|malawi|malaysia|maldives|mali|malta|mauritania|mauritius|mexico|moldova|monaco|mongolia|montenegro|morocco|mozambique|myanmar|namibia|nauru|nepal|netherlands|holland|new zealand|nicaragua|niger|nigeria|north korea|south korea|norway|oman|pakistan|palau|palestine|panama|papua new guinea|paraguay|peru|philippines|poland|portugal|qatar|romania|russia|rwanda|samoa|san marino|saudi arabia|senegal|serbia|seychelles|sierra leone|singapore|slovakia|slovenia|somalia|south africa|south sudan|spain|sri lanka|sudan|suriname|sweden|switzerland|syria|taiwan|tajikistan|tanzania|thailand|togo|tonga|trinidad|tunisia|turkey|turkmenistan|tuvalu|uganda|ukraine|united arab emirates|uae|united kingdom|uk|britain|great britain|england|scotland|wales|northern ireland|united states|united states of america|us|usa|america|uruguay|uzbekistan|vanuatu|vatican|venezuela|vietnam|yemen|zambia|zimbabwe|' +
    'africa|asia|europe|antarctica|oceania|north america|south america|latin america|middle east|central asia|south asia|east asia|southeast asia|west africa|east africa|balkans|caribbean|scandinavia|siberia|kashmir|punjab|sindh|balochistan|baluchistan|khyber pakhtunkhwa|waziristan|gilgit-baltistan|fata|tibet|xinjiang|hong kong|macau|crimea|donbas|gaza|west bank|sinai|kurdistan|darfur|chechnya|catalonia|bavaria|quebec|ontario|alberta|california|texas|florida|new york|washington|virginia|massachusetts|illinois|ohio|michigan|georgia|pennsylvania|arizona|colorado|oregon|nevada|utah|alaska|hawaii|louisiana|alabama|mississippi|tennessee|kentucky|indiana|wisconsin|minnesota|iowa|missouri|kansas|nebraska|oklahoma|arkansas|idaho|montana|wyoming|maine|vermont|connecticut|maryland|delaware|carolina|north carolina|south carolina|new jersey|new mexico|' +
    'islamabad|karachi|lahore|peshawar|quetta|rawalpindi|multan|faisalabad|kabul|kandahar|herat|delhi|new delhi|mumbai|kolkata|chennai|bangalore|dhaka|kathmandu|colombo|beijing|shanghai|tokyo|seoul|pyongyang|bangkok|hanoi|manila|jakarta|kuala lumpur|singapore|sydney|melbourne|canberra|auckland|wellington|tehran|baghdad|damascus|beirut|amman|jerusalem|tel aviv|riyadh|jeddah|mecca|dubai|abu dhabi|doha|cairo|istanbul|ankara|moscow|kyiv|kiev|minsk|warsaw|berlin|munich|hamburg|frankfurt|vienna|prague|budapest|rome|milan|madrid|barcelona|lisbon|paris|brussels|amsterdam|the hague|geneva|zurich|bern|london|manchester|liverpool|birmingham|edinburgh|glasgow|dublin|belfast|oslo|stockholm|copenhagen|helsinki|reykjavik|athens|bucharest|sofia|belgrade|zagreb|nairobi|lagos|abuja|johannesburg|cape town|addis ababa|khartoum|tripoli|tunis|algiers|rabat|casablanca|washington dc|new york city|los angeles|chicago|boston|san francisco|seattle|houston|dallas|miami|atlanta|detroit|philadelphia|toronto|montreal|vancouver|ottawa|mexico city|havana|bogota|lima|santiago|buenos aires|sao paulo|rio de janeiro|brasilia|caracas|quito|hollywood|silicon valley|manhattan|brooklyn|wall street|broadway|downing street|fleet street',
);

/** Words that make a following or whole name a place: "North Waziristan", "Indus River". */
export const PLACE_PREFIXES = set(
  'north|south|east|west|northern|southern|eastern|western|central|upper|lower|greater|mount|mt|lake|river|port|cape|fort|saint|san|santa|new|masjid',
);
export const PLACE_HEADS = set(
  'stadium|arena|hotel|mosque|cathedral|palace|castle|springs|heights|view|river|mountains|mountain|mount|lake|island|islands|valley|province|county|city|town|village|district|region|sea|ocean|bay|gulf|strait|coast|beach|hill|hills|desert|peninsula|street|road|avenue|square|park|airport|bridge|canal|falls|glacier|forest|harbour|harbor|pass|plateau|plain|plains|state|territory|territories|agency|tehsil|county|station|tower|towers|memorial|factory|terminal|temple|mall|plaza|pier|dam|creek|auditorium|amphitheatre|amphitheater|pavilion|theater|theatre|speedway|raceway|ballpark|coliseum|garden|gardens',
);

/** Nationalities and other adjectives of place: MISC on their own, part of a name before an organisation head. */
const CORE_DEMONYMS = set(
  'afghan|american|arab|australian|austrian|bangladeshi|belgian|brazilian|british|canadian|chinese|dutch|egyptian|english|european|finnish|french|german|greek|indian|indonesian|iranian|iraqi|irish|israeli|italian|japanese|jordanian|kashmiri|korean|kurdish|lebanese|libyan|malaysian|mexican|muslim|christian|hindu|jewish|sikh|buddhist|nigerian|norwegian|pakistani|palestinian|pashtun|baloch|sindhi|punjabi|persian|polish|portuguese|qatari|russian|saudi|scottish|somali|spanish|swedish|swiss|syrian|taiwanese|turkish|ukrainian|welsh|yemeni|african|asian|western|eastern|soviet|islamic|catholic|protestant|sunni|shia|shiite|republican|democrat|democratic|conservative|liberal|labour|tory',
);

/** Religions and their followers' adjectives: neither people, organisations nor places. */
export const RELIGIONS = set('islam|christianity|judaism|hinduism|buddhism|sikhism|jainism|taoism|shinto|catholicism|protestantism');

/** Capitalised at a sentence start or in a heading, but not names. */
export const COMMON_WORDS = set(
  'ah|oh|alas|wow|hey|a|an|the|this|that|these|those|there|here|it|its|he|she|they|we|i|you|his|her|their|our|my|your|him|them|us|me|who|whom|whose|which|what|when|where|why|how|if|then|than|so|but|and|or|nor|yet|for|of|in|on|at|by|to|from|with|without|within|into|onto|upon|about|above|below|after|before|during|since|until|till|while|although|though|because|as|like|unlike|despite|against|among|amongst|between|through|throughout|across|along|around|behind|beyond|near|over|under|via|per|also|however|meanwhile|moreover|furthermore|nevertheless|nonetheless|instead|indeed|still|now|today|yesterday|tomorrow|tonight|later|earlier|soon|then|once|twice|again|already|just|only|even|perhaps|maybe|certainly|clearly|finally|first|second|third|last|next|some|many|most|more|much|few|several|all|any|each|every|both|either|neither|no|not|none|one|two|three|four|five|six|seven|eight|nine|ten|other|others|another|such|same|own|very|well|yes|according|asked|said|says|reported|image|photo|video|file|update|updated|breaking|exclusive|analysis|opinion|editorial|comment|comments|read|more|share|print|email|sources|source|officials|official|police|authorities|critics|experts|analysts|residents|witnesses|people|members|leaders|observers|reports|report|news|story|interview|question|answer|q|a|note|notes|see|also|related|published|posted|written|by|copyright|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|is|are|was|were|be|been|being|has|have|had|do|does|did|will|would|shall|should|can|could|may|might|must|let|please|thanks|thank|dear|hello|hi|oh|well|okay|ok|mr|mrs|ms|dr|st|no|number|chapter|section|part|figure|table|page|vol|volume|edition|day|week|month|year|years|time|times|world|government|state|city|country|national|international|local|federal|new|old|big|small|great|good|bad|best|worst|high|low|top|bottom|left|right|north|south|east|west|western|eastern|northern|southern|central|general|special|public|private|political|military|economic|social|human|global|free|open|full|live|latest|top|day|night|morning|evening|afternoon|weekend|spring|summer|autumn|fall|winter|christmas|easter|ramadan|eid|diwali',
);

/** Lowercase name particles allowed inside a name: "Ludwig van Beethoven", "Osama bin Laden". */
export const NAME_PARTICLES = set('van|von|der|den|de|del|della|di|da|du|la|le|bin|ibn|binti|al|el|ul|ud|uddin|y|dos|das|st.');

/** Common first names, to type a two-word name as a person without other evidence. A small list: the default already leans PER. */
const CORE_FIRST_NAMES = set(
  'lewis|lebron|kobe|novak|john|james|robert|michael|william|david|richard|joseph|thomas|charles|christopher|daniel|matthew|anthony|mark|donald|steven|paul|andrew|joshua|kenneth|kevin|brian|george|edward|ronald|timothy|jason|jeffrey|jeff|ryan|jacob|gary|nicholas|nick|eric|jonathan|stephen|larry|justin|scott|brandon|benjamin|samuel|frank|gregory|raymond|alexander|patrick|jack|dennis|jerry|tyler|aaron|jose|henry|adam|douglas|nathan|peter|zachary|kyle|walter|harold|jeremy|ethan|carl|keith|roger|gerald|christian|terry|sean|arthur|austin|noah|lawrence|jesse|joe|bryan|billy|jordan|albert|dylan|bruce|willie|gabriel|alan|juan|logan|wayne|ralph|roy|eugene|randy|vincent|russell|louis|philip|bobby|johnny|bradley|mary|patricia|jennifer|linda|elizabeth|barbara|susan|jessica|sarah|karen|nancy|lisa|margaret|betty|sandra|ashley|dorothy|kimberly|emily|donna|michelle|carol|amanda|melissa|deborah|stephanie|rebecca|laura|sharon|cynthia|kathleen|amy|shirley|angela|helen|anna|brenda|pamela|nicole|samantha|katherine|emma|ruth|christine|catherine|debra|rachel|carolyn|janet|virginia|maria|heather|diane|julie|joyce|victoria|kelly|christina|joan|evelyn|lauren|judith|olivia|frances|martha|cheryl|megan|andrea|hannah|jacqueline|ann|jean|alice|kathryn|gloria|teresa|doris|sara|janice|julia|marie|madison|grace|judy|theresa|beverly|denise|marilyn|amber|danielle|abigail|brittany|rose|diana|natalie|sophia|alexis|lori|kayla|jane|barack|hillary|bill|angela|vladimir|xi|narendra|imran|nawaz|shahbaz|benazir|asif|pervez|raheel|sartaj|muhammad|mohammad|mohammed|ahmed|ahmad|ali|hassan|hussain|hussein|omar|umar|abdul|abdullah|khalid|tariq|bilal|usman|osama|ayman|hamid|ashraf|zalmay|hamdullah|vladimir|boris|angela|emmanuel|francois|jacques|nicolas|gordon|tony|theresa|rishi|keir|joe|kamala|mike|nancy|ted|bernie|elizabeth|jeb|marco|rand|chris|ben|tim|tom|sam|dan|rob|bob|jim|ken|ron|don|jon|ted|kate|liz|sue|meg|beth|jo|al|ed|fred|greg|pete|steve|nick|dave|matt|andy|alex|max|leo|luke|liam|oliver|harry|charlie|lucy|sophie|chloe|mia|ella|zoe',
);

/** Short forms of given names ("Larry" for "Lawrence"): the same person when the surname matches. */
const NICKNAMES = new Map<string, string[]>();
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
  for (const short of shorts.split('|')) NICKNAMES.set(short, [...(NICKNAMES.get(short) ?? []), full]);
}

/** "Larry" and "Lawrence", or the same name twice. */
export function sameGivenName(a: string, b: string): boolean {
  if (a === b) return true;
  return !!NICKNAMES.get(a)?.includes(b) || !!NICKNAMES.get(b)?.includes(a);
}

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

// The curated lists above, widened with compromise's lexicon (see lexicon-data.ts).
export const KNOWN_ORGS = union(CORE_ORGS, set(data.ORGANISATIONS));
/** All known places; a lone capitalised word at a sentence start must be in CORE_PLACES ("Reading", "Nice" are words too). */
export const PLACES = union(
  CORE_PLACES,
  set(data.PLACES),
  set(data.CITIES),
  set('soviet union|white house|hollywood|silicon valley|las vegas|la|nyc|dc|midwest|earth'),
);
export const DEMONYMS = union(CORE_DEMONYMS, set(data.DEMONYMS));
export const FIRST_NAMES = union(CORE_FIRST_NAMES, set(data.FIRST_NAMES));
// Common Chinese, Korean, Vietnamese and Singaporean family names in their usual romanisations, which the generated list
// lacks ("Wang", "Lee", "Ng"). Not those that are also common words or name places and tongues ("Long", "Sun", "Le", "Han").
const EAST_ASIAN_FAMILY_NAMES = set(
  'ahn|bai|bui|cai|chau|cheng|chiang|cho|chu|chua|cui|dai|deng|dong|duan|duong|fung|goh|ho|hou|hsu|hwang|jang|jia|jiang|kang|koh|kuo|kwan|lai|lam|lee|leung|liang|liao|lim|lu|mak|mao|meng|ng|ngo|ong|peng|poon|qian|qin|qiu|ren|seo|shao|shen|siu|tam|tang|teo|tsai|tsang|tse|vu|wang|xia|xiang|xie|xiong|xue|yeo|yip|yoon|yuan|zeng|zheng|zhong|zou',
);
export const LAST_NAMES = union(set(data.LAST_NAMES), EAST_ASIAN_FAMILY_NAMES);
/** Well-known people by full name, and their surnames ("Gorbachev", "Obama") alone. */
export const KNOWN_PEOPLE = set(data.PEOPLE);
export const FAMOUS_SURNAMES = new Set([...KNOWN_PEOPLE].filter((n) => n.includes(' ')).map((n) => n.split(' ').pop() as string));
/** Common English words (SCOWL 10 and 20). */
export const ENGLISH_WORDS = set(data.ENGLISH_WORDS);

/** A plain English word that is not also a common first or last name ("Hill", "Young" are both). */
export function isPlainWord(word: string): boolean {
  return ENGLISH_WORDS.has(word) && !FIRST_NAMES.has(word) && !LAST_NAMES.has(word);
}

/** "he" or "she" by a first name, when the lexicon is sure; null when it cannot say. */
const MALE = set(data.MALE_NAMES);
const FEMALE = set(data.FEMALE_NAMES);
export function genderOf(firstName: string): 'male' | 'female' | null {
  const w = firstName.toLowerCase();
  const male = MALE.has(w);
  const female = FEMALE.has(w);
  return male === female ? null : male ? 'male' : 'female';
}

/** Last words of a model's or device's name: "Stadia Pro", "Chromecast Ultra", "Mustang Mach E SUV". */
export const PRODUCT_TAILS = set(
  'pro|ultra|max|mini|plus|lite|edition|keyboard|mouse|suv|sedan|hatchback|console|headset|laptop|tablet|router|smartphone',
);
/** US states' postal codes: "Houston, TX". */
export const US_STATE_CODES = set(
  'al|ak|az|ar|ca|co|ct|de|fl|ga|hi|id|il|in|ia|ks|ky|la|me|md|ma|mi|mn|ms|mo|mt|ne|nv|nh|nj|nm|ny|nc|nd|oh|ok|or|pa|ri|sc|sd|tn|tx|ut|vt|va|wa|wv|wi|wy|dc',
);
/** Parties said of a person like a title: "Republican Phil Bryant", "Kentucky GOP Gov. Matt Bevin". */
export const PARTY_WORDS = set(
  'republican|democrat|democratic|conservative|labour|liberal|tory|gop|nonpartisan|independent|socialist|communist|centrist|progressive|libertarian|nationalist|unionist',
);

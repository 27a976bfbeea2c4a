/**
 * States, provinces and home nations as datelines and "City, State" qualifiers write them: "BERKELEY, Calif.", "PARIS,
 * Texas", "LONDON, Ont.", "CAMBRIDGE, England". Abbreviations are the AP's and the postal codes; postal codes count only
 * after a comma, where "OR" or "IN" cannot be a word.
 */

interface Region {
  name: string;
  /** AP-style abbreviations, with their dots */
  abbreviations: string[];
  /** two-letter postal codes */
  codes: string[];
}

// name | AP abbreviations | postal codes, one region a line
const REGION_TABLE = `
Alabama|Ala.|AL
Alaska||AK
Arizona|Ariz.|AZ
Arkansas|Ark.|AR
California|Calif. Cal.|CA
Colorado|Colo.|CO
Connecticut|Conn.|CT
Delaware|Del.|DE
Florida|Fla.|FL
Georgia|Ga.|GA
Hawaii||HI
Idaho||ID
Illinois|Ill.|IL
Indiana|Ind.|IN
Iowa||IA
Kansas|Kan. Kans.|KS
Kentucky|Ky.|KY
Louisiana|La.|LA
Maine||ME
Maryland|Md.|MD
Massachusetts|Mass.|MA
Michigan|Mich.|MI
Minnesota|Minn.|MN
Mississippi|Miss.|MS
Missouri|Mo.|MO
Montana|Mont.|MT
Nebraska|Neb. Nebr.|NE
Nevada|Nev.|NV
New Hampshire|N.H.|NH
New Jersey|N.J.|NJ
New Mexico|N.M. N.Mex.|NM
New York|N.Y.|NY
North Carolina|N.C.|NC
North Dakota|N.D. N.Dak.|ND
Ohio||OH
Oklahoma|Okla.|OK
Oregon|Ore. Oreg.|OR
Pennsylvania|Pa. Penn.|PA
Rhode Island|R.I.|RI
South Carolina|S.C.|SC
South Dakota|S.D. S.Dak.|SD
Tennessee|Tenn.|TN
Texas|Tex.|TX
Utah||UT
Vermont|Vt.|VT
Virginia|Va.|VA
Washington|Wash.|WA
West Virginia|W.Va. W.Virginia|WV
Wisconsin|Wis. Wisc.|WI
Wyoming|Wyo.|WY
District of Columbia|D.C.|DC
Puerto Rico|P.R.|PR
Alberta|Alta.|AB
British Columbia|B.C.|BC
Manitoba|Man.|MB
New Brunswick|N.B.|NB
Newfoundland and Labrador|Nfld. N.L.|NL
Nova Scotia|N.S.|NS
Ontario|Ont.|ON
Prince Edward Island|P.E.I.|PE
Quebec|Que. Qué.|QC
Saskatchewan|Sask.|SK
New South Wales|N.S.W.|NSW
Queensland|Qld.|QLD
Victoria|Vic.|VIC
Tasmania|Tas.|TAS
South Australia|S.A.|SA
Western Australia|W.A.|WA
England|Eng.|
Scotland||
Wales||
Northern Ireland|N.I.|
`;

/** The regions, parsed on first use. */
export function regions(): Region[] {
  return REGION_TABLE.trim()
    .split('\n')
    .map((line) => {
      const [name = '', abbreviations = '', codes = ''] = line.split('|');
      return { name, abbreviations: abbreviations.split(' ').filter(Boolean), codes: codes.split(' ').filter(Boolean) };
    });
}

const compact = (s: string) => s.replace(/[.\s]/g, '').toLowerCase();

let index: { byName: Map<string, string>; byAbbreviation: Map<string, string>; byCode: Map<string, string> } | undefined;

function regionIndex() {
  if (index) return index;
  index = { byName: new Map(), byAbbreviation: new Map(), byCode: new Map() };
  for (const region of regions()) {
    index.byName.set(region.name.toLowerCase(), region.name);
    for (const a of region.abbreviations) index.byAbbreviation.set(compact(a), region.name);
    // "WA" is Washington before Western Australia: the first one listed wins.
    for (const c of region.codes) if (!index.byCode.has(c)) index.byCode.set(c, region.name);
  }
  return index;
}

/**
 * The region a word after "City," names, by its full name, an abbreviation ("Calif.", "N.H.", "Ont" as a recogniser
 * may leave it), or a postal code when `afterComma` (only there is "OR" not a word).
 */
export function regionNamed(text: string, afterComma = false): string | null {
  const t = text.trim();
  if (!t) return null;
  const { byName, byAbbreviation, byCode } = regionIndex();
  const full = byName.get(t.toLowerCase());
  if (full) return full;
  const abbreviated = byAbbreviation.get(compact(t));
  if (abbreviated && (/\./.test(t) || afterComma || /^[A-Z][a-z]{1,4}$/.test(t))) return abbreviated;
  if (afterComma && /^[A-Z]{2,3}$/.test(t)) return byCode.get(t) ?? null;
  return null;
}

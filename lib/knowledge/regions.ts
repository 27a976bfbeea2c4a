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

const r = (name: string, abbreviations: string, codes = ''): Region => ({
  name,
  abbreviations: abbreviations ? abbreviations.split(' ') : [],
  codes: codes ? codes.split(' ') : [],
});

export const REGIONS: readonly Region[] = [
  r('Alabama', 'Ala.', 'AL'),
  r('Alaska', '', 'AK'),
  r('Arizona', 'Ariz.', 'AZ'),
  r('Arkansas', 'Ark.', 'AR'),
  r('California', 'Calif. Cal.', 'CA'),
  r('Colorado', 'Colo.', 'CO'),
  r('Connecticut', 'Conn.', 'CT'),
  r('Delaware', 'Del.', 'DE'),
  r('Florida', 'Fla.', 'FL'),
  r('Georgia', 'Ga.', 'GA'),
  r('Hawaii', '', 'HI'),
  r('Idaho', '', 'ID'),
  r('Illinois', 'Ill.', 'IL'),
  r('Indiana', 'Ind.', 'IN'),
  r('Iowa', '', 'IA'),
  r('Kansas', 'Kan. Kans.', 'KS'),
  r('Kentucky', 'Ky.', 'KY'),
  r('Louisiana', 'La.', 'LA'),
  r('Maine', '', 'ME'),
  r('Maryland', 'Md.', 'MD'),
  r('Massachusetts', 'Mass.', 'MA'),
  r('Michigan', 'Mich.', 'MI'),
  r('Minnesota', 'Minn.', 'MN'),
  r('Mississippi', 'Miss.', 'MS'),
  r('Missouri', 'Mo.', 'MO'),
  r('Montana', 'Mont.', 'MT'),
  r('Nebraska', 'Neb. Nebr.', 'NE'),
  r('Nevada', 'Nev.', 'NV'),
  r('New Hampshire', 'N.H.', 'NH'),
  r('New Jersey', 'N.J.', 'NJ'),
  r('New Mexico', 'N.M. N.Mex.', 'NM'),
  r('New York', 'N.Y.', 'NY'),
  r('North Carolina', 'N.C.', 'NC'),
  r('North Dakota', 'N.D. N.Dak.', 'ND'),
  r('Ohio', '', 'OH'),
  r('Oklahoma', 'Okla.', 'OK'),
  r('Oregon', 'Ore. Oreg.', 'OR'),
  r('Pennsylvania', 'Pa. Penn.', 'PA'),
  r('Rhode Island', 'R.I.', 'RI'),
  r('South Carolina', 'S.C.', 'SC'),
  r('South Dakota', 'S.D. S.Dak.', 'SD'),
  r('Tennessee', 'Tenn.', 'TN'),
  r('Texas', 'Tex.', 'TX'),
  r('Utah', '', 'UT'),
  r('Vermont', 'Vt.', 'VT'),
  r('Virginia', 'Va.', 'VA'),
  r('Washington', 'Wash.', 'WA'),
  r('West Virginia', 'W.Va. W.Virginia', 'WV'),
  r('Wisconsin', 'Wis. Wisc.', 'WI'),
  r('Wyoming', 'Wyo.', 'WY'),
  r('District of Columbia', 'D.C.', 'DC'),
  r('Puerto Rico', 'P.R.', 'PR'),
  r('Alberta', 'Alta.', 'AB'),
  r('British Columbia', 'B.C.', 'BC'),
  r('Manitoba', 'Man.', 'MB'),
  r('New Brunswick', 'N.B.', 'NB'),
  r('Newfoundland and Labrador', 'Nfld. N.L.', 'NL'),
  r('Nova Scotia', 'N.S.', 'NS'),
  r('Ontario', 'Ont.', 'ON'),
  r('Prince Edward Island', 'P.E.I.', 'PE'),
  r('Quebec', 'Que. Qué.', 'QC'),
  r('Saskatchewan', 'Sask.', 'SK'),
  r('New South Wales', 'N.S.W.', 'NSW'),
  r('Queensland', 'Qld.', 'QLD'),
  r('Victoria', 'Vic.', 'VIC'),
  r('Tasmania', 'Tas.', 'TAS'),
  r('South Australia', 'S.A.', 'SA'),
  r('Western Australia', 'W.A.', 'WA'),
  r('England', 'Eng.', ''),
  r('Scotland', '', ''),
  r('Wales', '', ''),
  r('Northern Ireland', 'N.I.', ''),
];

const compact = (s: string) => s.replace(/[.\s]/g, '').toLowerCase();

const byName = new Map<string, string>();
const byAbbreviation = new Map<string, string>();
const byCode = new Map<string, string>();
for (const region of REGIONS) {
  byName.set(region.name.toLowerCase(), region.name);
  for (const a of region.abbreviations) byAbbreviation.set(compact(a), region.name);
  // "WA" is Washington before Western Australia: the first one listed wins.
  for (const c of region.codes) if (!byCode.has(c)) byCode.set(c, region.name);
}

/**
 * The region a word after "City," names, by its full name, an abbreviation ("Calif.", "N.H.", "Ont" as a recogniser
 * may leave it), or a postal code when `afterComma` (only there is "OR" not a word).
 */
export function regionNamed(text: string, afterComma = false): string | null {
  const t = text.trim();
  if (!t) return null;
  const full = byName.get(t.toLowerCase());
  if (full) return full;
  const abbreviated = byAbbreviation.get(compact(t));
  if (abbreviated && (/\./.test(t) || afterComma || /^[A-Z][a-z]{1,4}$/.test(t))) return abbreviated;
  if (afterComma && /^[A-Z]{2,3}$/.test(t)) return byCode.get(t) ?? null;
  return null;
}

import type { EntityType } from '../analyze/types';
import { compareDates, heldAt, itemValues, qualifierTime, timeValue, type WikidataEntity, type WikidataTime } from './wikidata';
import { firstSentences, type WikipediaPage } from './wikipedia';

export interface Office {
  title: string;
  start: string | null;
  end: string | null;
  /** held at the article's date */
  atDate: boolean;
}

/** A background note as of the article's date. Text fields are plain text, to be rendered as text. */
export interface BackgroundNote {
  qid: string;
  label: string;
  description: string | null;
  summary: string | null;
  thumbnail: string | null;
  wikipediaUrl: string | null;
  wikidataUrl: string;
  /** "Text from Wikipedia, CC BY-SA 4.0", when the summary comes from it */
  attribution: string | null;
  facts: string[];
  offices: Office[];
  /** what the note lacks because part of its look-up failed (it is shown without it) */
  incomplete?: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function formatTime(t: WikidataTime | null): string | null {
  if (!t) return null;
  const [y, m] = t.date.split('-');
  return t.precision === 'year' || !m ? (y ?? null) : `${MONTHS[Number(m) - 1]} ${y}`;
}

/** Offices held (P39), the ones held at the date first, then the latest. */
export function officesAt(entity: WikidataEntity, date: string | null, labels: Map<string, string>): Office[] {
  const offices = (entity.claims.P39 ?? []).flatMap((st) => {
    if (typeof st.value !== 'string') return [];
    const start = qualifierTime(st, 'P580');
    const end = qualifierTime(st, 'P582');
    const atDate = !!date && heldAt(st, date);
    return [{ title: labels.get(st.value) ?? st.value, start: formatTime(start), end: formatTime(end), atDate, sortKey: start?.date ?? '' }];
  });
  offices.sort((a, b) => Number(b.atDate) - Number(a.atDate) || (b.sortKey < a.sortKey ? -1 : b.sortKey > a.sortKey ? 1 : 0));
  return offices.map(({ sortKey: _sortKey, ...office }) => office);
}

function yearsBetween(from: string, to: string): number | null {
  const a = /^(\d{4})(?:-(\d\d))?(?:-(\d\d))?/.exec(from);
  const b = /^(\d{4})(?:-(\d\d))?(?:-(\d\d))?/.exec(to);
  if (!a || !b) return null;
  let years = Number(b[1]) - Number(a[1]);
  const md = (m: RegExpExecArray) => Number(m[2] ?? 1) * 100 + Number(m[3] ?? 1);
  if (md(b) < md(a)) years--;
  return years;
}

const labelsOf = (ids: string[], labels: Map<string, string>) => ids.map((id) => labels.get(id)).filter((l): l is string => !!l);

/** Facts as of the article's date: age and nationality; founded, country, dissolved; place type and country. */
export function factsAt(entity: WikidataEntity, type: EntityType, date: string | null, labels: Map<string, string>): string[] {
  const facts: string[] = [];
  const list = (ids: string[]) => labelsOf(ids, labels).join(', ');
  if (type === 'PER') {
    const born = timeValue(entity, 'P569');
    const died = timeValue(entity, 'P570');
    const age = born && date ? yearsBetween(born.date, date) : null;
    if (age !== null && age >= 0 && (!died || compareDates(date as string, died.date) <= 0)) facts.push(`Aged ${age} at the time`);
    if (died) facts.push(`Died ${formatTime(died)}${date && compareDates(died.date, date) < 0 ? ', before this article' : ''}`);
    const nationality = list(itemValues(entity, 'P27'));
    if (nationality) facts.push(`Citizenship: ${nationality}`);
  } else {
    const kind = list(itemValues(entity, 'P31').slice(0, 2));
    if (kind) facts.push(kind.charAt(0).toUpperCase() + kind.slice(1));
    const country = list(itemValues(entity, 'P17'));
    if (country && !itemValues(entity, 'P17').includes(entity.id)) facts.push(`Country: ${country}`);
    const founded = timeValue(entity, 'P571');
    if (founded && type === 'ORG') facts.push(`Founded ${formatTime(founded)}`);
    const owner = list(itemValues(entity, 'P127'));
    if (owner && type === 'ORG') facts.push(`Owner: ${owner}`);
    const language = list(itemValues(entity, 'P407'));
    if (language && type === 'ORG') facts.push(`Language: ${language}`);
    const ended = timeValue(entity, 'P576');
    if (ended)
      facts.push(
        `${type === 'ORG' ? 'Dissolved' : 'Ceased to exist'} ${formatTime(ended)}${date && compareDates(date, ended.date) < 0 ? ', after this article' : ''}`,
      );
  }
  return facts;
}

export function buildNote(
  entity: WikidataEntity,
  type: EntityType,
  page: WikipediaPage | null,
  date: string | null,
  labels: Map<string, string>,
  wikipediaBase: string,
): BackgroundNote {
  const usable = page && !page.disambiguation && !page.missing ? page : null;
  const summary = firstSentences(usable?.extract ?? null);
  return {
    qid: entity.id,
    label: entity.label ?? entity.id,
    description: entity.description,
    summary,
    thumbnail: usable?.thumbnail ?? null,
    wikipediaUrl: entity.enwikiTitle ? `${wikipediaBase}/wiki/${encodeURIComponent(entity.enwikiTitle.replace(/ /g, '_'))}` : null,
    wikidataUrl: `https://www.wikidata.org/wiki/${entity.id}`,
    attribution: summary ? 'Text from Wikipedia, CC BY-SA 4.0' : null,
    facts: factsAt(entity, type, date, labels),
    offices: type === 'PER' ? officesAt(entity, date, labels) : [],
  };
}

/** The ids a note needs labels for: offices, citizenship, classes, countries. */
export function referencedIds(entity: WikidataEntity): string[] {
  return [...new Set(['P39', 'P27', 'P31', 'P17', 'P127', 'P407'].flatMap((p) => itemValues(entity, p)))];
}

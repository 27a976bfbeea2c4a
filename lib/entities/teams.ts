import type { Entity } from '../analyze/types';

// A match score between two sides: "1 – 0", "3-0", "2—1"; not a date ("19-11-2014") or a time ("10-12:30").
const SCORE = String.raw`(?<![\d./:-])\d{1,2}\s*[–—-]\s*\d{1,2}(?![\d./:-])`;
const SCORES = new RegExp(SCORE, 'gu');
const SCORE_AFTER = new RegExp(String.raw`^\s+(?:\w+\s+)?${SCORE}\b`, 'u');
const SCORE_BEFORE = new RegExp(String.raw`${SCORE}\s+(?:to\s+|against\s+)?$`, 'u');
const PLAYED_AFTER = /^\s+(?:defeated|beat|beats|drew|draw|lost|loses|won|wins|faced|faces|edged|thrashed|eliminated|knocked)\b/;
const PLAYED_BEFORE = /\b(?:defeated|beat|beats|faced|faces|against|versus|vs\.?|edged|thrashed|eliminated|put|for)\s+(?:debutants\s+)?$/;

function around(text: string, start: number, end: number): { before: string; after: string } {
  return { before: text.slice(Math.max(0, start - 30), start), after: text.slice(end, end + 30) };
}

/**
 * A country or city named as a side in a match report ("Sweden defeated South Korea 1 – 0", "Group F — Sweden 1 – 0
 * Korea Republic") stands for its team, an organisation. Only in a text that reads as a match report (places next to
 * scores) do match verbs count, so "Sweden defeated the motion" elsewhere stays a place.
 */
export function placesAsTeams(text: string, entities: Entity[]): Entity[] {
  const places = entities.filter((e) => e.type === 'LOC');
  const scored = places.filter((e) =>
    e.mentions.some((m) => {
      const { before, after } = around(text, m.start, m.end);
      return SCORE_AFTER.test(after) || SCORE_BEFORE.test(before);
    }),
  );
  // (A long article that cites a result or two, "Rugby World Cup final: New Zealand 8-7 France", is no match report: its
  // places stay places. A report has a score every few paragraphs.)
  if (scored.length < 2 || (text.match(SCORES)?.length ?? 0) * 2000 < text.length) return entities;
  const teams = new Set(scored);
  for (const e of places) {
    const sides = e.mentions.filter((m) => {
      const { before, after } = around(text, m.start, m.end);
      return PLAYED_AFTER.test(after) || PLAYED_BEFORE.test(before);
    });
    if (sides.length > 0) teams.add(e);
  }
  return entities.map((e) => (teams.has(e) ? { ...e, type: 'ORG' } : e));
}

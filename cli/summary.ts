import type { AnalysisResult, EntityType } from '../lib/analyze';
import type { LinkResult } from '../lib/knowledge';

function noteLines(result: LinkResult | undefined): string[] {
  if (!result) return [];
  if (result.status === 'failed') return [`      [look-up failed: ${result.message}]`];
  if (result.status !== 'linked') return [`      no confident match (search: ${result.searchUrl})`];
  const n = result.note;
  const offices = n.offices
    .slice(0, 2)
    .map((o) => `${o.title}, ${[o.start, o.end].filter(Boolean).join(' – ')}${o.atDate ? '; in office at the time' : ''}`);
  return [
    `      ${[n.description, ...n.facts, ...offices].filter(Boolean).join('; ')}`,
    ...(n.incomplete ? [`      [incomplete: ${n.incomplete}]`] : []),
    `      ${n.wikipediaUrl ?? n.wikidataUrl}`,
  ];
}

const TYPE_NAMES: Record<EntityType, string> = { PER: 'People', ORG: 'Organisations', LOC: 'Places', MISC: 'Other' };

/** A readable summary of an analysis for the terminal. */
export function formatSummary(result: AnalysisResult, notes?: Map<string, LinkResult>): string {
  const lines: string[] = [];
  const a = result.article;
  if (!result.isArticle) {
    lines.push(`Not a news article (${result.reason}).`);
    return `${lines.join('\n')}\n`;
  }
  if (a) {
    lines.push(a.title ?? '(untitled)');
    const meta = [a.siteName, a.byline && `by ${a.byline}`, a.published && `published ${a.published}`, a.lang].filter(Boolean);
    if (meta.length) lines.push(meta.join(' · '));
    if (a.canonicalUrl) lines.push(a.canonicalUrl);
    lines.push(`${a.text.split(/\s+/).filter(Boolean).length} words`, '');
    if (a.limited)
      lines.push(
        `Only the first ${a.limited.paragraphs.toLocaleString('en')} paragraphs (${a.limited.chars.toLocaleString('en')} characters) were analysed: the analysis stops there.`,
        '',
      );
  }
  if (result.nlp.notice) lines.push(result.nlp.notice, '');
  for (const type of Object.keys(TYPE_NAMES) as EntityType[]) {
    const group = result.entities.filter((e) => e.type === type);
    if (!group.length) continue;
    lines.push(`${TYPE_NAMES[type]}:`);
    for (const e of group) {
      lines.push(`  ${e.name}${e.variants.length > 1 ? ` (also ${e.variants.slice(1).join(', ')})` : ''} ×${e.mentions.length}`);
      lines.push(...noteLines(notes?.get(e.id)));
    }
  }
  if (result.quotes.length) {
    lines.push('', 'Quotes:');
    for (const q of result.quotes)
      lines.push(`  ${q.speaker ?? 'unattributed'}${q.speakerText && q.speakerText !== q.speaker ? ` (“${q.speakerText}”)` : ''}: ${q.text}`);
  }
  if (a?.relatedLinks.length) {
    lines.push('', 'Earlier coverage linked from the article:');
    for (const l of a.relatedLinks) lines.push(`  ${l.label}: ${l.text} <${l.href}>`);
  }
  return `${lines.join('\n')}\n`;
}

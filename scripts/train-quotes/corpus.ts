// The training documents: LitBank's fiction (committed here, CC BY 4.0) and, when the shared evaluation data is on this
// machine, the `web-news` dev documents of ../shared/eval (their page text is for measurement only, so it is read from
// there and never copied into the repository).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { nlpLanguage } from '../../lib/analyze/language';
import type { Entity } from '../../lib/analyze/types';
import { findEntities } from '../../lib/entities';
import { detectLanguage } from '../../lib/extract';
import { analyse, type QuoteAnalysis } from '../../lib/quotes/analysis';
import { speechLexicon } from '../../lib/quotes/lexicon';

export interface GoldQuote {
  start: number;
  end: number;
  /** web news: the speaker's names (null: unnamed source); LitBank: the speaker entity's proper names */
  names: string[] | null;
  /** web news: the description of an unnamed source ("a US official") */
  description: string | null;
  /** LitBank: the spans of every mention of the speaker, and its id */
  speakerMentions: [number, number][] | null;
  speakerId: string | null;
}

export interface Doc {
  id: string;
  source: 'litbank' | 'web-news' | 'gum' | 'conventions';
  genre: string;
  text: string;
  published: string | null;
  quotes: GoldQuote[];
  /** web news and GUM: whether quotes were annotated at all */
  annotated: boolean;
  entities: Entity[];
  an: QuoteAnalysis;
}

const ROOT = new URL('../../', import.meta.url);
export const LITBANK = new URL('scripts/train-quotes/data/litbank/quotes.jsonl.gz', ROOT);
export const CONVENTIONS = new URL('scripts/train-quotes/data/conventions.txt', ROOT);

function prepare(d: Omit<Doc, 'entities' | 'an'>): Doc {
  // A made-up snippet in another supported language is read with that language's names and speech words, as the
  // extension reads it (the other sources are English).
  const language = d.source === 'conventions' ? nlpLanguage(detectLanguage(d.text)) : 'en';
  const { entities } = findEntities(d.text, language);
  return { ...d, entities, an: analyse(d.text, entities, speechLexicon(language)) };
}

export function loadLitbank(): Doc[] {
  const lines = gunzipSync(readFileSync(LITBANK)).toString('utf8').trim().split('\n');
  return lines.map((line) => {
    const d = JSON.parse(line);
    return prepare({
      id: `litbank:${d.id}`,
      source: 'litbank',
      genre: 'litbank',
      text: d.text,
      published: null,
      annotated: true,
      quotes: d.quotes.map((q: Record<string, unknown>) => ({
        start: q.start,
        end: q.end,
        names: q.speaker_names,
        description: q.speaker_text,
        speakerMentions: (d.speakers[q.speaker_id as string]?.mentions ?? []).map((m: [number, number, string]) => [m[0], m[1]]),
        speakerId: q.speaker_id,
      })),
    });
  });
}

/** The made-up snippets of data/conventions.txt: ⟦passage⟧⟨speaker, "=description" or "-" for no one's speech⟩. */
export function loadConventions(): Doc[] {
  const source = readFileSync(CONVENTIONS, 'utf8')
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .join('\n');
  return source
    .split(/^---$/m)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block, n) => {
      let text = '';
      const quotes: GoldQuote[] = [];
      const marked = /⟦([^⟧]*)⟧⟨([^⟩]*)⟩/g;
      let at = 0;
      for (let m = marked.exec(block); m; m = marked.exec(block)) {
        text += block.slice(at, m.index);
        const start = text.length;
        text += m[1];
        at = m.index + m[0].length;
        const who = m[2] as string;
        if (who === '-') continue;
        const unnamed = who.startsWith('=');
        quotes.push({
          start,
          end: text.length,
          names: unnamed ? null : [who],
          description: unnamed ? who.slice(1) : null,
          speakerMentions: null,
          speakerId: null,
        });
      }
      text += block.slice(at);
      return prepare({ id: `conventions:${n}`, source: 'conventions', genre: 'conventions', text, published: null, annotated: true, quotes });
    });
}

/** Where ../shared/eval's data is: BACKSTORY_EVAL_DATA, else beside the repository, else at /work/shared. */
export function defaultEvalData(): string | null {
  const candidates = [process.env.BACKSTORY_EVAL_DATA, fileURLToPath(new URL('../shared/eval/data', ROOT)), '/work/shared/eval/data'];
  return candidates.find((dir): dir is string => !!dir && existsSync(join(dir, 'nlp.jsonl'))) ?? null;
}

/** The eval's plain-text documents: `web-news` for training and measuring, the rest (GUM …) only for measuring. */
export function loadEvalDocs(dir: string): { docs: Doc[]; raw: Record<string, unknown>[] } {
  const raw = readFileSync(join(dir, 'nlp.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const docs = raw
    .filter((d) => d.genre === 'web-news' || d.genre === 'news' || d.genre === 'interview')
    .map((d) =>
      prepare({
        id: d.id as string,
        source: d.genre === 'web-news' ? 'web-news' : 'gum',
        genre: d.genre as string,
        text: d.text as string,
        published: (d.published as string | null) ?? null,
        annotated: d.quotes_annotated !== false,
        quotes: ((d.quotes as Record<string, unknown>[]) ?? []).map((q) => ({
          start: q.start as number,
          end: q.end as number,
          names: (q.speaker_names as string[] | null) ?? null,
          description: (q.speaker_text as string | null) ?? null,
          speakerMentions: null,
          speakerId: null,
        })),
      }),
    );
  return { docs, raw };
}

/** Document-level folds, fixed by a hash of the id so that they never move between runs or machines. */
export function foldOf(id: string, folds: number, salt = ''): number {
  id = salt + id;
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619) >>> 0;
  return h % folds;
}

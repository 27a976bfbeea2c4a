// The training table's record, shared by features.ts (which writes it) and train.ts (which reads it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export const TABLE_PATH = join(process.cwd(), 'scripts/train-extract/data/blocks.jsonl.gz');
/** The fold of sites the shipped model never sees: its test's held-out slice. */
export const HELD_OUT = 0;
export const FOLDS = 5;

export interface PageRecord {
  id: string;
  dataset: string;
  /** hash of the site: pages of one site are in one fold */
  group: number;
  /** tokens of the gold text (scrapinghub, readability), null where the gold is snippets */
  goldTokens: number | null;
  dense: number[][];
  hashed: number[][];
  /** 1 article text, 0 not, null unknown */
  labels: (0 | 1 | null)[];
  /** tokens per block */
  tokens: number[];
  /**
   * Pages with gold text: each block's words as page-local numbers (1 for the page's first distinct word, and so on),
   * and how often the gold text has each number, so the eval's bag-of-words F1 is computed exactly, without the text.
   */
  words?: number[][];
  goldCounts?: number[];
  /** per snippet, the blocks it spans ([] when the page's text lacks it) */
  withs: number[][];
  withouts: number[][];
}

/** Word tokens as the eval's scorer counts them: runs of letters, marks and digits; each CJK character on its own. */
const TOKEN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{M}\p{N}]+/gu;
export const tokens = (s: string): string[] => s.toLowerCase().match(TOKEN) ?? [];

export function readTable(): PageRecord[] {
  return gunzipSync(readFileSync(TABLE_PATH))
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as PageRecord);
}

export interface Figures {
  textF1: number | null;
  pages: number;
  snippets: number | null;
  withFound: number | null;
  withoutAbsent: number | null;
}

/** Per dataset: mean token F1 over pages with gold text, and snippet accuracy, as the eval's scorer computes them. */
export function figures(pages: PageRecord[], selected: Map<string, boolean[]>): Record<string, Figures> {
  const out: Record<string, Figures> = {};
  for (const dataset of [...new Set(pages.map((p) => p.dataset))].sort()) {
    const f1s: number[] = [];
    let found = 0;
    let withs = 0;
    let absent = 0;
    let withouts = 0;
    for (const page of pages.filter((p) => p.dataset === dataset)) {
      const keep = selected.get(page.id) as boolean[];
      if (page.goldTokens !== null && page.words && page.goldCounts) {
        // The eval's bag-of-words F1: multiset overlap of the kept blocks' words with the gold's.
        const left = [...page.goldCounts];
        let tokens = 0;
        let matched = 0;
        keep.forEach((k, i) => {
          if (!k) return;
          for (const w of page.words?.[i] ?? []) {
            tokens++;
            if ((left[w] ?? 0) > 0) {
              left[w] = (left[w] as number) - 1;
              matched++;
            }
          }
        });
        f1s.push(tokens && page.goldTokens ? (2 * matched) / (tokens + page.goldTokens) : tokens === page.goldTokens ? 1 : 0);
      }
      for (const span of page.withs) {
        withs++;
        if (span.length && span.every((i) => keep[i])) found++;
      }
      for (const span of page.withouts) {
        withouts++;
        if (!span.length || span.some((i) => !keep[i])) absent++;
      }
    }
    const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
    out[dataset] = {
      textF1: mean(f1s),
      pages: f1s.length,
      snippets: withs + withouts ? (found + absent) / (withs + withouts) : null,
      withFound: withs ? found / withs : null,
      withoutAbsent: withouts ? absent / withouts : null,
    };
  }
  return out;
}

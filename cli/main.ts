import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseHTML } from 'linkedom';
import { readGateSignals } from '../adapters/gate-signals';
import { buildPageTree } from '../adapters/page-tree';
import { type AnalysisResult, analyzePage, analyzeText, emptyArticle, toResult } from '../lib/analyze';
import { DEFAULT_WIKIMEDIA, type LinkResult, WikimediaProvider } from '../lib/knowledge';
import { formatSummary } from './summary';

const USAGE = `Usage:
  backstory analyze FILE.html [--url URL] [--json]   analyse a saved page
    --fetched ISO-DATE                               when it was saved, to read its relative dates ("2 hours ago")
  backstory analyze --text FILE.txt [--json]         analyse plain text (offsets index the text)
    --link [--wikimedia-base URL]                    also look the names up on Wikidata/Wikipedia (or a server
                                                     answering their APIs at URL) and print background notes
  backstory analyze --batch                          JSON lines in ({"id","html"?,"url"?,"fetched"?,"text"?,"published"?}), JSON lines out`;

/**
 * linkedom takes the first element for the root when a page opens without <html> (a <head>, a stray <meta>, a PHP
 * warning's <br>), where a browser would build html, head and body around it: give it that frame.
 */
export function parseDocument(html: string): Document {
  const { document } = parseHTML(html);
  if (document.documentElement?.tagName === 'HTML') return document as unknown as Document;
  const inner = html.replace(/^\s*<!doctype[^>]*>/i, '').replace(/<\/?(html|head|body)\b[^>]*>/gi, '');
  return parseHTML(`<!DOCTYPE html><html><head></head><body>${inner}</body></html>`).document as unknown as Document;
}

/** `fetchedAt`: when the page was saved (ms), so its relative dates ("2 hours ago") can be read; unknown by default. */
export function analyzeHtml(html: string, url: string, fetchedAt?: number): AnalysisResult {
  const document = parseDocument(html);
  const { doc } = buildPageTree(document, url);
  if (fetchedAt !== undefined && Number.isFinite(fetchedAt)) doc.fetchedAt = fetchedAt;
  return toResult(analyzePage(doc, readGateSignals(document, url), { alwaysExtract: true }));
}

export function analyzePlainText(text: string, published: string | null = null): AnalysisResult {
  const analysis = analyzeText(text);
  return { isArticle: true, reason: 'plain text', article: { ...emptyArticle(text, published), lang: analysis.nlp.language }, ...analysis };
}

interface BatchItem {
  id?: unknown;
  html?: unknown;
  url?: unknown;
  text?: unknown;
  published?: unknown;
  /** when the page was fetched (ISO date-time) */
  fetched?: unknown;
}

export function analyzeBatchLine(line: string): Record<string, unknown> {
  let id: unknown = null;
  try {
    const item = JSON.parse(line) as BatchItem;
    id = item.id ?? null;
    if (typeof item.text === 'string') return { id, ...analyzePlainText(item.text, typeof item.published === 'string' ? item.published : null) };
    if (typeof item.html === 'string') {
      const fetchedAt = typeof item.fetched === 'string' ? Date.parse(item.fetched) : undefined;
      return { id, ...analyzeHtml(item.html, typeof item.url === 'string' ? item.url : 'http://localhost/', fetchedAt) };
    }
    return { id, error: 'each line needs "html" or "text"' };
  } catch (error) {
    return { id, error: error instanceof Error ? error.message : String(error) };
  }
}

const USER_AGENT = 'Backstory/0.1 (news context browser extension; command line)';

/** Looks the analysis's names up (names only, never the text) and returns each entity's background note or no-match. */
async function linkNames(result: AnalysisResult, base: string | undefined): Promise<Map<string, LinkResult>> {
  const fetchJson = async (url: string) => {
    const response = await fetch(url, { headers: { 'Api-User-Agent': USER_AGENT }, signal: AbortSignal.timeout(15_000) });
    if (!response.ok) throw new Error(`${new URL(url).host} answered HTTP ${response.status}`);
    return response.json();
  };
  const provider = new WikimediaProvider(fetchJson, base ? { wikidataBase: base, wikipediaBase: base } : DEFAULT_WIKIMEDIA);
  const names = result.entities
    .filter((e) => e.type !== 'MISC')
    .map((e) => ({ id: e.id, name: e.name, type: e.type, dateline: e.mentions[0]?.start === 0 }));
  return provider.link(names, result.article?.published ?? null);
}

async function runBatch(): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (!line.trim()) continue;
    process.stdout.write(`${JSON.stringify(analyzeBatchLine(line))}\n`);
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== 'analyze') {
    process.stderr.write(`${USAGE}\n`);
    return command === '--help' || command === '-h' ? 0 : 2;
  }
  const flag = (name: string) => rest.includes(name);
  const value = (name: string) => {
    const i = rest.indexOf(name);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  if (flag('--batch')) {
    await runBatch();
    return 0;
  }
  const textFile = value('--text');
  const file = textFile ?? rest.find((a, i) => !a.startsWith('--') && rest[i - 1] !== '--url');
  if (!file) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let input: string;
  try {
    input = readFileSync(file, 'utf8');
  } catch (error) {
    process.stderr.write(`backstory: cannot read ${file}: ${(error as Error).message}\n`);
    return 1;
  }
  const result = textFile
    ? analyzePlainText(input)
    : analyzeHtml(input, value('--url') ?? `file://${file}`, value('--fetched') ? Date.parse(value('--fetched') as string) : undefined);
  const notes = flag('--link') ? await linkNames(result, value('--wikimedia-base')) : undefined;
  process.stdout.write(
    flag('--json') ? `${JSON.stringify(notes ? { ...result, notes: Object.fromEntries(notes) } : result, null, 2)}\n` : formatSummary(result, notes),
  );
  return 0;
}

import { once } from 'node:events';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';
import { readGateSignals } from '../adapters/gate-signals';
import { failureMessage, httpGet, sleep } from '../adapters/http';
import { buildPageTree } from '../adapters/page-tree';
import { type AnalysisResult, analyzePage, analyzeText, emptyArticle, limitText, toResult } from '../lib/analyze';
import { articleContext, DEFAULT_WIKIMEDIA, type LinkResult, rateLimited, WikimediaProvider } from '../lib/knowledge';
import { type Command, parseArgs, UsageError } from './args';
import { boundHtml, type InputCut, MAX_LINE_BYTES, readFileBounded, readLines } from './input';
import { formatSummary } from './summary';
import { forTerminal } from './terminal';

const USAGE = `Usage:
  backstory analyze FILE.html [--url URL] [--json]   analyse a saved page (FILE is relative to this folder)
    --fetched ISO-DATE                               when it was saved, to read its relative dates ("2 hours ago")
  backstory analyze --text FILE.txt [--json]         analyse plain text (offsets index the text)
    --link [--wikimedia-base URL]                    also look the names up on Wikidata/Wikipedia (or a server
                                                     answering their APIs at URL) and print background notes;
                                                     exits with 3 when some look-ups failed (they are marked)
    --published YYYY-MM-DD                           the article's date, where the file gives none (or a wrong one)
  backstory analyze --batch                          JSON lines in ({"id","html"?,"url"?,"fetched"?,"text"?,"published"?}), JSON lines out
Pages are read up to 16 MB and parsed up to 4 MB; the analysis covers the first 2,000 paragraphs and 200,000
characters. What is left out is said (in JSON: "input" and "article.limited").`;

/** Exit status when the analysis was printed but some look-ups failed. */
export const EXIT_LOOKUPS_FAILED = 3;

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

/** An analysis, and the input it did not read (a file's tail, a page's HTML past the parsing limit), when any. */
type CliResult = AnalysisResult & { input?: InputCut[] };

/** `fetchedAt`: when the page was saved (ms), so its relative dates ("2 hours ago") can be read; unknown by default. */
export function analyzeHtml(html: string, url: string, fetchedAt?: number): CliResult {
  const bounded = boundHtml(html);
  const document = parseDocument(bounded.html);
  const { doc } = buildPageTree(document, url);
  if (fetchedAt !== undefined && Number.isFinite(fetchedAt)) doc.fetchedAt = fetchedAt;
  const result = toResult(analyzePage(doc, readGateSignals(document, url), { alwaysExtract: true }));
  return bounded.cut ? { ...result, input: [bounded.cut] } : result;
}

export function analyzePlainText(text: string, published: string | null = null): AnalysisResult {
  const { text: analysed, limited } = limitText(text);
  const analysis = analyzeText(analysed);
  const article = { ...emptyArticle(analysed, published), lang: analysis.nlp.language, ...(limited ? { limited } : {}) };
  return { isArticle: true, reason: 'plain text', article, ...analysis };
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

/**
 * Looks the analysis's names up (names only, never the text) and returns each entity's note, no match, or failure:
 * one failing look-up never costs the others their notes. Requests go through the extension's HTTP layer (size cap,
 * same-host redirects only, Retry-After honoured).
 */
async function linkNames(result: AnalysisResult, base: string | null): Promise<Map<string, LinkResult>> {
  const fetchJson = rateLimited((url) => httpGet(url, 'json', { headers: { 'Api-User-Agent': USER_AGENT }, timeoutMs: 15_000 }), {
    minIntervalMs: 50,
    backoffMs: 1000,
    maxBackoffMs: 30_000,
    sleep,
  });
  const provider = new WikimediaProvider(fetchJson, base ? { wikidataBase: base, wikipediaBase: base } : DEFAULT_WIKIMEDIA);
  const names = result.entities
    .filter((e) => e.type !== 'MISC')
    .map((e) => ({ id: e.id, name: e.name, type: e.type, dateline: e.mentions[0]?.start === 0 }));
  try {
    return await provider.link(names, result.article?.published ?? null, articleContext(result));
  } catch (error) {
    const failed: LinkResult = { status: 'failed', message: failureMessage(error) };
    return new Map(names.map((n) => [n.id, failed]));
  }
}

/** Writes, waiting while the reader of the output is behind (so output is not piled up in memory either). */
async function write(text: string): Promise<void> {
  if (!process.stdout.write(text)) await once(process.stdout, 'drain');
}

async function runBatch(): Promise<void> {
  for await (const item of readLines(process.stdin)) {
    if ('tooLong' in item) {
      const id = /"id"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?)/.exec(item.head)?.[1];
      const error = `a line of ${(item.tooLong / 1048576).toFixed(1)} MB is over the ${mb(MAX_LINE_BYTES)} a line may have: skipped`;
      await write(`${JSON.stringify({ id: id ? JSON.parse(id) : null, error })}\n`);
      continue;
    }
    if (!item.line.trim()) continue;
    await write(`${JSON.stringify(analyzeBatchLine(item.line))}\n`);
  }
}

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(bytes < 10 * 1048576 ? 1 : 0)} MB`;

/** What the output says about input left unread: the file's or the page's tail. */
function inputNotice(cut: InputCut): string {
  return cut.what === 'file'
    ? `Only the first ${mb(cut.used)} of this ${mb(cut.total)} file were read.`
    : `Only the first ${mb(cut.used)} of this page's ${mb(cut.total)} of HTML (scripts and styles left out) were parsed.`;
}

async function runFile(command: Extract<Command, { kind: 'file' }>): Promise<number> {
  const path = resolve(process.cwd(), command.file);
  let input: { text: string; cut: InputCut | null };
  try {
    input = readFileBounded(path);
  } catch (error) {
    process.stderr.write(forTerminal(`backstory: cannot read ${command.file}: ${(error as Error).message}\n`));
    return 1;
  }
  const result: CliResult = command.text
    ? analyzePlainText(input.text, command.published)
    : analyzeHtml(input.text, command.url ?? pathToFileURL(path).href, command.fetched ?? undefined);
  if (command.published && result.article) result.article = { ...result.article, published: command.published };
  const cuts = [...(input.cut ? [input.cut] : []), ...(result.input ?? [])];
  const withInput = cuts.length ? { ...result, input: cuts } : result;
  const notes = command.link ? await linkNames(result, command.wikimediaBase) : undefined;
  const failed = notes ? [...notes.values()].filter((n) => n.status === 'failed').length : 0;
  if (command.json) await write(`${JSON.stringify(notes ? { ...withInput, notes: Object.fromEntries(notes) } : withInput, null, 2)}\n`);
  else {
    await write(forTerminal(`${cuts.map((cut) => `${inputNotice(cut)}\n`).join('')}${formatSummary(result, notes)}`));
  }
  if (failed) process.stderr.write(`backstory: ${failed} of ${notes?.size ?? 0} look-ups failed; they are marked above.\n`);
  return failed ? EXIT_LOOKUPS_FAILED : 0;
}

export async function main(argv: string[]): Promise<number> {
  let command: Command;
  try {
    command = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(forTerminal(`backstory: ${error.message}\n\n${USAGE}\n`));
    return 2;
  }
  if (command.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command.kind === 'batch') {
    await runBatch();
    return 0;
  }
  return runFile(command);
}

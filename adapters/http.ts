import { t } from '../components/i18n';
import { RetryableError, ServerAskedToWait } from '../lib/knowledge';

const TIMEOUT_MS = 10_000;
/** No answer Backstory asks for comes near this: a server sending more is broken or hostile, and is cut off. */
export const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;
/** A server's Retry-After is honoured up to this long. */
const MAX_RETRY_AFTER_MS = 60 * 60_000;
const MAX_REDIRECTS = 3;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface GetOptions {
  headers?: Record<string, string>;
  timeoutMs?: number;
  maxBytes?: number;
}

/** Retry-After in milliseconds, from seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const ms = /^\s*\d+\s*$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now;
  return Number.isFinite(ms) ? Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms)) : null;
}

/** A request that reached no server (no connection, the name not found, the connection refused): not the server's fault. */
export class UnreachableError extends Error {
  constructor(host: string) {
    super(t('serviceUnreachable', host));
    this.name = 'UnreachableError';
  }
}

/** Whether a failure's message says no server could be reached (it may have crossed a message boundary as text). */
export function isUnreachable(message: string): boolean {
  // (The text around the host, read through a stand-in host; not NUL, which Chrome's i18n cuts a string at.)
  const [before = '', after = ''] = t('serviceUnreachable', '\ue000').split('\ue000');
  return message.length > before.length + after.length && message.startsWith(before) && message.endsWith(after);
}

/** The body, read in chunks and cut off past `maxBytes`. */
async function readCapped(response: Response, host: string, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) throw new Error(t('serviceTooLarge', host, Math.round(maxBytes / 1048576)));
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new Error(t('serviceTooLarge', host, Math.round(maxBytes / 1048576)));
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/**
 * GET without cookies or referrer, with a time limit, so a hanging server becomes an error the reader can retry. 429 and
 * 5xx are worth backing off from (for as long as Retry-After says); anything else that is not 2xx, a body that does not
 * parse, or one larger than `maxBytes`, is an error. Redirects are followed on the same host only: the headers that
 * identify Backstory never go to another (a browser's extension cannot see where a redirect leads, so it follows none).
 */
export async function httpGet(url: string, format: 'json' | 'text', options: GetOptions = {}): Promise<unknown> {
  const { bytes, host } = await httpGetBytes(url, options);
  const body = new TextDecoder().decode(bytes);
  if (format === 'text') return body;
  try {
    return JSON.parse(body);
  } catch {
    throw new Error(t('serviceNotJson', host));
  }
}

/** As httpGet, the body as bytes with its declared type (a picture). */
export async function httpGetBytes(url: string, options: GetOptions = {}): Promise<{ bytes: Uint8Array; type: string; host: string }> {
  const { headers = {}, timeoutMs = TIMEOUT_MS, maxBytes = MAX_RESPONSE_BYTES } = options;
  const signal = AbortSignal.timeout(timeoutMs);
  let current = new URL(url);
  let response: Response;
  for (let redirects = 0; ; redirects++) {
    try {
      response = await fetch(current, { credentials: 'omit', referrerPolicy: 'no-referrer', headers, redirect: 'manual', signal });
    } catch (error) {
      // fetch rejects with a TypeError when no server answered at all; a time-out or an abort is an error of its own.
      if (error instanceof TypeError) throw new UnreachableError(current.host);
      throw error;
    }
    const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
    if (response.type === 'opaqueredirect' || (location === null && response.status >= 300 && response.status < 400))
      throw new Error(t('serviceRedirected', current.host));
    if (location === null) break;
    const next = new URL(location, current);
    if (next.host !== current.host || next.protocol !== current.protocol || redirects >= MAX_REDIRECTS)
      throw new Error(t('serviceRedirectedTo', current.host, next.host));
    current = next;
  }
  const host = current.host;
  if (response.status === 429 || response.status >= 500)
    throw new RetryableError(t('serviceAnswered', host, String(response.status)), response.status, retryAfterMs(response.headers.get('retry-after')));
  if (!response.ok) throw new Error(t('serviceAnswered', host, String(response.status)));
  const bytes = await readCapped(response, host, maxBytes);
  return { bytes, type: (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '', host };
}

/** A failure as the reader reads it (the messages above are written in the reader's language, locales/*.json). */
export function failureMessage(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return t('serviceTimeout');
  if (error instanceof ServerAskedToWait) return t('serviceAskedToWait', String(error.waitSeconds));
  return error instanceof Error ? error.message : String(error);
}

export const isOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

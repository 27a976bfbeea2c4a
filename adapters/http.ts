import { RetryableError } from '../lib/knowledge';

const TIMEOUT_MS = 10_000;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * GET without cookies or referrer, with a time limit, so a hanging server becomes an error the reader can retry. 429 and
 * 5xx are worth backing off from; anything else that is not 2xx, or a body that does not parse, is an error.
 */
export async function httpGet(url: string, format: 'json' | 'text', headers: Record<string, string> = {}, timeoutMs = TIMEOUT_MS): Promise<unknown> {
  const host = new URL(url).host;
  const response = await fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer', headers, signal: AbortSignal.timeout(timeoutMs) });
  if (response.status === 429 || response.status >= 500) throw new RetryableError(`${host} answered ${response.status}`, response.status);
  if (!response.ok) throw new Error(`${host} answered ${response.status}`);
  if (format === 'text') return response.text();
  try {
    return await response.json();
  } catch {
    throw new Error(`${host} sent something that is not JSON`);
  }
}

export function failureMessage(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'The server did not answer in time.';
  return error instanceof Error ? error.message : String(error);
}

export const isOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

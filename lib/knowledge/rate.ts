import type { FetchJson } from './provider';

/** An HTTP failure worth waiting out (429 or 5xx), for as long as the server said (Retry-After), when it did. */
export class RetryableError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

/** A request refused before it was sent, because the server asked for a pause that has not ended (`waitSeconds`). */
export class ServerAskedToWait extends RetryableError {
  constructor(readonly waitSeconds: number) {
    super(`The server asked to wait ${waitSeconds} s before more requests.`, 429, waitSeconds * 1000);
  }
}

export interface RateOptions {
  minIntervalMs: number;
  /** first wait after a 429 or 5xx; doubles with each failure in a row, up to maxBackoffMs */
  backoffMs: number;
  maxBackoffMs: number;
  now?: () => number;
  /** waits; given by the caller, as lib/ has no timers of its own */
  sleep: (ms: number) => Promise<void>;
}

/**
 * One request at a time, spaced out, and backing off after the server says it is overloaded. A server that said when
 * to come back (Retry-After) is not asked before then: requests fail at once, saying so, rather than wait that long.
 */
export function rateLimited(fetchJson: FetchJson, options: RateOptions): FetchJson {
  const now = options.now ?? Date.now;
  const { sleep } = options;
  let queue: Promise<unknown> = Promise.resolve();
  let nextAt = 0;
  let failures = 0;
  let closedUntil = 0;
  return (url) => {
    const run = async () => {
      const closed = closedUntil - now();
      if (closed > 0) throw new ServerAskedToWait(Math.ceil(closed / 1000));
      const wait = nextAt - now();
      if (wait > 0) await sleep(wait);
      try {
        const value = await fetchJson(url);
        failures = 0;
        nextAt = now() + options.minIntervalMs;
        return value;
      } catch (error) {
        if (error instanceof RetryableError) {
          failures++;
          nextAt = now() + Math.min(options.maxBackoffMs, options.backoffMs * 2 ** (failures - 1));
          if (error.retryAfterMs !== null) closedUntil = now() + error.retryAfterMs;
        } else nextAt = now() + options.minIntervalMs;
        throw error;
      }
    };
    const result = queue.then(run, run);
    queue = result.catch(() => undefined);
    return result;
  };
}

/** A failure that says the server is unreachable or overloaded: asking it for the next name would fail the same way. */
export const serverDown = (error: unknown) =>
  (error instanceof RetryableError && (error.status === 429 || error.status === 503 || error.retryAfterMs !== null)) ||
  (error instanceof Error && /timeout|abort|network|fetch failed|ECONN|not answer/i.test(`${error.name} ${error.message}`));

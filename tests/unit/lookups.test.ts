// Partial failure stays partial: one failing look-up costs only its own note; the HTTP layer caps what it reads, honours
// Retry-After, and never follows a redirect to another host with the header that identifies Backstory.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { httpGet, retryAfterMs } from '../../adapters/http';
import { type FetchJson, type LinkResult, namesForLookUp, RetryableError, rateLimited, WikimediaProvider } from '../../lib/knowledge';
import { type FakeWikimedia, startFakeWikimedia } from '../fixtures/wikimedia/server.mjs';

const DATE = '2014-11-19';
const note = (r: LinkResult | undefined) => (r?.status === 'linked' ? r.note : null);

describe('a look-up that fails in part', () => {
  let wikimedia: FakeWikimedia;
  beforeAll(async () => {
    wikimedia = await startFakeWikimedia();
  });
  afterAll(() => wikimedia.close());

  /** The local Wikimedia, with the requests `broken` picks out failing as a server's 500 would. */
  const provider = (broken: (url: URL) => boolean) => {
    const fetchJson: FetchJson = async (url) => {
      if (broken(new URL(url))) throw new RetryableError('wikimedia.example answered 500', 500);
      const response = await fetch(url);
      return response.json();
    };
    return new WikimediaProvider(fetchJson, { wikidataBase: wikimedia.origin, wikipediaBase: wikimedia.origin });
  };
  const raheel = { id: 'e1', name: 'Raheel Sharif', type: 'PER' as const, mentions: [{ start: 40 }] };
  const pakistan = { id: 'e2', name: 'Pakistan', type: 'LOC' as const, mentions: [{ start: 10 }] };
  const aziz = { id: 'e3', name: 'Sartaj Aziz', type: 'PER' as const, mentions: [{ start: 90 }] };

  test('a failed look-up of a place sent for context leaves the note, without that place', async () => {
    const search = (name: string) => (url: URL) => url.searchParams.get('search') === name;
    const results = await provider(search('Pakistan')).link(namesForLookUp(raheel, [raheel, pakistan]), DATE);
    expect(note(results.get('e1'))?.description).toBe('Pakistani general, 15th Chief of Army Staff');
    expect(results.has('e2')).toBe(false);
  });

  test('a failed look-up of one name fails that name only', async () => {
    const results = await provider((url) => url.searchParams.get('search') === 'Sartaj Aziz').link(
      namesForLookUp([raheel, aziz], [raheel, aziz, pakistan]),
      DATE,
    );
    expect(note(results.get('e1'))?.description).toBe('Pakistani general, 15th Chief of Army Staff');
    expect(results.get('e3')).toEqual({ status: 'failed', message: 'wikimedia.example answered 500' });
  });

  test('a Wikipedia summary that fails makes a note without it, which says so', async () => {
    const results = await provider((url) => url.searchParams.get('action') === 'query').link(namesForLookUp(raheel, [raheel]), DATE);
    const raheelNote = note(results.get('e1'));
    expect(raheelNote?.description).toBe('Pakistani general, 15th Chief of Army Staff');
    expect(raheelNote?.summary).toBeNull();
    expect(raheelNote?.incomplete).toMatch(/^Without the Wikipedia summary/);
  });

  test('a server that is down is asked once, not once per name', async () => {
    wikimedia.requests.length = 0;
    let asked = 0;
    const down: FetchJson = async () => {
      asked++;
      throw new RetryableError('wikimedia.example answered 503', 503);
    };
    const results = await new WikimediaProvider(down).link(namesForLookUp([raheel, aziz], [raheel, aziz, pakistan]), DATE);
    expect(asked).toBe(1);
    expect([...results.values()].map((r) => r.status)).toEqual(['failed', 'failed']);
  });
});

describe('the HTTP layer', () => {
  let server: Server;
  let origin: string;
  let other: Server;
  let otherOrigin: string;
  const seen: { path: string; headers: IncomingMessage['headers'] }[] = [];
  const seenElsewhere: { path: string; headers: IncomingMessage['headers'] }[] = [];

  const listen = (s: Server) =>
    new Promise<string>((resolve) => s.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(s.address() as { port: number }).port}`)));
  beforeAll(async () => {
    other = createServer((req, res) => {
      seenElsewhere.push({ path: req.url ?? '', headers: req.headers });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"elsewhere":true}');
    });
    otherOrigin = await listen(other);
    server = createServer((req, res) => {
      seen.push({ path: req.url ?? '', headers: req.headers });
      const path = req.url ?? '';
      if (path === '/big') {
        // Endless JSON, sent in chunks with no declared length.
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = `"${'x'.repeat(64 * 1024)}",`;
        let sent = 0;
        const more = () => {
          while (sent < 200 && res.write(chunk)) sent++;
          if (sent < 200) res.once('drain', more);
          else res.end('0]');
        };
        res.write('[');
        more();
      } else if (path === '/declared-big') res.writeHead(200, { 'content-length': String(100 * 1024 * 1024) }).end();
      else if (path === '/busy') res.writeHead(429, { 'retry-after': '120' }).end();
      else if (path === '/elsewhere') res.writeHead(302, { location: `${otherOrigin}/collect` }).end();
      else if (path === '/moved') res.writeHead(301, { location: '/json' }).end();
      else res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
    origin = await listen(server);
  });
  afterAll(async () => {
    server.closeAllConnections();
    other.closeAllConnections();
    await new Promise((r) => server.close(r));
    await new Promise((r) => other.close(r));
  });

  test('an answer past the size cap is cut off with an error, declared or not', async () => {
    await expect(httpGet(`${origin}/big`, 'json', { maxBytes: 1024 * 1024 })).rejects.toThrow(/too large/);
    await expect(httpGet(`${origin}/declared-big`, 'json')).rejects.toThrow(/too large/);
    expect(await httpGet(`${origin}/json`, 'json')).toEqual({ ok: true });
  });

  test('a redirect to another host is not followed: the identifying header never reaches it', async () => {
    const headers = { 'Api-User-Agent': 'Backstory/0.1 (test)' };
    await expect(httpGet(`${origin}/elsewhere`, 'json', { headers })).rejects.toThrow(
      /redirected the request to 127\.0\.0\.1:\d+; Backstory does not follow it/,
    );
    expect(seenElsewhere).toEqual([]);
    // On the same host it is followed.
    expect(await httpGet(`${origin}/moved`, 'json', { headers })).toEqual({ ok: true });
  });

  test('Retry-After is read in seconds or as a date', () => {
    expect(retryAfterMs('120')).toBe(120_000);
    expect(retryAfterMs(new Date(Date.parse('2026-01-01T00:00:30Z')).toUTCString(), Date.parse('2026-01-01T00:00:00Z'))).toBe(30_000);
    expect(retryAfterMs('soon')).toBeNull();
    expect(retryAfterMs(null)).toBeNull();
  });

  test('after a 429 with Retry-After, nothing is asked of the server before then: requests fail at once, saying so', async () => {
    let clock = 1_000_000;
    const queue = rateLimited((url) => httpGet(url, 'json'), {
      minIntervalMs: 0,
      backoffMs: 10,
      maxBackoffMs: 20,
      sleep: async () => {},
      now: () => clock,
    });
    seen.length = 0;
    const first = await queue(`${origin}/busy`).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(RetryableError);
    expect((first as RetryableError).retryAfterMs).toBe(120_000);
    clock += 60_000;
    await expect(queue(`${origin}/json`)).rejects.toThrow(/asked to wait 60 s/);
    expect(seen.map((r) => r.path)).toEqual(['/busy']);
    clock += 61_000;
    expect(await queue(`${origin}/json`)).toEqual({ ok: true });
  });
});

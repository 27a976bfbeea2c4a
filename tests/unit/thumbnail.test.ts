// A note's picture: fetched by the background from Wikimedia's image host (or the configured server) only, as bytes of
// a picture's type; and a server that cannot be reached at all is told apart from one that fails.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { httpGet, httpGetBytes, isUnreachable, UnreachableError } from '../../adapters/http';
import { thumbnailAllowed } from '../../adapters/knowledge-service';
import { WIKIMEDIA_IMAGE_HOST as THUMBNAIL_HOST } from '../../lib/knowledge';

describe('which pictures may be fetched', () => {
  const settings = { wikipediaBase: 'https://en.wikipedia.org' };
  test.each([
    [`https://${THUMBNAIL_HOST}/wikipedia/commons/thumb/a/a1/X.jpg/160px-X.jpg`, true],
    [`http://${THUMBNAIL_HOST}/x.jpg`, false],
    ['https://en.wikipedia.org/static/x.png', true],
    ['https://evil.example/collect?name=Raheel', false],
    [`https://${THUMBNAIL_HOST}.evil.example/x.jpg`, false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(thumbnailAllowed(url, settings)).toBe(allowed);
  });

  test('a local Wikipedia (a mirror, the tests’ stand-in) serves its own pictures', () => {
    expect(thumbnailAllowed('http://127.0.0.1:8123/thumb/x.png', { wikipediaBase: 'http://127.0.0.1:8123' })).toBe(true);
    expect(thumbnailAllowed('http://127.0.0.1:9999/thumb/x.png', { wikipediaBase: 'http://127.0.0.1:8123' })).toBe(false);
  });
});

describe('bytes and unreachable servers', () => {
  let server: Server;
  let origin: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/pic.png') res.writeHead(200, { 'content-type': 'image/png; charset=binary' }).end(Buffer.from([137, 80, 78, 71]));
      else res.writeHead(500).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  test('a picture comes back as bytes with its type', async () => {
    const { bytes, type } = await httpGetBytes(`${origin}/pic.png`);
    expect([...bytes]).toEqual([137, 80, 78, 71]);
    expect(type).toBe('image/png');
  });

  test('no server at the address: an UnreachableError, whose message still says so as text; a failing server is another error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', () => resolve()));
    const port = (closed.address() as { port: number }).port;
    await new Promise((r) => closed.close(r));
    const error = await httpGet(`http://127.0.0.1:${port}/w/api.php`, 'json').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreachableError);
    expect(isUnreachable((error as Error).message)).toBe(true);
    const failing = await httpGet(`${origin}/w/api.php`, 'json').catch((e: unknown) => e);
    expect(failing).not.toBeInstanceOf(UnreachableError);
    expect(isUnreachable((failing as Error).message)).toBe(false);
  });
});

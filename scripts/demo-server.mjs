// Serves the bundled demo pages (and test fixtures) on 127.0.0.1, so the extension sees real http:// article URLs offline.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';

const DEMO = fileURLToPath(new URL('../assets/demo/', import.meta.url));

export const DEMO_ARTICLE_PATH = '/news/1145345/haqqani-network-as-much-a-threat-as-any-other-terrorist-group-us';

/** URL path → file in assets/demo. */
export const DEMO_ROUTES = {
  '/': 'home.html',
  [DEMO_ARTICLE_PATH]: 'dawn-haqqani.html',
};

/**
 * Starts a static server; `routes` maps extra paths to absolute file paths or to { body, type } pages.
 * Every request is recorded in `requests`, so tests can assert what the extension fetched.
 */
export async function startDemoServer({ port = 0, routes = {} } = {}) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({ method: req.method, path: url.pathname, search: url.search, headers: req.headers });
    const route = routes[url.pathname] ?? (DEMO_ROUTES[url.pathname] && `${DEMO}${DEMO_ROUTES[url.pathname]}`);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    try {
      const page = typeof route === 'string' ? { body: await readFile(route), type: 'text/html; charset=utf-8' } : route;
      res
        .writeHead(200, { 'content-type': page.type ?? 'text/html; charset=utf-8', 'cache-control': 'no-store', ...(page.headers ?? {}) })
        .end(page.body);
    } catch {
      res.writeHead(500).end('Cannot read page');
    }
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;
  return { origin, requests, close: () => new Promise((resolve) => server.close(resolve)) };
}

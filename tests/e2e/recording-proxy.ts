import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxiedRequest {
  /** host:port */
  host: string;
  /** the full URL for plain http; only the host for https (CONNECT) */
  url: string;
}

/**
 * An HTTP proxy that records every request the browser makes through it. It forwards plain-http requests to 127.0.0.1 and
 * refuses everything else (these tests have no internet), so the record is the full list of hosts the browser tried.
 */
export async function startRecordingProxy() {
  const requests: ProxiedRequest[] = [];
  const server = createServer((req, res) => {
    const target = new URL(req.url ?? '/', `http://${req.headers.host}`);
    requests.push({ host: target.host, url: target.href });
    if (target.hostname !== '127.0.0.1') {
      res.writeHead(502).end('No internet in tests');
      return;
    }
    const upstream = request(
      { host: '127.0.0.1', port: target.port, path: target.pathname + target.search, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('connect', (req, socket) => {
    requests.push({ host: req.url ?? '', url: `https://${req.url}` });
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    hosts: () => [...new Set(requests.map((r) => r.host))].sort(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

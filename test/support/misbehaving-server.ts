import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Per-server counters a route may update. */
interface Counters {
  /** Body bytes written so far by each streaming route. */
  streamed: Map<string, number>;
}

type Route = (req: IncomingMessage, res: ServerResponse, nth: number, counters: Counters) => void;

const page = (res: ServerResponse, body = '<h1 id="present">A page</h1>') =>
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><title>t</title>${body}`);
const redirect = (status: number, to: string): Route => (_q, res) => void res.writeHead(status, { location: to }).end();
const status = (code: number): Route => (_q, res) => void res.writeHead(code).end(`status ${code}`);
/** A page whose bytes are ISO-8859-1: `café` is the single byte 0xE9, invalid as UTF-8. */
const latin1 = (contentType: string, head = ''): Route => (_q, res) =>
  void res.writeHead(200, { 'content-type': contentType }).end(Buffer.from(`<!doctype html>${head}<title>t</title><h2 id="caf\u00e9">Caf\u00e9</h2>`, 'latin1'));

/** Streams up to 64 MB of `type` in 64 KB chunks, stopping as soon as the client goes away. */
const huge = (type: string): Route => (req, res, _nth, { streamed }) => {
  res.writeHead(200, { 'content-type': type, 'content-length': String(64 * 2 ** 20) });
  if (req.method === 'HEAD') return void res.end();
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const chunk = Buffer.alloc(64 * 1024, 0x25);
  const write = () => {
    while (!res.destroyed && (streamed.get(path) ?? 0) < 64 * 2 ** 20) {
      streamed.set(path, (streamed.get(path) ?? 0) + chunk.length);
      if (!res.write(chunk)) return void res.once('drain', write);
    }
    res.end();
  };
  write();
};

/** Each path misbehaves in one way a real host does; `nth` counts requests to that path from 1. */
const routes: Record<string, Route> = {
  '/ok': (_q, res) => page(res),
  '/moved-301': redirect(301, '/ok'),
  '/moved-308': redirect(308, '/ok'),
  '/moved-302': redirect(302, '/ok'),
  '/missing-404': (_q, res) => void res.writeHead(404).end('not found'),
  '/gone-410': (_q, res) => void res.writeHead(410).end('gone'),
  '/rate-limited': (_q, res, nth) => (nth === 1 ? void res.writeHead(429, { 'retry-after': '1' }).end() : page(res)),
  '/flaky': (_q, res, nth) => (nth <= 2 ? void res.writeHead(503).end() : page(res)),
  '/down': (_q, res) => void res.writeHead(503).end(),
  '/slow': (_q, res) => void setTimeout(() => page(res), 2_000).unref(),
  '/loop-a': redirect(302, '/loop-b'),
  '/loop-b': redirect(302, '/loop-a'),
  '/no-head': (req, res) => (req.method === 'HEAD' ? void res.writeHead(405, { allow: 'GET' }).end() : page(res)),
  '/bot-wall': (_q, res) => void res.writeHead(403).end('are you a robot?'),
  // Ids a browser finds: a literal `%`, an escaped space, a non-ASCII letter; and two plain ones.
  '/percent-ids': (_q, res) => page(res, '<h2 id="100%">a</h2><h2 id="a%20b">b</h2><h2 id="caf\u00e9">c</h2><a name="legacy">d</a>'),
  '/fragments': (_q, res) => page(res, '<h2 id="a">a</h2><h2 id="b">b</h2>'),
  '/bad-location': redirect(301, 'http://[::1'),
  '/retry-after-30': (_q, res) => void res.writeHead(429, { 'retry-after': '30' }).end(),
  '/latin1': latin1('text/html; charset=iso-8859-1'),
  '/latin1-meta': latin1('text/html', '<meta charset="iso-8859-1">'),
  '/doc.pdf': huge('application/pdf'),
  '/notes.txt': huge('text/plain; charset=utf-8'),
  // Sets a cookie and sends the client back to the same address, as consent and session gates do.
  '/cookie-gate': (req, res) => (/(^|;\s*)gate=passed/.test(req.headers.cookie ?? '')
    ? page(res)
    : void res.writeHead(302, { location: '/cookie-gate', 'set-cookie': 'gate=passed; Path=/; HttpOnly' }).end()),
  '/status-451': status(451),
  '/status-999': status(999),
  '/head-reset': (req, res) => (req.method === 'HEAD' ? void req.socket.destroy() : page(res)),
  '/head-501': (req, res) => (req.method === 'HEAD' ? void res.writeHead(501).end() : page(res)),
  '/to-data': redirect(302, 'data:text/html,<h1>hi</h1>'),
  '/to-file': redirect(302, 'file:///etc/passwd'),
  '/to-javascript': redirect(302, 'javascript:alert(1)'),
  '/to-ftp': redirect(301, 'ftp://127.0.0.1/pub/file.txt'),
};

/** Answers after 100 ms, so concurrent requests overlap and can be counted. */
const hold: Route = (_q, res) => void setTimeout(() => page(res), 100).unref();

/** A request the server saw, e.g. `{ method: 'HEAD', path: '/ok', userAgent: 'Fieldguide…' }`. */
export interface SeenRequest {
  method: string;
  path: string;
  userAgent: string;
  /** Epoch ms when it arrived. */
  at: number;
}

/**
 * An HTTP server on 127.0.0.1 whose paths misbehave on purpose (see `routes`), counting every
 * request so tests can prove what was and was not sent. Paths under `/n/` answer 200 at once and under `/hold/`
 * after 100 ms, so tests and benchmarks can ask for any number of distinct URLs.
 */
export async function startMisbehavingServer(): Promise<{
  origin: string;
  url: (path: string) => string;
  seen: SeenRequest[];
  count: (path?: string) => number;
  /** Most requests the server was answering at the same moment. */
  maxInFlight: () => number;
  /** Body bytes a streaming route (`/doc.pdf`, `/notes.txt`) wrote before its client went away. */
  streamed: (path: string) => number;
  close: () => Promise<void>;
}> {
  const seen: SeenRequest[] = [];
  const perPath = new Map<string, number>();
  const counters: Counters = { streamed: new Map() };
  let inFlight = 0;
  let maxInFlight = 0;
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    seen.push({ method: req.method ?? '', path, userAgent: String(req.headers['user-agent'] ?? ''), at: Date.now() });
    maxInFlight = Math.max(maxInFlight, ++inFlight);
    res.on('close', () => inFlight--);
    const nth = (perPath.get(path) ?? 0) + 1;
    perPath.set(path, nth);
    const route = routes[path] ?? (path.startsWith('/n/') ? routes['/ok'] : path.startsWith('/hold/') ? hold : undefined);
    if (route) route(req, res, nth, counters);
    else res.writeHead(404).end('no such route');
  });
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    seen,
    maxInFlight: () => maxInFlight,
    streamed: (path) => counters.streamed.get(path) ?? 0,
    count: (path) => (path ? seen.filter((r) => r.path === path).length : seen.length),
    close: () => new Promise((done) => {
      server.close(() => done());
      server.closeAllConnections();
    }),
  };
}

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((done) => probe.close(() => done()));
  return port;
}

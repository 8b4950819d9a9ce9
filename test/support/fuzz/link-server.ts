import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { caseSeed, seededRandom, type Random } from './random.ts';

/**
 * A raw TCP server on 127.0.0.1 that answers each path with a response made up from the path's
 * seed: any status (also unknown ones and broken status lines), malformed or hostile `Location`,
 * `Retry-After`, `Content-Type`, `Set-Cookie`, `Content-Length` and `Content-Encoding` headers,
 * odd bodies, and connections reset, left hanging or closed half-way. Written by hand, byte for
 * byte, because Node's own server refuses to send most of it.
 */

/** One seeded answer: the bytes to send and what to do with the connection. */
export interface FuzzAnswer {
  chunks: Buffer[];
  /** `end` closes after the bytes; `reset` destroys after the first chunk; `hang` sends nothing more. */
  then: 'end' | 'reset' | 'hang';
  delayMs: number;
}

const statuses = [200, 200, 200, 204, 206, 301, 302, 303, 307, 308, 304, 400, 401, 403, 404, 405, 410, 418, 429, 429, 451, 500, 501, 502, 503, 999, 600, 799];

/** Places a redirect may point to, from harmless to hostile; `here` is a same-server path prefix. */
function locations(r: Random, here: string, named: string): string[] {
  return [
    'http://[::1', 'http://[', '//', ' ', 'data:text/html,<h1>x</h1>', 'file:///etc/passwd', 'javascript:alert(1)', 'ftp://127.0.0.1/x',
    'mailto:a@b.example', `${here}/${r.int(40)}`, `${here}/${r.int(40)}#frag`, `${here}/${r.int(40)}#%`, '../../..', '%%%', 'http://a b/',
    '\u00e9\u00e8', 'http://127.0.0.1:1/', 'http://nowhere.invalid/', `${named}/${r.int(40)}`, `https://127.0.0.1/`, '?q=1', '#only',
  ];
}

const retryAfters = ['0', '1', '2', '30', '99999999999999999999999999', '-5', 'soon', 'Wed, 21 Oct 2015 07:28:00 GMT', 'Fri, 01 Jan 2100 00:00:00 GMT', '', '1.5', ' 1 ', 'Mon, 99 Foo 2020 99:99:99 GMT'];
const contentTypes = [
  'text/html', 'text/html; charset=utf-8', 'text/html; charset=iso-8859-1', 'text/html; charset=bogus', 'text/html; charset="', 'application/pdf',
  'text/plain', '', ';;;', 'text/html;charset=utf-16', 'application/xhtml+xml', '*/*', 'text/html; charset=shift_jis', 'TEXT/HTML; Charset=UTF-8', 'text/html; charset=replacement',
];
const cookies = ['a=b', 'a=b; Path=/', '=;;;', `big=${'x'.repeat(5000)}`, 'a=b; Domain=.com', 'a=b; Expires=garbage', 'a=\u00ff', '; ; ;', 'a=b; Max-Age=-1', 's=1; SameSite=None; Secure', 'gate=passed; Path=/'];
const ids = ['top', '100%', 'caf\u00e9', 'a%20b', 'a b', 'id0', 'id1', '\u{1F600}', '', '%', 'TOP', 'x"y'];

/** A body: an HTML page with some ids, binary junk, bad UTF-8, ISO-8859-1 bytes, or nothing. */
function body(r: Random): Buffer {
  const id = () => r.pick(ids).replace(/"/g, '&quot;');
  const html = () => `<!doctype html>${r.int(3) === 0 ? `<meta charset="${r.pick(['utf-8', 'iso-8859-1', 'utf-16', 'nonsense', ''])}">` : ''}<title>t</title>`
    + Array.from({ length: r.int(6) }, () => `<h2 id="${id()}">x</h2><a name="${id()}">y</a>`).join('');
  switch (r.int(6)) {
    case 0: return Buffer.from(Array.from({ length: r.int(3000) }, () => r.int(256)));
    case 1: return Buffer.concat([Buffer.from(html()), Buffer.from([0xc3, 0x28, 0xff, 0xfe])]);
    case 2: return Buffer.from(html(), 'latin1');
    case 3: return Buffer.alloc(0);
    case 4: return Buffer.from(html().repeat(1 + r.int(400)));
    default: return Buffer.from(html());
  }
}

/** The seeded answer for one request, e.g. a 301 to `http://[::1` with a garbled Retry-After. */
export function fuzzAnswer(r: Random, here: string, named: string): FuzzAnswer {
  const status = r.pick(statuses);
  const line = r.int(12) === 0 ? r.pick(['HELLO', `HTTP/1.1 ${status}`, `HTTP/9.9 ${status} X`, 'HTTP/1.1 abc Bad', `HTTP/1.0 ${status} OK`]) : `HTTP/1.1 ${status} Fuzz`;
  const headers: string[] = [];
  const maybe = (n: number, h: () => string) => r.int(n) === 0 && headers.push(h());
  if (status >= 300 && status < 400 ? r.int(5) > 0 : r.int(8) === 0) headers.push(`Location: ${r.pick(locations(r, here, named))}`);
  maybe(status === 429 || status === 503 ? 1 : 8, () => `Retry-After: ${r.pick(retryAfters)}`);
  maybe(2, () => `Content-Type: ${r.pick(contentTypes)}`);
  for (let i = r.int(3); i > 0; i--) headers.push(`Set-Cookie: ${r.pick(cookies)}`);
  maybe(15, () => r.pick(['X-Broken header', `X-Long: ${'y'.repeat(20_000)}`, 'X-Ctl: a\u0001b', ': empty-name', 'Location: http://[::1', 'Content-Type: text/html', 'Content-Type: application/pdf']));
  let payload = body(r);
  const encoding = r.int(8);
  if (encoding === 0) headers.push('Content-Encoding: gzip');
  if (encoding === 1) {
    headers.push('Content-Encoding: gzip');
    payload = gzipSync(payload);
  }
  if (encoding === 2) headers.push(`Content-Encoding: ${r.pick(['br', 'deflate', 'bogus', 'identity'])}`);
  const length = r.int(6);
  if (length === 0) headers.push(`Content-Length: ${payload.length + 1 + r.int(1000)}`);
  else if (length === 1) headers.push(`Content-Length: ${r.pick(['abc', '-1', '0', '1'])}`);
  else if (length === 2) {
    headers.push('Transfer-Encoding: chunked');
    payload = Buffer.concat([Buffer.from(`${payload.length.toString(16)}\r\n`), payload, Buffer.from(r.int(3) === 0 ? '\r\nzz\r\n' : '\r\n0\r\n\r\n')]);
  } else if (length > 2) headers.push(`Content-Length: ${payload.length}`);
  const head = Buffer.from(`${line}\r\n${headers.join('\r\n')}\r\n\r\n`, 'latin1');
  const then = r.pick(['end', 'end', 'end', 'end', 'end', 'reset', 'hang'] as const);
  const split = r.int(payload.length + 1);
  return { chunks: [head, payload.subarray(0, split), payload.subarray(split)], then, delayMs: r.int(4) === 0 ? r.int(80) : 0 };
}

/** Starts the server; every path `/f/<seed>/<n>` gets `fuzzAnswer` of that seed, method and number. */
export async function startFuzzServer(named: (port: number) => string): Promise<{ origin: string; port: number; requests: () => number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  let requests = 0;
  let port = 0;
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let head = '';
    socket.on('data', (data) => {
      if (head.includes('\r\n\r\n')) return;
      head += data.toString('latin1');
      if (!head.includes('\r\n\r\n') && head.length < 65_536) return;
      requests++;
      const [method = '', path = '/'] = head.split('\r\n')[0].split(' ');
      const m = /^\/f\/(\d+)\/(\d+)/.exec(path);
      const seed = m ? caseSeed(Number(m[1]), Number(m[2]) * 2 + (method === 'HEAD' ? 1 : 0)) : 1;
      const answer = fuzzAnswer(seededRandom(seed), `http://127.0.0.1:${port}/f/${m?.[1] ?? 0}`, `${named(port)}/f/${m?.[1] ?? 0}`);
      setTimeout(() => {
        if (socket.destroyed) return;
        socket.write(answer.chunks[0]);
        if (answer.then === 'reset') return void socket.resetAndDestroy();
        if (answer.then === 'hang') return;
        for (const c of answer.chunks.slice(1)) socket.write(c);
        socket.end();
      }, answer.delayMs).unref();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests: () => requests,
    close: () => new Promise((done) => {
      for (const s of sockets) s.destroy();
      server.close(() => done());
    }),
  };
}

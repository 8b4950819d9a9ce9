import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { notFoundFileFor } from './not-found-file.ts';
import { reloadPath, withReload } from './reload.ts';

/**
 * The preview's HTTP server, in a thread of its own: the main thread re-models the site on every
 * edit, synchronously, for seconds on a large site, and pages must still be served meanwhile.
 * Messages in: `reload`, `close`. Messages out: `{ listening: url }` or `{ failed: code, message }`.
 */

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.txt': 'text/plain; charset=utf-8', '.xml': 'application/xml',
  '.wasm': 'application/wasm', '.png': 'image/png',
};

/** Sends one file, HTML with the reload script. */
function send(res: ServerResponse, file: string, status: number, head: boolean): void {
  const type = types[extname(file)] ?? 'application/octet-stream';
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  if (head) return void res.end();
  if (type.startsWith('text/html')) return void res.end(withReload(readFileSync(file, 'utf8')));
  createReadStream(file).pipe(res);
}

const { dir, host, port } = workerData as { dir: string; host: string; port: number };
const root = normalize(dir);
const listeners = new Set<ServerResponse>();
const server = createServer((req, res) => {
  const head = req.method === 'HEAD';
  if (req.method !== 'GET' && !head) return void res.writeHead(405, { allow: 'GET, HEAD' }).end();
  let path: string;
  try {
    path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  } catch {
    return void res.writeHead(400).end();
  }
  if (path === reloadPath) {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
    res.write(': connected\n\n');
    listeners.add(res);
    req.on('close', () => listeners.delete(res));
    return;
  }
  let file = normalize(join(root, path));
  if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) return void res.writeHead(403).end();
  if (existsSync(file) && statSync(file).isDirectory()) {
    if (!path.endsWith('/')) return void res.writeHead(301, { location: `${encodeURI(path)}/` }).end();
    file = join(file, 'index.html');
  }
  if (existsSync(file) && statSync(file).isFile()) return send(res, file, 200, head);
  const notFound = notFoundFileFor(root, path);
  if (notFound) return send(res, notFound, 404, head);
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
});
server.once('error', (err: NodeJS.ErrnoException) => parentPort?.postMessage({ failed: err.code ?? 'ERROR', message: err.message }));
server.listen({ port, host }, () => {
  const address = server.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  parentPort?.postMessage({ listening: `http://${shown}:${address.port}/` });
});
parentPort?.on('message', (message: string) => {
  if (message === 'reload') for (const res of listeners) res.write('data: reload\n\n');
  if (message === 'close') {
    for (const res of listeners) res.end();
    server.close(() => parentPort?.close());
    server.closeAllConnections();
  }
});

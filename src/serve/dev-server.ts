import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { UsageError } from '../core/errors.ts';
import { notFoundFileFor } from './not-found-file.ts';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.txt': 'text/plain; charset=utf-8', '.xml': 'application/xml',
  '.wasm': 'application/wasm', '.png': 'image/png',
};

/** Where pages listen for "reload": a server-sent event stream the preview alone serves. */
export const reloadPath = '/__fieldguide/reload';

/** The script a preview adds to each HTML page: reload when the server says the site changed. */
const reloadScript = `<script>new EventSource(${JSON.stringify(reloadPath)}).onmessage = () => location.reload();</script>`;

/** An HTML page with the reload script before `</body>` (or at the end when it has none). */
export function withReload(html: string): string {
  const at = html.lastIndexOf('</body>');
  return at < 0 ? html + reloadScript : html.slice(0, at) + reloadScript + html.slice(at);
}

export interface DevServer {
  /** The address it really listens on, e.g. `http://127.0.0.1:8080/`. */
  url: string;
  /** Tells every open page to reload. */
  reload: () => void;
  close: () => Promise<void>;
}

/** Sends one file, HTML with the reload script. */
function send(res: ServerResponse, file: string, status: number, head: boolean): void {
  const type = types[extname(file)] ?? 'application/octet-stream';
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  if (head) return void res.end();
  if (type.startsWith('text/html')) return void res.end(withReload(readFileSync(file, 'utf8')));
  createReadStream(file).pipe(res);
}

/**
 * A preview server for a built folder on one address: files as a web server serves them, a missing
 * address answered with the site's 404 page and status 404 (the rule deploy/nginx.conf follows), and
 * live reload. A taken port is a usage error naming it; port 0 takes any free one.
 */
export async function startDevServer(dir: string, host: string, port: number): Promise<DevServer> {
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
  await new Promise<void>((done, fail) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      const where = `${host}:${port}`;
      if (err.code === 'EADDRINUSE') fail(new UsageError(`port ${port} on ${host} is in use; pass another with --port, or --port 0 for any free port`));
      else if (err.code === 'EADDRNOTAVAIL') fail(new UsageError(`cannot listen on ${where}: no such address on this machine (--host)`));
      else if (err.code === 'EACCES') fail(new UsageError(`not allowed to listen on ${where}; ports below 1024 need privileges, pass --port 8080`));
      else fail(err);
    });
    server.listen({ port, host }, done);
  });
  const address = server.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shown}:${address.port}/`,
    reload: () => {
      for (const res of listeners) res.write('data: reload\n\n');
    },
    close: () => new Promise((done) => {
      for (const res of listeners) res.end();
      server.close(() => done());
      server.closeAllConnections();
    }),
  };
}

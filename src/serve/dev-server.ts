import { extname } from 'node:path';
import { Worker } from 'node:worker_threads';
import { UsageError } from '../core/errors.ts';

export interface DevServer {
  /** The address it really listens on, e.g. `http://127.0.0.1:8080/`. */
  url: string;
  /** Tells every open page to reload. */
  reload: () => void;
  close: () => Promise<void>;
}

/** Why the server could not listen, in words for the person who ran the command. */
function listenError(code: string, message: string, host: string, port: number): Error {
  const where = `${host}:${port}`;
  if (code === 'EADDRINUSE') return new UsageError(`port ${port} on ${host} is in use; pass another with --port, or --port 0 for any free port`);
  if (code === 'EADDRNOTAVAIL') return new UsageError(`cannot listen on ${where}: no such address on this machine (--host)`);
  if (code === 'EACCES') return new UsageError(`not allowed to listen on ${where}; ports below 1024 need privileges, pass --port 8080`);
  return new Error(`cannot listen on ${where}: ${message}`);
}

/**
 * A preview server for a built folder on one address, in a worker thread (src/serve/dev-server-worker.ts):
 * files as a web server serves them, a missing address answered with the site's 404 page and status
 * 404 (the rule deploy/nginx.conf follows), and live reload. A taken port is a usage error naming
 * it; port 0 takes any free one, and `url` says which.
 */
export async function startDevServer(dir: string, host: string, port: number): Promise<DevServer> {
  // The worker beside this module: .js in the package's lib/, run as is; .ts in a checkout, where
  // the thread first registers the TypeScript loader the command registered for itself.
  const ext = extname(new URL(import.meta.url).pathname);
  const file = new URL(`./dev-server-worker${ext}`, import.meta.url);
  const worker = ext === '.ts'
    ? new Worker(`import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(file.href)}); });`, { eval: true, workerData: { dir, host, port } })
    : new Worker(file, { workerData: { dir, host, port } });
  let url: string;
  try {
    url = await new Promise<string>((done, fail) => {
      worker.once('message', (m: { listening?: string; failed?: string; message?: string }) => (m.listening ? done(m.listening) : fail(listenError(m.failed ?? '', m.message ?? '', host, port))));
      worker.once('error', fail);
      worker.once('exit', (code) => fail(new Error(`the preview server stopped before listening (exit ${code})`)));
    });
  } catch (err) {
    // A thread left running would keep the process alive after the error is reported.
    await worker.terminate();
    throw err;
  }
  return {
    url,
    reload: () => worker.postMessage('reload'),
    close: async () => {
      worker.postMessage('close');
      await new Promise((done) => worker.once('exit', done));
    },
  };
}

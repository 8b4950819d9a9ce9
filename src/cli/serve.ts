import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import Eleventy from '@11ty/eleventy';
import { packageRoot } from '../build/build-site.ts';
import { eleventyConfigFile } from '../package-root.ts';
import { serveChildFlag, superviseServe } from './serve-supervisor.ts';

const require = createRequire(import.meta.url);

/**
 * Eleventy's dev server listens on every interface and has no option to change that; a docs
 * preview should not be reachable from the network unless asked, so bind it to one address.
 */
function bindDevServer(host: string): void {
  const DevServer = require('@11ty/eleventy-dev-server') as { prototype: { _serverListen(port: number): void; server: import('node:http').Server } };
  DevServer.prototype._serverListen = function (this: { server: import('node:http').Server }, port: number) {
    this.server.listen({ port, host });
  };
}

/** `fieldguide serve`: Eleventy's dev server with live reload, bound to 127.0.0.1 by default. */
export async function serveCommand(values: Record<string, string | boolean | undefined>): Promise<number> {
  const host = (values.host as string | undefined) ?? '127.0.0.1';
  const port = Number((values.port as string | undefined) ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`fieldguide serve: --port must be a number from 0 to 65535, got "${String(values.port)}"`);
    return 2;
  }
  const dataDir = resolve((values.data as string | undefined) ?? 'data');
  const outDir = resolve((values.out as string | undefined) ?? '_site');
  if (process.env[serveChildFlag] !== '1') {
    // Paths are resolved here, against the directory the user ran the command in.
    return superviseServe(['--data', dataDir, '--out', outDir, '--port', String(port), '--host', host]);
  }
  process.env.FIELDGUIDE_DATA = dataDir;
  process.chdir(packageRoot);
  bindDevServer(host);
  const eleventy = new Eleventy('src/pages', outDir, { configPath: eleventyConfigFile, runMode: 'serve', quietMode: true });
  await eleventy.init();
  await eleventy.watch();
  await eleventy.serve(port);
  console.log(`serving ${dataDir} at http://${host.includes(':') ? `[${host}]` : host}:${port}/ (Ctrl+C to stop)`);
  return new Promise((done) => {
    const stop = async () => {
      await eleventy.stopWatch();
      done(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

import { resolve } from 'node:path';
import { serveSite } from '../serve/serve-site.ts';
import { reportFailure } from './report-failure.ts';
import { serveChildFlag, superviseServe } from './serve-supervisor.ts';

/** `fieldguide serve`: a full build, then a preview with live reload that re-renders only what an edit changed. */
export async function serveCommand(values: Record<string, string | boolean | undefined>): Promise<number> {
  const host = (values.host as string | undefined) ?? '127.0.0.1';
  const port = Number((values.port as string | undefined) ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`fieldguide serve: --port must be a number from 0 to 65535, got "${String(values.port)}"`);
    return 2;
  }
  const dataDir = resolve((values.data as string | undefined) ?? 'data');
  const outDir = resolve((values.out as string | undefined) ?? '_site');
  const linkStatus = values['link-status'] as string | undefined;
  if (process.env[serveChildFlag] !== '1') {
    // Paths are resolved here, against the directory the user ran the command in.
    return superviseServe(['--data', dataDir, '--out', outDir, '--port', String(port), '--host', host, ...(linkStatus ? ['--link-status', resolve(linkStatus)] : []), ...(values.debug ? ['--debug'] : [])]);
  }
  let session;
  try {
    session = await serveSite({ dataDir, outDir, host, port, linkStatus, log: (line) => console.error(line) });
  } catch (err) {
    return reportFailure('serve', err);
  }
  console.log(`serving ${dataDir} at ${session.server.url} (Ctrl+C to stop)`);
  return new Promise((done) => {
    const stop = async () => {
      await session.stop();
      done(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

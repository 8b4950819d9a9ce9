import { createServer } from 'node:net';

/** A port that was free on 127.0.0.1 a moment ago, for a server started next. */
export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((done) => s.listen(0, '127.0.0.1', done));
  const port = (s.address() as { port: number }).port;
  await new Promise((done) => s.close(done));
  return port;
}

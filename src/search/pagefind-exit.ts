import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface Service {
  backend: { once(event: 'exit', listener: (code: number | null, signal: string | null) => void): void } | null;
  close(err: Error | null): void;
  sendMessage(message: unknown, callback: unknown): void;
  fieldguideWatched?: boolean;
}

let patched = false;

/**
 * Pagefind 1.6's Node service never notices its binary exiting: a request written just before
 * the exit waits forever, and because the service unrefs the child, Node then quits mid-build
 * with a half-written temporary folder. This makes the service fail its pending requests as
 * soon as the binary exits, so the build can report it and clean up.
 */
export async function failPagefindRequestsOnExit(): Promise<void> {
  if (patched) return;
  patched = true;
  // The service module is not in the package's exports; import it by file so it is the same
  // module instance the package's entry point uses.
  const entry = fileURLToPath(import.meta.resolve('pagefind'));
  const { PagefindService } = (await import(pathToFileURL(join(dirname(entry), 'service.js')).href)) as {
    PagefindService: { prototype: Service };
  };
  const send = PagefindService.prototype.sendMessage;
  PagefindService.prototype.sendMessage = function (this: Service, message: unknown, callback: unknown) {
    if (this.backend && !this.fieldguideWatched) {
      this.fieldguideWatched = true;
      this.backend.once('exit', (code, signal) => {
        if (this.backend) this.close(new Error(`Pagefind exited ${signal ? `on ${signal}` : `with code ${code}`}`));
      });
    }
    send.call(this, message, callback);
  };
}

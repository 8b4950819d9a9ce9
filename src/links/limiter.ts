/** Concurrency limits for a polite run: N requests overall, M per host, and host-wide pauses. */

/** A counting semaphore: `run` waits for a free slot, e.g. `new Slots(2).run(() => fetch(u))`. */
export class Slots {
  private active = 0;
  private waiting: (() => void)[] = [];
  constructor(private readonly size: number) {}

  /** Runs `task` once a slot is free, releasing it however the task ends. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.size) await new Promise<void>((go) => this.waiting.push(go));
    else this.active++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

/** Waits `ms` milliseconds, e.g. `await sleep(250)`. */
export const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, Math.max(0, ms)));

/** The run's time bound was reached before a request could start. */
export class DeadlineError extends Error {
  constructor() {
    super('the run reached its time limit');
    this.name = 'DeadlineError';
  }
}

/** Global and per-host slots plus "not before" times set by `Retry-After`, shared by a whole run. */
export class HostLimiter {
  private readonly global: Slots;
  private readonly hosts = new Map<string, Slots>();
  private readonly notBefore = new Map<string, number>();
  constructor(concurrency: number, private readonly perHost: number) {
    this.global = new Slots(concurrency);
  }

  /** Pauses every request to `host` until `until` (epoch ms); a later pause wins. */
  pause(host: string, until: number): void {
    if (until > (this.notBefore.get(host) ?? 0)) this.notBefore.set(host, until);
  }

  /**
   * Sends one request to `host` within both limits, after any pause the host asked for; a pause
   * that would end after `deadline` (epoch ms) fails at once with a DeadlineError instead.
   */
  async request<T>(host: string, deadline: number, task: () => Promise<T>): Promise<T> {
    let slots = this.hosts.get(host);
    if (!slots) this.hosts.set(host, (slots = new Slots(this.perHost)));
    return slots.run(async () => {
      const until = this.notBefore.get(host) ?? 0;
      if (until >= deadline) throw new DeadlineError();
      if (until > Date.now()) await sleep(until - Date.now());
      return this.global.run(task);
    });
  }
}

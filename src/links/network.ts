import { lookup as dnsLookup, Resolver } from 'node:dns/promises';
import { connect, isIP, type Socket } from 'node:net';

/**
 * The machine's way out: name resolution and TCP connections. The engine takes it as an argument
 * so a test can stand in a resolver that fails for every outside name (or maps names to servers on
 * 127.0.0.1) and still have loopback servers answer; the command passes `systemNetwork()`.
 */
export interface Network {
  /** Addresses of a host name, like `dns.lookup(name, { all: true })`; rejects with Node's code (ENOTFOUND, EAI_AGAIN…). */
  lookup: (hostname: string) => Promise<{ address: string; family: number }[]>;
  /** Opens a TCP connection to an address (already resolved). */
  connect: (address: string, port: number) => Socket;
  /** Whether the resolver answers at all; asked only when no outside host could be reached. */
  probe: (timeoutMs: number) => Promise<boolean>;
}

/** The real network: the system resolver (hosts file included) and plain TCP connections. */
export function systemNetwork(): Network {
  return {
    lookup: (hostname) => dnsLookup(hostname, { all: true, verbatim: true }),
    connect: (address, port) => connect({ host: address, port }),
    probe: async (timeoutMs) => {
      // The root zone always has name servers: no answer for it means no resolver can be reached.
      const resolver = new Resolver({ timeout: Math.max(1, Math.min(timeoutMs, 5_000)), tries: 1 });
      try {
        return (await resolver.resolveNs('.')).length > 0;
      } catch {
        return false;
      } finally {
        resolver.cancel();
      }
    },
  };
}

/** Whether an address is this machine, e.g. `127.0.0.1`, `::1`, `::ffff:127.0.0.2`. */
export const isLoopback = (address: string): boolean => /^(127\.|::1$|::ffff:127\.|0\.0\.0\.0$|::$)/i.test(address);

/** A host name without IPv6 brackets, e.g. `[::1]` → `::1`. */
export const bareHost = (hostname: string): string => hostname.replace(/^\[(.*)\]$/, '$1');

/**
 * Whether reaching a host tells whether the machine is online: a name outside the machine. A
 * literal IP, `localhost` and reserved `.invalid` names say nothing either way.
 */
export function isOutsideName(hostname: string): boolean {
  const host = bareHost(hostname).toLowerCase().replace(/\.$/, '');
  if (isIP(host)) return false;
  return !(host === 'localhost' || host.endsWith('.localhost') || host === 'invalid' || host.endsWith('.invalid'));
}

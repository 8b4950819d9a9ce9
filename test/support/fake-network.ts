import { connect, Socket } from 'node:net';
import type { Network } from '../../src/links/network.ts';
import { isLoopback } from '../../src/links/network.ts';

/** A connection that never connects and fails with `code`, as a machine without a route sees it. */
function failing(code: string): Socket {
  const socket = new Socket();
  setImmediate(() => socket.destroy(Object.assign(new Error(`connect ${code}`), { code })));
  return socket;
}

/**
 * A network for tests that never leaves 127.0.0.1: `names` resolve to documentation addresses
 * (192.0.2.x, which count as outside the machine) whose connections are carried to the same port
 * on 127.0.0.1; `unroutable` names resolve to 198.51.100.x, to which no connection succeeds;
 * every other name fails with `unknownName` (ENOTFOUND by default), and the resolver probe
 * answers `resolverAnswers`. `lookups` records every name asked for.
 */
export function fakeNetwork(o: { names?: string[]; unroutable?: string[]; unknownName?: string; resolverAnswers?: boolean } = {}): Network & { lookups: string[]; probes: () => number } {
  const known = new Map((o.names ?? []).map((name, i) => [name.toLowerCase(), `192.0.2.${i + 1}`]));
  const dead = new Map((o.unroutable ?? []).map((name, i) => [name.toLowerCase(), `198.51.100.${i + 1}`]));
  const lookups: string[] = [];
  let probes = 0;
  return {
    lookups,
    probes: () => probes,
    lookup: async (hostname) => {
      lookups.push(hostname);
      const address = known.get(hostname.toLowerCase()) ?? dead.get(hostname.toLowerCase());
      if (address) return [{ address, family: 4 }];
      const code = o.unknownName ?? 'ENOTFOUND';
      throw Object.assign(new Error(`getaddrinfo ${code} ${hostname}`), { code });
    },
    connect: (address, port) => {
      if (isLoopback(address) || [...known.values()].includes(address)) return connect({ host: '127.0.0.1', port });
      return failing('ENETUNREACH');
    },
    probe: async () => {
      probes++;
      return o.resolverAnswers ?? false;
    },
  };
}

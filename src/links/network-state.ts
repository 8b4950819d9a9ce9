import type { Contact } from './http.ts';

/**
 * Whether the run could reach the outside at all. Only names outside the machine count: an answer
 * from a loopback or literal-IP address, or a reserved `.invalid` name, says nothing either way.
 */
export type NetworkState = 'reachable' | 'unreachable' | 'unknown';

/** Outside hosts reached and outside hosts that failed to resolve or connect, e.g. `{ reached: 3, failed: 1 }`. */
export function tallyContacts(contacts: Contact[]): { reached: number; failed: number } {
  const reached = new Set<string>();
  const failed = new Set<string>();
  for (const c of contacts) if (c.outside) (c.reached ? reached : failed).add(c.host.toLowerCase());
  for (const host of reached) failed.delete(host);
  return { reached: reached.size, failed: failed.size };
}

/** Whether the resolver must be asked: one outside host failed and no other was there to compare with. */
export const needsProbe = (t: { reached: number; failed: number }): boolean => t.reached === 0 && t.failed === 1;

/**
 * The judgement, as a table: any outside host reached means the network works (a host that failed
 * is then dead on its own); several failing with none reached means no network; a single failing
 * host is dead unless the resolver itself does not answer.
 * @example networkState({ reached: 0, failed: 4 }) → 'unreachable'
 */
export function networkState(t: { reached: number; failed: number }, resolverAnswers?: boolean): NetworkState {
  if (t.reached > 0) return 'reachable';
  if (t.failed === 0) return 'unknown';
  if (t.failed >= 2) return 'unreachable';
  if (resolverAnswers === undefined) return 'unknown';
  return resolverAnswers ? 'reachable' : 'unreachable';
}

/** Whether a URL's failure is the network's doing: the host it failed on is outside and was not reached. */
export const unreached = (contacts: Contact[]): boolean => {
  const last = contacts[contacts.length - 1];
  return last !== undefined && last.outside && !last.reached;
};

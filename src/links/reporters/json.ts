import type { CheckReport } from '../types.ts';

/** The machine-readable report: `{ summary, links: [...] }` as documented in the README. */
export function formatJson(r: CheckReport): string {
  return JSON.stringify({
    summary: r.summary,
    links: r.links.map((l) => ({
      url: l.url, state: l.state, status: l.status ?? null, finalUrl: l.finalUrl ?? null, permanent: l.permanent ?? null,
      reason: l.reason, registryId: l.registryId, definedAt: l.definedAt,
      definitions: l.definitions.map((d) => ({ registryId: d.id, field: d.field, definedAt: d.definedAt })), pages: l.pages,
      records: l.users, advice: l.advice ?? null, internal: Boolean(l.internal), cached: Boolean(l.cached),
      lastOk: l.lastOk ?? null, requests: l.requests,
    })),
    internal: r.internal,
    fixed: r.fixed,
    startedAt: r.startedAt,
    durationMs: r.durationMs,
    offline: r.offline,
    network: r.network,
    unchecked: r.unchecked,
  }, null, 2);
}

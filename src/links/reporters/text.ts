import type { CheckReport, LinkReport } from '../types.ts';

/** At most `n` items and a count of the rest, e.g. `a, b (+3 more)`. */
export function listSome(items: string[], n = 3): string {
  const shown = items.slice(0, n).join(', ');
  return items.length > n ? `${shown} (+${items.length - n} more)` : shown;
}

/** The lines describing one problem: what, where it is defined, who uses it, what to do. */
export function problemLines(l: LinkReport): string[] {
  const lines = [`${l.state.toUpperCase().padEnd(13)} ${l.url}  (${l.reason})`];
  const pad = ' '.repeat(14);
  for (const d of l.definitions) lines.push(`${pad}defined at ${d.definedAt.file}:${d.definedAt.line} (${d.field === 'archive' ? 'archive of ' : ''}${d.id})`);
  if (l.users.length) lines.push(`${pad}used by ${listSome(l.users)}`);
  if (l.pages.length) lines.push(`${pad}on ${l.pages.length === 1 ? 'page' : 'pages'} ${listSome(l.pages)}`);
  if (l.advice) lines.push(`${pad}→ ${l.advice}`);
  return lines;
}

/** The one line a run without a network gets, e.g. `no network: 12 external links not checked`. */
export const noNetworkLine = (r: Pick<CheckReport, 'unchecked'>): string => `no network: ${r.unchecked} external link${r.unchecked === 1 ? '' : 's'} not checked`;

/** The summary table, e.g. `ok  12` per state, then the internal links line. */
export function summaryTable(r: CheckReport): string[] {
  const rows: [string, number][] = [
    ['ok', r.summary.ok], ['redirected', r.summary.redirected], ['broken', r.summary.broken],
    ['indeterminate', r.summary.indeterminate], ['skipped', r.summary.skipped],
  ];
  return [
    'state          URLs',
    ...rows.map(([k, v]) => `${k.padEnd(14)}${String(v).padStart(5)}`),
    `internal links checked in the site: ${r.internal.checked}, broken: ${r.internal.broken}`,
    ...(r.network === 'unreachable' ? [noNetworkLine(r)] : []),
  ];
}

/** The human report: every link that needs attention, then the summary (--fix changes go to stderr). */
export function formatText(r: CheckReport): string {
  const out: string[] = [];
  for (const l of r.links) if (l.state !== 'ok' && l.state !== 'skipped') out.push(...problemLines(l), '');
  out.push(...summaryTable(r));
  const secs = (r.durationMs / 1000).toFixed(2);
  const cached = r.links.filter((l) => l.cached).length;
  out.push(`${r.offline ? 'offline check' : `checked ${r.summary.checked} URLs (${cached} from cache)`} in ${secs} s`);
  return out.join('\n');
}

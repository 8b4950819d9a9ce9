import { join } from 'node:path';
import type { CheckReport, LinkReport } from '../types.ts';

/** Escapes a workflow-command message, e.g. a newline → `%0A`. */
export const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/** Escapes a workflow-command property such as `file=`, where `:` and `,` are separators. */
export const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** One annotation per registry entry holding the URL (so each line is marked), or one on the page. */
function annotations(l: LinkReport, siteDir: string): string[] {
  const level = l.state === 'broken' ? 'error' : l.state === 'indeterminate' || l.state === 'redirected' ? 'warning' : undefined;
  if (!level) return [];
  const title = (subject: string) => `title=${escapeProperty(`${l.state[0].toUpperCase()}${l.state.slice(1)} ${subject}`)}`;
  const pages = l.pages.length ? ` Pages: ${l.pages.slice(0, 5).join(', ')}${l.pages.length > 5 ? ', …' : ''}.` : '';
  const message = escapeData(`${l.url}: ${l.reason}.${pages}${l.advice ? ` ${l.advice}.` : ''}`);
  if (l.definitions.length) {
    return l.definitions.map((d) => `::${level} file=${escapeProperty(d.definedAt.file)},line=${d.definedAt.line},${title(`link ${d.id}`)}::${message}`);
  }
  const props: string[] = [];
  if (l.internal && l.pages[0]) props.push(`file=${escapeProperty(join(siteDir, l.pages[0].replace(/\/$/, '/index.html')))}`);
  props.push(title(l.internal ? 'internal link' : 'link'));
  return [`::${level} ${props.join(',')}::${message}`];
}

/** GitHub Actions annotations on the registry line of each problem (`::error file=…,line=…::…`). */
export function formatGithub(r: CheckReport, siteDir: string): string {
  const lines = r.links.flatMap((l) => annotations(l, siteDir));
  if (r.network === 'unreachable') lines.push(`::warning title=Link check::no network: ${r.unchecked} external links not checked`);
  const s = r.summary;
  lines.push(`::notice title=Link check::${s.ok} ok, ${s.redirected} redirected, ${s.broken} broken, ${s.indeterminate} indeterminate, ${s.skipped} skipped`);
  return lines.join('\n');
}

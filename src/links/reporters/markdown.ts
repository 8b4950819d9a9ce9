import type { CheckReport, LinkReport } from '../types.ts';
import { listSome } from './text.ts';

/** Makes text safe inside a Markdown table cell, e.g. `a|b` → `a\|b`. */
export const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function row(l: LinkReport): string {
  const where = l.definitions.length ? l.definitions.map((d) => `\`${d.definedAt.file}:${d.definedAt.line}\` (${d.id})`).join(', ') : listSome(l.pages);
  return `| ${cell(l.url)} | ${cell(l.reason)} | ${cell(where)} | ${cell(l.advice ?? '')} |`;
}

/** A report for a CI job summary: counts, then one table per state that needs attention. */
export function formatMarkdown(r: CheckReport): string {
  const s = r.summary;
  const out = [
    '## Link check',
    '',
    '| ok | redirected | broken | indeterminate | skipped |',
    '| ---: | ---: | ---: | ---: | ---: |',
    `| ${s.ok} | ${s.redirected} | ${s.broken} | ${s.indeterminate} | ${s.skipped} |`,
    '',
    `Internal links checked in the site: ${r.internal.checked}, broken: ${r.internal.broken}.${r.offline ? ' Offline run: external links were not requested.' : ''}${r.network === 'unreachable' ? ` No network: ${r.unchecked} external links not checked.` : ''}`,
  ];
  const sections: [LinkReport['state'], string][] = [['broken', 'Broken'], ['indeterminate', 'Indeterminate'], ['redirected', 'Redirected']];
  for (const [state, title] of sections) {
    const rows = r.links.filter((l) => l.state === state);
    if (!rows.length) continue;
    out.push('', `### ${title} (${rows.length})`, '', '| URL | Reason | Defined at / pages | What to do |', '| --- | --- | --- | --- |', ...rows.map(row));
  }
  if (r.fixed.length) out.push('', '### Fixed', '', ...r.fixed.map((f) => `- \`${f.id}\`: ${f.from} → ${f.to}`));
  return out.join('\n');
}

import type { LocaleStatus } from './status.ts';

const percent = (n: number, total: number) => (total === 0 ? '–' : `${Math.round((100 * n) / total)}%`);

/**
 * The status report for a terminal: a table of counts per locale, then every record that needs a
 * translator, e.g. `  stale     data/translations/id/errors/a.json:14  code/a/x (human)`.
 */
export function formatStatusText(statuses: LocaleStatus[], source: { code: string; label: string }): string {
  const lines = [`Translations of ${source.label} (${source.code}) content`];
  if (statuses.length === 0) return `${lines[0]}: the site has no other locale`;
  lines.push('');
  lines.push('locale  records  translated  stale  stale (human)  missing  machine  protected terms');
  for (const s of statuses) {
    const c = s.counts;
    lines.push(
      [
        s.locale.padEnd(6), String(c.total).padStart(7), `${c.translated} (${percent(c.translated, c.total)})`.padStart(11),
        String(c.stale).padStart(6), String(c.staleHuman).padStart(14), String(c.missing).padStart(8),
        String(c.machine).padStart(8), String(c.protectedTerms).padStart(16),
      ].join(' '),
    );
  }
  for (const s of statuses) {
    const todo = s.records.filter((r) => r.state !== 'translated' || r.fallbackFields.length > 0);
    if (todo.length === 0 && s.violations.length === 0 && s.ui.missing.length === 0) continue;
    lines.push('', `${s.locale} (${s.label}):`);
    for (const r of todo) {
      const what = r.state === 'translated' ? 'partial' : r.state;
      const how = r.method ? ` (${r.method})` : '';
      const fields = r.fallbackFields.length > 0 && r.state !== 'missing' ? `; untranslated: ${r.fallbackFields.join(', ')}` : '';
      lines.push(`  ${what.padEnd(8)} ${r.file}:${r.line}  ${r.key}${how}${fields}`);
      for (const lost of r.lostTerms ?? []) lines.push(`           ${lost}`);
    }
    if (s.ui.missing.length > 0) lines.push(`  ui       ${s.ui.missing.length} UI strings shown in the source language: ${s.ui.missing.join(', ')}`);
    for (const v of s.violations) {
      lines.push(`  ${'term'.padEnd(8)} ${v.file}:${v.line}:${v.column} ${v.path}: ${v.message}`);
    }
  }
  return lines.join('\n');
}

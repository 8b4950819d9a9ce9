import type { CheckReport, LinkReport } from '../types.ts';

/** Escapes text for an XML attribute or element, e.g. `a<b` → `a&lt;b`. */
export const xml = (s: string): string =>
  s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

function detail(l: LinkReport): string {
  const defined = l.definitions.map((d) => `defined at ${d.definedAt.file}:${d.definedAt.line} (${d.id})`);
  return [l.reason, ...defined, l.pages.length && `pages: ${l.pages.join(', ')}`, l.advice]
    .filter(Boolean).join('\n');
}

function testCase(l: LinkReport): string {
  const name = `<testcase classname="${l.internal ? 'site' : l.registryId ? 'registry' : 'external'}" name="${xml(l.url)}"`;
  if (l.state === 'broken') return `${name}><failure message="${xml(l.reason)}" type="broken">${xml(detail(l))}</failure></testcase>`;
  if (l.state === 'skipped' || l.state === 'indeterminate') return `${name}><skipped message="${xml(`${l.state}: ${l.reason}`)}"/></testcase>`;
  if (l.state === 'redirected') return `${name}><system-out>${xml(detail(l))}</system-out></testcase>`;
  return `${name}/>`;
}

/** One JUnit test case per URL: broken fails, indeterminate and skipped are skipped, the rest pass. */
export function formatJunit(r: CheckReport): string {
  const skipped = r.summary.skipped + r.summary.indeterminate;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="fieldguide check-links" tests="${r.links.length}" failures="${r.summary.broken}" skipped="${skipped}" time="${(r.durationMs / 1000).toFixed(3)}">`,
    `<testsuite name="links" tests="${r.links.length}" failures="${r.summary.broken}" errors="0" skipped="${skipped}" timestamp="${r.startedAt}">`,
    ...r.links.map(testCase),
    '</testsuite>',
    '</testsuites>',
  ].join('\n');
}

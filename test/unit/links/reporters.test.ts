import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatGithub } from '../../../src/links/reporters/github.ts';
import { formatJunit } from '../../../src/links/reporters/junit.ts';
import { formatMarkdown } from '../../../src/links/reporters/markdown.ts';
import type { CheckReport, LinkReport } from '../../../src/links/types.ts';

const link = (over: Partial<LinkReport>): LinkReport => {
  const l: LinkReport = {
    url: 'https://a.example/x?a=1&b=2', state: 'ok', reason: '200', registryId: 'a', field: 'url',
    definedAt: { file: 'data/links.json', line: 7 }, definitions: [], users: [], pages: ['/en/'], requests: 1, ...over,
  };
  return { ...l, definitions: over.definitions ?? (l.registryId && l.definedAt ? [{ id: l.registryId, field: l.field!, definedAt: l.definedAt }] : []) };
};
const report: CheckReport = {
  summary: { checked: 3, ok: 1, redirected: 0, broken: 1, indeterminate: 1, skipped: 0 },
  links: [
    link({ state: 'broken', reason: '404 not found', advice: 'fix it, now' }),
    link({ url: 'https://b.example/|pipe', state: 'indeterminate', reason: '503 server error', registryId: 'b', definedAt: { file: 'data/links.json', line: 9 } }),
    link({ url: 'https://c.example/' }),
  ],
  internal: { checked: 4, broken: 0 }, startedAt: '2026-03-01T00:00:00.000Z', durationMs: 1234, offline: false, fixed: [], warnings: [],
  network: 'reachable', unchecked: 0,
};

test('junit: one test case per URL, broken fails, indeterminate is skipped, text is escaped', () => {
  const xml = formatJunit(report);
  assert.match(xml, /<testsuites name="fieldguide check-links" tests="3" failures="1" skipped="1" time="1\.234">/);
  assert.match(xml, /<testcase classname="registry" name="https:\/\/a\.example\/x\?a=1&amp;b=2"><failure message="404 not found" type="broken">/);
  assert.match(xml, /<skipped message="indeterminate: 503 server error"\/>/);
  assert.equal(xml.match(/<testcase /g)!.length, 3);
});

test('github: errors and warnings on the registry line, with separators escaped in properties', () => {
  const lines = formatGithub(report, '_site').split('\n');
  assert.equal(lines[0], '::error file=data/links.json,line=7,title=Broken link a::https://a.example/x?a=1&b=2: 404 not found. Pages: /en/. fix it, now.');
  assert.match(lines[1], /^::warning file=data\/links\.json,line=9,title=Indeterminate link b::/);
  assert.equal(lines[2], '::notice title=Link check::1 ok, 0 redirected, 1 broken, 1 indeterminate, 0 skipped');
});

test('markdown: counts and one table per state needing attention, pipes escaped', () => {
  const md = formatMarkdown(report);
  assert.match(md, /\| 1 \| 0 \| 1 \| 1 \| 0 \|/);
  assert.match(md, /### Broken \(1\)/);
  assert.match(md, /\| https:\/\/b\.example\/\\\|pipe \| 503 server error \|/);
  assert.doesNotMatch(md, /### Redirected/);
});

test('a URL held by two registry ids: each line is annotated, and every report names both', () => {
  const shared = link({
    state: 'broken', reason: '404 not found', registryId: 'a',
    definitions: [{ id: 'a', field: 'url', definedAt: { file: 'data/links.json', line: 7 } }, { id: 'a-again', field: 'url', definedAt: { file: 'data/links.json', line: 12 } }],
  });
  const two: CheckReport = { ...report, summary: { ...report.summary, broken: 1, indeterminate: 0, ok: 0, checked: 1 }, links: [shared] };
  const lines = formatGithub(two, '_site').split('\n');
  assert.match(lines[0], /^::error file=data\/links\.json,line=7,title=Broken link a::/);
  assert.match(lines[1], /^::error file=data\/links\.json,line=12,title=Broken link a-again::/);
  assert.match(formatMarkdown(two), /\| `data\/links\.json:7` \(a\), `data\/links\.json:12` \(a-again\) \|/);
  assert.match(formatJunit(two), /defined at data\/links\.json:7 \(a\)\ndefined at data\/links\.json:12 \(a-again\)/);
  assert.equal(formatJunit(two).match(/<testcase /g)!.length, 1, 'one finding, one test case');
});

test('a run without a network says so once in each report', () => {
  const offline: CheckReport = { ...report, network: 'unreachable', unchecked: 2 };
  assert.match(formatGithub(offline, '_site'), /^::warning title=Link check::no network: 2 external links not checked$/m);
  assert.match(formatMarkdown(offline), /No network: 2 external links not checked\./);
});

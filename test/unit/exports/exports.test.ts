import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { prepareSite, type PreparedSite } from '../../../src/build/prepare-site.ts';
import { codesSchemaText } from '../../../src/exports/codes-json.ts';
import { htmlToMarkdown } from '../../../src/exports/html-to-markdown.ts';
import { sitemapFiles } from '../../../src/exports/sitemap.ts';
import { fillFeedback } from '../../../src/model/feedback.ts';
import type { Page } from '../../../src/model/types.ts';
import { contentOf } from '../../support/expected-site.ts';
import { fixture } from '../../support/helpers.ts';

const rtl = prepareSite(fixture('rtl-product'));
const beacon = prepareSite(fixture('two-catalogs'));
const fileOf = (site: PreparedSite, path: string) => site.files.find((f) => f.outputPath === path)?.body;
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(JSON.parse(codesSchemaText));

/** Every code of a data folder as `catalog/code` with its aliases, read from the data the site is built from. */
function codesOf(dataDir: string): { key: string; aliases: string[] }[] {
  return contentOf(dataDir).records.filter((r) => r.kind === 'code').map((r) => ({ key: r.ids.join('/'), aliases: (r.value.aliases as string[] | undefined) ?? [] }));
}

test('codes.json of every locale validates against the published schema and lists every code with its aliases and page', () => {
  for (const [site, dir] of [[rtl, fixture('rtl-product')], [beacon, fixture('two-catalogs')]] as const) {
    const pageUrls = new Set(site.pages.map((p) => p.url));
    for (const locale of contentOf(dir).locales) {
      const file = JSON.parse(fileOf(site, `${locale}/codes.json`)!) as { version: number; $schema: string; codes: { catalog: string; code: string; aliases: string[]; url: string }[] };
      const valid = validate(structuredClone(file));
      assert.ok(valid, `${dir} ${locale}: ${JSON.stringify(validate.errors)}`);
      assert.equal(file.version, 1);
      assert.equal(file.$schema, '../codes.schema.json');
      assert.deepEqual(file.codes.map((c: { catalog: string; code: string; aliases: string[] }) => ({ key: `${c.catalog}/${c.code}`, aliases: c.aliases })), codesOf(dir));
      for (const c of file.codes) assert.ok(pageUrls.has(`/${c.url}`), c.url);
    }
  }
  assert.equal(fileOf(rtl, 'codes.schema.json'), codesSchemaText);
});

test('codes.json says how each text was made and gives plain text, in the locale\'s language', () => {
  const he = JSON.parse(fileOf(rtl, 'he/codes.json')!);
  const denied = he.codes.find((c: { code: string }) => c.code === '0x80070005');
  assert.deepEqual(denied.translation, { state: 'translated', method: 'human' });
  assert.deepEqual(denied.aliases, ['E_ACCESSDENIED', '2147942405']);
  assert.doesNotMatch(denied.meaning, /<|`/, 'plain text, no markup');
  assert.match(denied.meaning, /gateway\.conf/);
  assert.equal(denied.url, 'he/errors/harbor-codes/0x80070005/');
  const en = JSON.parse(fileOf(rtl, 'en/codes.json')!);
  assert.ok(en.codes.every((c: { translation: { state: string } }) => c.translation.state === 'source'));
  const de = JSON.parse(fileOf(beacon, 'de/codes.json')!);
  const states = Object.fromEntries(de.codes.map((c: { catalog: string; code: string; translation: { state: string } }) => [`${c.catalog}/${c.code}`, c.translation.state]));
  assert.equal(states['spooler-codes/paper-jam'], 'translated');
  assert.equal(states['driver-codes/offline'], 'missing');
  const catalogs = contentOf(fixture('two-catalogs')).records.filter((r) => r.kind === 'catalog');
  assert.deepEqual(de.catalogs.map((c: { id: string; caseSensitive: boolean }) => [c.id, c.caseSensitive]), catalogs.map((r) => [r.ids[0], r.value.caseSensitive === true]));
  assert.ok(de.catalogs.some((c: { caseSensitive: boolean }) => c.caseSensitive), 'the fixture has a case-sensitive catalog');
  assert.equal(de.site.url, 'https://intranet.example/kb/beacon/');
});

test('without a url in site.json there is no sitemap, and the build says so', () => {
  assert.equal(fileOf(rtl, 'sitemap.xml'), undefined);
  assert.deepEqual(rtl.notes, ['sitemap.xml skipped: site.json gives no "url" (the public address of the site); llms.txt links are relative']);
  assert.deepEqual(beacon.notes, []);
});

test('sitemap.xml lists every content page of every locale with its hreflang alternates, absolute under the site url', () => {
  const xml = fileOf(beacon, 'sitemap.xml')!;
  assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9" xmlns:xhtml="http:\/\/www.w3.org\/1999\/xhtml">\n/);
  const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  const content = beacon.pages.filter((p) => !['root', 'notFound', 'go'].includes(p.kind));
  assert.deepEqual(locs, content.map((p) => `https://intranet.example/kb/beacon${p.url}`));
  const block = xml.split('<url>').find((b) => b.includes('<loc>https://intranet.example/kb/beacon/de/errors/spooler-codes/paper-jam/</loc>'))!;
  assert.deepEqual([...block.matchAll(/hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => [m[1], m[2]]), [
    ['en', 'https://intranet.example/kb/beacon/en/errors/spooler-codes/paper-jam/'],
    ['de', 'https://intranet.example/kb/beacon/de/errors/spooler-codes/paper-jam/'],
    ['x-default', 'https://intranet.example/kb/beacon/en/errors/spooler-codes/paper-jam/'],
  ]);
});

test('past the protocol\'s limit the sitemap becomes an index of parts', () => {
  const files = sitemapFiles(beacon.pages, 'https://intranet.example/kb/', 10);
  const listed = beacon.pages.filter((p) => !['root', 'notFound', 'go'].includes(p.kind)).length;
  assert.equal(files.length, 1 + Math.ceil(listed / 10));
  assert.match(files[0].body, /<sitemapindex [^>]*>\n {2}<sitemap>\n {4}<loc>https:\/\/intranet.example\/kb\/sitemap-1.xml<\/loc>/);
  assert.equal(files.slice(1).reduce((n, f) => n + (f.body.match(/<url>/g) ?? []).length, 0), listed);
});

/** The links of an llms file as [text, target] pairs. */
const linksIn = (text: string) => [...text.matchAll(/\[((?:\\.|[^\]])*)\]\(([^)]+)\)/g)].map((m) => [m[1], m[2]]);

test('llms.txt follows llmstxt.org: a title, a summary quote, then sections of links that lead to pages', () => {
  for (const [site, locale] of [[rtl, 'en'], [rtl, 'he'], [beacon, 'de']] as const) {
    const text = fileOf(site, `${locale}/llms.txt`)!;
    const lines = text.split('\n');
    assert.match(lines[0], /^# \S/);
    assert.equal(lines[1], '');
    assert.match(lines[2], /^> \S/);
    assert.ok(lines.filter((l) => l.startsWith('## ')).length >= 2);
    assert.ok(!lines.some((l) => /^#{3,} /.test(l)), 'llms.txt uses H2 sections only');
    assert.ok(lines.includes('## Optional'));
    // Every line in a section is a link item or a note; items name a page of the site.
    const urls = new Set(site.pages.map((p) => p.url));
    const base = site === beacon ? 'https://intranet.example/kb/beacon' : `http://x/${locale}`;
    for (const [, href] of linksIn(text)) {
      const path = new URL(href, `${base}/${site === beacon ? '' : 'llms.txt'}`).pathname.replace('/kb/beacon', '');
      assert.ok(urls.has(path) || site.files.some((f) => `/${f.outputPath}` === path), `${locale}: ${href}`);
    }
  }
  const he = fileOf(rtl, 'he/llms.txt')!;
  const codes = codesOf(fixture('rtl-product'));
  for (const { key } of codes) assert.ok(he.includes(`(errors/${key}/)`), key);
});

test('llms-full.txt holds every article step and every code in Markdown, with relative or absolute links', () => {
  const full = fileOf(rtl, 'en/llms-full.txt')!;
  const article = rtl.pages.find((p) => p.kind === 'article' && p.locale === 'en')! as Extract<Page, { kind: 'article' }>;
  for (const s of article.steps) assert.ok(full.includes(`### Step ${s.n}: ${s.title}`), s.id);
  for (const { key } of codesOf(fixture('rtl-product'))) assert.ok(full.includes(`Page: errors/${key}/`), key);
  assert.match(full, /Also known as: `E_ACCESSDENIED`, `2147942405`/);
  assert.match(full, /`gateway\.conf`/);
  const de = fileOf(beacon, 'de/llms-full.txt')!;
  assert.match(de, /Page: https:\/\/intranet\.example\/kb\/beacon\/de\/errors\/spooler-codes\/paper-jam\//);
  assert.match(de, /Im Drucker steckt Papier fest\./);
  assert.match(de, /\[manual\]\(https:\/\/example\.test\/beacon\/manual\)/);
  assert.match(de, /\[offline\]\(https:\/\/intranet\.example\/kb\/beacon\/de\/errors\/driver-codes\/offline\/\)/);
  assert.match(fileOf(rtl, 'llms.txt')!, /^# Harbor Gateway troubleshooting\n\n> .+\n\n.+\n\n## Languages\n\n- \[English\]\(en\/llms\.txt\)\n/);
});

test('rendered HTML becomes Markdown: paragraphs, lists, code, emphasis, links through the given resolver', () => {
  const link = (h: string) => `<${h}>`;
  assert.equal(htmlToMarkdown('<p>Open <code dir="ltr">a`b</code> and <strong>Stack Trace...</strong>, see <a href="../x/#s" title="t">the <em>guide</em></a>.</p>\n<ul>\n<li>one</li>\n<li><p>two</p>\n</li>\n</ul>', link),
    'Open ``a`b`` and **Stack Trace...**, see [the *guide*](<../x/#s>).\n\n- one\n- two');
  assert.equal(htmlToMarkdown('<ol><li>a</li><li>b</li></ol><blockquote><p>q</p></blockquote><p>x&amp;y &lt;script&gt; <bdi>Harbor Console</bdi></p>'), '1. a\n2. b\n\n> q\n\nx&y <script> Harbor Console');
});

test('feedback links fill the template per page and answer, encoded, and mailto gets a subject', () => {
  const values = { page: 'en/articles/a b/', locale: 'en', code: '', catalog: '', answer: 'yes' };
  const mail = { subject: 'Did this solve your problem? Yes – A', body: 'en/articles/a b/\n' };
  assert.equal(fillFeedback('https://t.example/new?p={page}&l={locale}&a={answer}', values, mail), 'https://t.example/new?p=en%2Farticles%2Fa%20b%2F&l=en&a=yes');
  assert.equal(fillFeedback('https://t.example/new?p={page}#form', { ...values, answer: 'no' }, mail), 'https://t.example/new?p=en%2Farticles%2Fa%20b%2F&answer=no#form');
  assert.equal(fillFeedback('https://t.example/vote', values, mail), 'https://t.example/vote?answer=yes');
  assert.equal(fillFeedback('mailto:kb@example.test', values, mail), 'mailto:kb@example.test?subject=Did%20this%20solve%20your%20problem%3F%20Yes%20%E2%80%93%20A&body=en%2Farticles%2Fa%20b%2F%0A');
  assert.equal(fillFeedback('mailto:kb@example.test?subject={code}', { ...values, code: 'x/y' }, mail), 'mailto:kb@example.test?subject=x%2Fy');
});

test('the feedback question is on article and code pages only, and only when site.json names a target', () => {
  const asked = beacon.pages.filter((p) => p.feedback).map((p) => p.kind);
  assert.deepEqual([...new Set(asked)].sort(), ['article', 'code']);
  assert.equal(asked.length, beacon.pages.filter((p) => p.kind === 'article' || p.kind === 'code').length);
  const page = beacon.pages.find((p) => p.url === '/de/errors/driver-codes/offline/')!;
  assert.deepEqual(page.feedback!.answers.map((a) => a.href), ['yes', 'no'].map((a) =>
    `https://tickets.example/new?page=${encodeURIComponent('https://intranet.example/kb/beacon/de/errors/driver-codes/offline/')}&lang=de&code=driver-codes/offline&solved=${a}`));
  assert.ok(rtl.pages.every((p) => !p.feedback));
});

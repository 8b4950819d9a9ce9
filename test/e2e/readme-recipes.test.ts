import assert from 'node:assert/strict';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { after, before, test } from 'node:test';
import { listFiles } from '../../src/core/files.ts';
import { contentOf, expectedPages } from '../support/expected-site.ts';
import { root, runCli, tempDir } from '../support/helpers.ts';

/**
 * The README's author recipes ("Add an external link", "Add an error code", "Add a step"),
 * followed literally on a copy of the shipped data: the JSON each recipe shows is read out of
 * README.md, so a README edit that breaks a recipe breaks this test.
 */

const readme = readFileSync(join(root, 'README.md'), 'utf8');
const tmp = tempDir('fieldguide-recipes-');
let base: Built;
before(() => {
  base = built(copyOfData('base'), 'base');
  assert.ok(base.locales.includes('id') && base.source === 'en', 'the shipped data is English with an Indonesian translation');
});
after(() => tmp.cleanup());

/** The prose and the ```json block of the README section under `heading`, e.g. `### Add a step`. */
function recipe(heading: string): { prose: string; json: string } {
  const lines = readme.split('\n');
  const start = lines.indexOf(heading);
  assert.ok(start >= 0, `README.md has a section "${heading}"`);
  const next = lines.findIndex((l, i) => i > start && /^#{1,3} /.test(l));
  const section = lines.slice(start + 1, next < 0 ? undefined : next).join('\n');
  const fence = /^```json\n([\s\S]*?)\n```$/m.exec(section);
  assert.ok(fence, `"${heading}" shows its JSON in a \`\`\`json block`);
  return { prose: section.replace(fence[0], ''), json: fence[1] };
}

/** The data file a recipe's prose names, e.g. `data/errors/mim-run-status.json`, relative to the data folder. */
function namedFile(prose: string, folder: string): string {
  const m = new RegExp(`\`data/(${folder}/[^\`]+\\.json)\``).exec(prose);
  assert.ok(m, `the recipe names the file under data/${folder}/ to edit`);
  return m[1];
}

function copyOfData(name: string): string {
  const dir = join(tmp.dir, `data-${name}`);
  cpSync(join(root, 'data'), dir, { recursive: true });
  return dir;
}

function editJson(file: string, edit: (value: any) => void): void {
  const value = JSON.parse(readFileSync(file, 'utf8'));
  edit(value);
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

interface Built {
  data: string;
  out: string;
  locales: string[];
  source: string;
  /** Pages in each locale's search index, as Pagefind reports them. */
  indexed: Record<string, number>;
  page: (path: string) => string;
}

/** Builds a data folder with `fieldguide build`, as an author would, and checks it wrote exactly the pages its data calls for. */
function built(data: string, name: string): Built {
  const out = join(tmp.dir, `site-${name}`);
  const r = runCli(['build', '--data', data, '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(listFiles(out).filter((f) => f.endsWith('.html')).sort(), expectedPages(data));
  const entry = JSON.parse(readFileSync(join(out, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  const { locales, defaultLocale } = contentOf(data);
  return {
    data, out, locales, source: defaultLocale,
    indexed: Object.fromEntries(Object.entries(entry.languages).map(([l, v]) => [l, v.page_count])),
    page: (path) => readFileSync(join(out, path), 'utf8'),
  };
}

/** Text as Markdown output escapes it. */
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** Text as the templates print it (apostrophes too). */
const printed = (s: string) => escapeHtml(s).replace(/'/g, '&#39;');
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** How the shipped Indonesian pages say a text is not yet translated. */
const notYetTranslated: Record<string, RegExp> = { id: /<p class="notice notice-fallback">Belum diterjemahkan: teks ini ditampilkan dalam bahasa Inggris\./ };

/** Each search index holds exactly one more page (or step) than the shipped site's. */
function assertOneMoreResult(site: Built): void {
  assert.deepEqual(Object.keys(site.indexed).sort(), [...site.locales].sort());
  for (const l of site.locales) assert.equal(site.indexed[l], base.indexed[l] + 1, `search index (${l})`);
}

test('"Add an error code": the README\'s code, appended to the catalog it names, gets its page in every language, a row and a search result', () => {
  const { prose, json } = recipe('### Add an error code');
  const code = JSON.parse(json);
  const file = namedFile(prose, 'errors');
  const data = copyOfData('code');
  let catalog: { id: string; phases?: { id: string }[]; codes: { code: string }[] } = { id: '', codes: [] };
  editJson(join(data, file), (c) => {
    assert.ok(!c.codes.some((x: { code: string }) => x.code === code.code), `"${code.code}" is not yet in ${file}`);
    if (c.phases) {
      const ids = c.phases.map((p: { id: string }) => p.id);
      assert.ok(code.phases?.length && code.phases.every((p: string) => ids.includes(p)), `${file} has phases; the README's code must list some of ${ids.join(', ')}`);
    }
    c.codes.push(code);
    catalog = c;
  });
  const site = built(data, 'code');

  for (const l of site.locales) {
    const path = `${l}/errors/${catalog.id}/${code.code}/index.html`;
    assert.ok(existsSync(join(site.out, path)), path);
    const page = site.page(path);
    assert.match(page, new RegExp(`<h1[^>]*>\\s*(<[^>]+>)*${escapeRe(code.code)}`), `${path} is headed by the code`);
    if (l !== site.source) assert.match(page, notYetTranslated[l] ?? /class="notice notice-fallback"/, `${path} says it is not yet translated`);

    const rows = (s: Built) => [...s.page(`${l}/errors/${catalog.id}/index.html`).matchAll(/<tr[^>]*><th scope="row"><a href="([^"]+)"[^]*?<\/tr>/g)];
    assert.deepEqual(rows(site).map((m) => m[1]), [...rows(base).map((m) => m[1]), `${code.code}/`], `the catalog table (${l}) has one more row, the new code's`);
    const row = rows(site).at(-1)![0];
    if (l !== site.source) assert.match(row, new RegExp(`^<tr id="${escapeRe(code.code)}" lang="${site.source}" dir="ltr">.*class="mark mark-fallback"`), `${l}: the new row is marked as not yet translated`);
  }
  const en = site.page(`${site.source}/errors/${catalog.id}/${code.code}/index.html`);
  assert.ok(en.includes(escapeHtml(code.meaning)), 'the code page shows its meaning');
  for (const ref of code.related ?? []) {
    const back = site.page(`${site.source}/errors/${ref}/index.html`);
    const href = `${posix.relative(`/errors/${ref}`, `/errors/${catalog.id}/${code.code}`)}/`;
    assert.ok(back.includes(`href="${href}"`), `${ref} lists the new code as related (${href})`);
  }
  const registry = JSON.parse(readFileSync(join(data, 'links.json'), 'utf8')).links;
  for (const id of code.links ?? []) assert.ok(en.includes(`href="${printed(registry[id].url)}"`), `the code page links ${id}`);
  assertOneMoreResult(site);
});

test('"Add an external link": the README\'s entry, under its new id, is on the references page in every language, and a link: use of it renders', () => {
  const { prose, json } = recipe('### Add an external link');
  const entries = Object.entries(JSON.parse(`{${json}}`)) as [string, { url: string; title: string; history?: { url: string }[] }][];
  assert.equal(entries.length, 1, 'the recipe shows one registry entry');
  const [[id, link]] = entries;
  const use = /`(\[([^\]]+)\]\(link:([^)\s]+)\))`/.exec(prose);
  assert.ok(use, 'the recipe shows how text points at the link');
  assert.equal(use[3], id, 'the example use names the new id');

  const data = copyOfData('link');
  editJson(join(data, 'links.json'), (registry) => {
    assert.ok(!(id in registry.links), `"${id}" is a new id in links.json`);
    registry.links[id] = link;
  });
  const article = readdirSync(join(data, 'articles')).sort()[0];
  let where = '';
  editJson(join(data, 'articles', article), (a) => {
    a.steps[0].text = `${a.steps[0].text} See ${use[1]}.`;
    where = `${a.id}/#${a.steps[0].id}`;
  });
  const site = built(data, 'link');

  for (const l of site.locales) {
    const refs = site.page(`${l}/references/index.html`);
    const section = new RegExp(`<section class="reference" id="${escapeRe(id)}"[\\s\\S]*?</section>`).exec(refs)?.[0];
    assert.ok(section, `the references page (${l}) has a section for ${id}`);
    assert.ok(section.includes(`<a class="ext" href="${printed(link.url)}">${printed(link.title)}</a>`), `${l}: its title links its address`);
    for (const old of link.history ?? []) assert.ok(section.includes(`<code dir="ltr">${printed(old.url)}</code>`), `${l}: former address ${old.url}`);
    assert.ok(section.includes(`href="../articles/${where}"`), `${l}: it names the step that uses it`);
  }
  const page = site.page(`${site.source}/articles/${where.split('/#')[0]}/index.html`);
  assert.ok(page.includes(`<a href="${escapeHtml(link.url)}" title="${escapeHtml(link.title)}" class="ext">${escapeHtml(use[2])}</a>`), 'the step links the address, with the title as its tooltip');
});

test('"Add a step": the README\'s step, appended to the article it names, is shown with its anchor in every language, marked not yet translated outside the source', () => {
  const { prose, json } = recipe('### Add a step');
  const step = JSON.parse(json);
  const file = namedFile(prose, 'articles');
  const data = copyOfData('step');
  let article = '';
  let n = 0;
  editJson(join(data, file), (a) => {
    assert.ok(!a.steps.some((s: { id: string }) => s.id === step.id), `"${step.id}" is a new step id in ${file}`);
    a.steps.push(step);
    article = a.id;
    n = a.steps.length;
  });
  const site = built(data, 'step');

  for (const l of site.locales) {
    const page = site.page(`${l}/articles/${article}/index.html`);
    const li = new RegExp(`<li class="step" id="${escapeRe(step.id)}">[\\s\\S]*?</li>\\s*</ol>`).exec(page)?.[0];
    assert.ok(li, `${l}: the step is the last of the article, with its id as anchor`);
    assert.match(li, new RegExp(`<span class="step-n">[^<]*\\b${n}</span>`), `${l}: numbered ${n}`);
    assert.ok(li.includes(`<a class="anchor" href="#${step.id}"`), `${l}: links to its own anchor`);
    if (l === site.source) {
      assert.ok(li.includes(printed(step.title)), `${l}: shows its title`);
      assert.doesNotMatch(li, /notice-fallback/);
    } else {
      assert.ok(li.includes(`<span lang="${site.source}" dir="ltr">${printed(step.title)}</span>`), `${l}: shows the source title, marked with its language`);
      assert.match(li, notYetTranslated[l] ?? /<p class="notice notice-fallback">/, `${l}: says it is not yet translated`);
      assert.ok(li.includes(`<a href="../../../${site.source}/articles/${article}/#${step.id}">`), `${l}: links the same step in the source language`);
    }
  }
  for (const ref of step.errors ?? []) {
    const code = site.page(`${site.source}/errors/${ref}/index.html`);
    assert.ok(code.includes(`href="../../../articles/${article}/#${step.id}"`), `the page of ${ref} lists the step`);
  }
  assertOneMoreResult(site);
});

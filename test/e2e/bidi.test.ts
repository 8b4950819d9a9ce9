import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { fixture } from '../support/helpers.ts';
import { servedBuild } from '../support/served-build.ts';
import { htmlErrors } from '../support/validate-html.ts';
import { typeSearch } from '../support/search.ts';

// Harbor Gateway in English and Hebrew: codes, code spans, URLs and glossary terms inside Hebrew text.
const site = servedBuild({ tmpPrefix: 'fieldguide-bidi-', data: () => fixture('rtl-product') });
const read = (file: string) => JSON.parse(readFileSync(fixture(`rtl-product/${file}`), 'utf8'));
const glossary: string[] = read('site.json').glossary;
const source = read('articles/restore-gateway.json') as { steps: { id: string; text: string }[] };
const hebrew = read('translations/he/articles/restore-gateway.json') as { steps: Record<string, { text: string }> };
const catalog = read('errors/harbor-codes.json') as { codes: { code: string; phases: string[] }[] };
const hebrewSteps = Object.values(hebrew.steps).map((s) => s.text);

const codeSpans = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
const codeNameLinks = (text: string) => [...text.matchAll(/\[([^\]]+)\]\(error:[^/)]+\/([^)]+)\)/g)].filter((m) => m[1] === m[2]).map((m) => m[1]);
const termCount = (text: string) => glossary.reduce((n, t) => n + text.split(t).length - 1, 0);

interface Box { left: number; right: number; top: number }
interface Measure {
  /** Box of the first occurrence of `needle` in the text of `el`. */
  fgBoxIn: (el: Element, needle: string) => Box;
  /** Box of the first `n` characters of the text right after `el`, or the last `n` right before it. */
  fgBoxNext: (el: Element, n: number) => Box;
  fgBoxPrev: (el: Element, n: number) => Box;
}
// Installed as a string: functions defined inside page.evaluate would be rewritten by the test's transpiler.
const measureScript = `
  const box = (node, start, end) => {
    const r = document.createRange();
    r.setStart(node, start);
    r.setEnd(node, end);
    const b = r.getBoundingClientRect();
    return { left: b.left, right: b.right, top: b.top };
  };
  window.fgBoxIn = (el, needle) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.data.indexOf(needle);
      if (i >= 0) return box(n, i, i + needle.length);
    }
    throw new Error('not found: ' + needle);
  };
  window.fgBoxNext = (el, n) => box(el.nextSibling, 0, n);
  window.fgBoxPrev = (el, n) => box(el.previousSibling, el.previousSibling.data.length - n, el.previousSibling.data.length);
`;

/** Opens a page in the file's tab, at a width, with the measuring helpers above. */
async function open(path: string, width = 1280): Promise<Page> {
  const page = await site.open(path, { viewport: { width, height: 900 } });
  await page.evaluate(measureScript);
  return page;
}

const boxIn = (l: Locator, needle: string) => l.evaluate((el, s) => (window as unknown as Measure).fgBoxIn(el, s), needle);
const boxNext = (l: Locator, n = 1) => l.evaluate((el, k) => (window as unknown as Measure).fgBoxNext(el, k), n);
const boxPrev = (l: Locator, n = 1) => l.evaluate((el, k) => (window as unknown as Measure).fgBoxPrev(el, k), n);
const box = (l: Locator) => l.evaluate((el) => { const b = el.getBoundingClientRect(); return { left: b.left, right: b.right, top: b.top }; });

/** Asserts that `a` is drawn left of `b` on the same line. */
function leftOf(a: Box, b: Box, what: string): void {
  assert.ok(Math.abs(a.top - b.top) < 4, `${what}: on one line (tops ${a.top}, ${b.top})`);
  assert.ok(a.right <= b.left + 0.5, `${what}: ${JSON.stringify(a)} is left of ${JSON.stringify(b)}`);
}

const hebrewPages = ['he/articles/restore-gateway/', 'he/errors/harbor-codes/', 'he/errors/harbor-codes/0x80070005/', 'he/references/'];

test('on Hebrew pages every code is a left-to-right isolate inside right-to-left text', async () => {
  for (const path of hebrewPages) {
    const page = await open(path);
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl', path);
    const codes = await page.locator('main code').evaluateAll((els) =>
      els.map((el) => ({ text: el.textContent, style: [getComputedStyle(el).direction, getComputedStyle(el).unicodeBidi], around: getComputedStyle(el.parentElement!).direction })));
    assert.ok(codes.length > 0, path);
    for (const c of codes) assert.deepEqual([...c.style, c.around], ['ltr', 'isolate', 'rtl'], `${path}: <code>${c.text}</code>`);
    if (path.includes('articles')) {
      const inSteps = await page.locator('.step-text code').allTextContents();
      assert.deepEqual(inSteps, hebrewSteps.flatMap(codeSpans));
    }
    if (path.endsWith('harbor-codes/')) {
      const rows = await page.locator('table.codes tbody th code').allTextContents();
      assert.equal(rows.length, catalog.codes.reduce((n, c) => n + c.phases.length, 0), 'one row per code and phase');
    }
  }
});

test('on the Hebrew article, glossary terms and codes written as link text are <bdi> isolates', async () => {
  const page = await open('he/articles/restore-gateway/');
  const steps = page.locator('.step-text');
  const bdi = await steps.locator('bdi').evaluateAll((els) => els.map((el) => ({ text: el.textContent!, bidi: getComputedStyle(el).unicodeBidi, inLink: el.parentElement!.localName === 'a' })));
  for (const b of bdi) assert.equal(b.bidi, 'isolate', b.text);
  assert.deepEqual(bdi.filter((b) => b.inLink).map((b) => b.text), hebrewSteps.flatMap(codeNameLinks));
  const terms = bdi.filter((b) => !b.inLink).map((b) => b.text);
  assert.equal(terms.length, hebrewSteps.reduce((n, t) => n + termCount(t), 0));
  for (const t of terms) assert.ok(glossary.includes(t), t);
  // No occurrence is left outside an isolate, anywhere in the page's main text.
  const loose = await page.locator('main').evaluate((main, words) => {
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    const out: string[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.parentElement!.closest('bdi, code') && words.some((w) => n.textContent!.includes(w))) out.push(n.textContent!);
    }
    return out;
  }, glossary);
  assert.deepEqual(loose, []);
});

test('in Hebrew step text, punctuation stays beside its code and codes keep their own order', async () => {
  const page = await open('he/articles/restore-gateway/');
  const stop = page.locator('#stop-sync-agent .step-text');
  const conf = stop.locator('code', { hasText: 'gateway.conf' });
  // Right to left, what follows a word is drawn on its left: the full stop ends the sentence.
  leftOf(await boxNext(conf), await box(conf), 'the full stop after gateway.conf');
  leftOf(await boxIn(conf, 'gateway'), await boxIn(conf, 'conf'), 'gateway before conf inside the code');
  const link = stop.locator('a', { hasText: '0x80070005' });
  leftOf(await boxNext(link), await box(link), 'the comma after the error link');

  const restore = page.locator('#restore-config .step-text');
  const refused = restore.locator('code', { hasText: /^0x80070005$/ });
  leftOf(await box(refused), await boxPrev(refused), 'the opening parenthesis before 0x80070005');
  leftOf(await boxNext(refused), await box(refused), 'the closing parenthesis after 0x80070005');
  const command = restore.locator('code', { hasText: 'harbor-restore.exe' });
  leftOf(await boxIn(command, '.\\'), await boxIn(command, 'harbor'), 'the .\\ that starts the command');
  leftOf(await boxIn(command, 'harbor-restore.exe'), await boxIn(command, '--latest'), 'the command before its option');
  const label = restore.locator('bdi', { hasText: 'Restore from Backup...' });
  leftOf(await boxIn(label, 'Restore'), await boxIn(label, 'Backup'), 'the words of the menu label');
  leftOf(await boxIn(label, 'Backup'), await boxIn(label, '...'), 'the ellipsis that ends the menu label');

  // The same sentence without the isolates shows what they prevent.
  const p = restore.locator('p');
  await p.evaluate((el) => {
    for (const c of el.querySelectorAll('code')) c.removeAttribute('dir');
    for (const b of el.querySelectorAll('bdi')) b.replaceWith(...b.childNodes);
    el.normalize();
  });
  const slash = await boxIn(p, '.\\');
  assert.ok(slash.left > (await boxIn(p, 'harbor-restore')).right, 'without isolation .\\ jumps to the far side of the command');
  assert.ok((await boxIn(p, '...')).right <= (await boxIn(p, 'Restore')).left, 'without isolation the ellipsis jumps before the label');
});

test('in a 360 px viewport the Hebrew pages do not scroll sideways', async () => {
  for (const path of hebrewPages) {
    const page = await open(path, 360);
    const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    assert.ok(scroll <= client, `${path}: ${scroll} > ${client}`);
  }
});

test('English pages read as before: the same text, codes as code, no dir but on code', async () => {
  for (const path of ['en/articles/restore-gateway/', 'en/errors/harbor-codes/', 'en/errors/harbor-codes/0x80070005/']) {
    const page = await open(path);
    assert.equal(await page.locator('html').getAttribute('dir'), 'ltr', path);
    assert.equal(await page.locator('bdi').count(), 0, `${path}: no glossary isolates in left-to-right pages`);
    const withDir = await page.locator('body [dir]').evaluateAll((els) => els.map((el) => `${el.localName}[dir=${el.getAttribute('dir')}]`));
    assert.ok(withDir.length > 0 && withDir.every((d) => d === 'code[dir=ltr]'), `${path}: ${withDir}`);
    if (path.includes('articles')) {
      for (const step of source.steps) {
        const text = page.locator(`#${step.id} .step-text`);
        const plain = step.text.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/`/g, '');
        assert.equal((await text.textContent())?.trim(), plain, step.id);
        assert.deepEqual(await text.locator('code').allTextContents(), codeSpans(step.text));
      }
    }
  }
});

test('a search on a Hebrew page shows the code of its result as a left-to-right isolate', async () => {
  const page = await open('he/articles/restore-gateway/');
  const code = (await typeSearch(page, '0x80070005')).first().locator('code');
  assert.equal(await code.textContent(), '0x80070005');
  assert.deepEqual(await code.evaluate((el) => [getComputedStyle(el).direction, getComputedStyle(el).unicodeBidi]), ['ltr', 'isolate']);
});

test('the isolates leave every page of the site valid HTML', async () => {
  const { pages, errors } = await htmlErrors(site.out);
  assert.ok(pages > 0);
  assert.deepEqual(errors, []);
});

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { selfLocating } from '../../../src/build/self-locating.ts';
import { listFiles } from '../../../src/core/files.ts';
import { notFoundFileFor } from '../../../src/serve/not-found-file.ts';
import { root, tempDir } from '../../support/helpers.ts';

const page = `<!doctype html>
<html lang="id">
<head>
<link rel="stylesheet" href="../assets/site.css">
<link rel="icon" href="../assets/favicon.svg" type="image/svg+xml">
<script src="../assets/language-switch.js" defer></script>
</head>
<body>
<a href="./">Beranda</a>
<script src="../assets/search.js" defer></script>
</body>
</html>
`;

test('selfLocating puts the stylesheet inline byte for byte, takes the scripts out and hands them, in order, to the locator', () => {
  const asked: string[] = [];
  const out = selfLocating(page, {
    locator: { locales: ['en', 'id'], base: 'id/', probe: 'assets/site.css' },
    stylesheet: (path) => (asked.push(path), 'body { font: 1rem/1.5 system-ui; }\n'),
    script: '(() => {})();\n',
  });
  assert.deepEqual(asked, ['assets/site.css'], 'asked by its path from the site root');
  assert.ok(out.includes('<style>body { font: 1rem/1.5 system-ui; }\n</style>\n<link rel="icon" href="../assets/favicon.svg"'), out);
  assert.doesNotMatch(out, /<script src=|rel="stylesheet"/);
  assert.ok(out.endsWith(
    '<a href="./">Beranda</a>\n'
    + '<script data-locales="en id" data-base="id/" data-probe="assets/site.css" data-scripts="../assets/language-switch.js ../assets/search.js">(() => {})();\n</script>\n'
    + '</body>\n</html>\n',
  ), out);
});

test('selfLocating refuses text that would end its inline element early', () => {
  const options = { locator: { locales: ['en'], base: '', probe: 'assets/site.css' }, script: '' };
  assert.throws(() => selfLocating(page, { ...options, stylesheet: () => 'a::after { content: "</style>"; }' }), /assets\/site\.css contains "<\/style" and cannot be carried inline/);
  assert.throws(() => selfLocating(page, { ...options, stylesheet: () => '', script: 'x = "</script>"' }), /the locator script contains "<\/script"/);
});

test('a missing address gets the 404 page of its first folder, else the site\'s; an address with a page gets none', () => {
  const { dir, cleanup } = tempDir();
  try {
    for (const f of ['404.html', 'index.html', 'id/404.html', 'id/index.html', 'id/errors/a/index.html', 'assets/site.css']) {
      mkdirSync(join(dir, f, '..'), { recursive: true });
      writeFileSync(join(dir, f), f);
    }
    const of = (path: string) => notFoundFileFor(dir, path)?.slice(dir.length + 1);
    assert.equal(of('/id/errors/a/b/c/'), 'id/404.html');
    assert.equal(of('/id/nope'), 'id/404.html');
    assert.equal(of('/en/errors/x/y/'), '404.html', 'a folder without a 404 page of its own');
    assert.equal(of('/nowhere/at/all/'), '404.html');
    assert.equal(of('/assets/missing.css'), '404.html');
    assert.equal(of('/404.html/x'), '404.html');
    for (const path of ['/', '/id/', '/id', '/id/errors/a/', '/assets/site.css', '/404.html', '/id/404.html']) assert.equal(of(path), undefined, path);
    assert.equal(of('/../../etc/passwd'), undefined, 'an address outside the site is left to the server');
  } finally {
    cleanup();
  }
});

test('every server recipe under deploy/ that sets a Content-Security-Policy allows the 404 pages\' inline script and stylesheet by their hashes', () => {
  const hashOf = (file: string) => `'sha256-${createHash('sha256').update(readFileSync(join(root, file))).digest('base64')}'`;
  const script = hashOf('src/assets/not-found.js');
  const style = hashOf('src/assets/site.css');
  const recipes = listFiles(join(root, 'deploy')).map((f) => `deploy/${f}`);
  const policies = recipes.flatMap((file) => [...readFileSync(join(root, file), 'utf8').matchAll(/Content-Security-Policy[^\n]*?"([^"]*default-src[^"]*)"/g)].map((m) => ({ file, policy: m[1] })));
  assert.ok(policies.some((p) => p.file === 'deploy/nginx.conf'), 'the nginx recipe sets one');
  for (const { file, policy } of policies) {
    const directive = (name: string) => policy.split(/;\s*/).find((d) => d.startsWith(`${name} `)) ?? '';
    assert.ok(directive('script-src').split(' ').includes(script), `script-src in ${file} needs ${script}, the hash of src/assets/not-found.js: ${directive('script-src')}`);
    assert.ok(directive('style-src').split(' ').includes(style), `style-src in ${file} needs ${style}, the hash of src/assets/site.css: ${directive('style-src')}`);
  }
});

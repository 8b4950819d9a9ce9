import assert from 'node:assert/strict';
import { test } from 'node:test';
import { outputPathOf, relativeHref } from '../../../src/model/urls.ts';

test('relativeHref links pages so the site works under any sub-path', () => {
  assert.equal(relativeHref('/en/errors/a/b/', '/en/articles/x/#step'), '../../../articles/x/#step');
  assert.equal(relativeHref('/en/', '/en/'), './');
  assert.equal(relativeHref('/en/', '/assets/site.css'), '../assets/site.css');
  assert.equal(relativeHref('/en/articles/x/', '/en/articles/x/#s'), '#s');
  assert.equal(relativeHref('/', '/en/'), 'en/');
  assert.equal(relativeHref('/en/404.html', '/en/references/'), 'references/');
});

test('outputPathOf writes folders as index.html', () => {
  assert.equal(outputPathOf('/en/x/'), 'en/x/index.html');
  assert.equal(outputPathOf('/'), 'index.html');
  assert.equal(outputPathOf('/404.html'), '404.html');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { offlineHref, offlineHtml } from '../../../src/offline/offline-links.ts';

test('offline links name index.html for folders and keep everything else', () => {
  assert.equal(offlineHref('../x/'), '../x/index.html');
  assert.equal(offlineHref('../x/#a'), '../x/index.html#a');
  assert.equal(offlineHref('./'), './index.html');
  assert.equal(offlineHref('..'), '../index.html');
  assert.equal(offlineHref('#main'), '#main');
  assert.equal(offlineHref('../assets/site.css'), '../assets/site.css');
  assert.equal(offlineHref('https://example.com/a/'), 'https://example.com/a/');
  assert.equal(offlineHref('mailto:a@b'), 'mailto:a@b');
});

test('offlineHtml rewrites hrefs and the refresh URL, and marks the search box as offline', () => {
  const html = '<meta http-equiv="refresh" content="0; url=en/"><a href="en/">x</a><search class="site-search" hidden>';
  assert.equal(offlineHtml(html), '<meta http-equiv="refresh" content="0; url=en/index.html"><a href="en/index.html">x</a><search data-offline class="site-search" hidden>');
});

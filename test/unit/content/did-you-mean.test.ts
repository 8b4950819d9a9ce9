import assert from 'node:assert/strict';
import { test } from 'node:test';
import { didYouMean, editDistance } from '../../../src/content/did-you-mean.ts';
import { idProblem, suggestId } from '../../../src/content/ids.ts';

test('didYouMean finds transpositions but not unrelated ids', () => {
  assert.equal(editDistance('kitten', 'sitting'), 3);
  assert.equal(didYouMean('technet-7551', ['technet-7515', 'technet-4159']), 'technet-7515');
  assert.equal(didYouMean('zzz', ['technet-7515']), undefined);
});

test('ids that cannot be URL segments or file names are rejected with a reason', () => {
  assert.equal(idProblem('stopped-server'), undefined);
  assert.equal(idProblem('0x8007.5_b'), undefined);
  assert.equal(idProblem('../x'), 'contains "/"');
  assert.equal(idProblem('a/b'), 'contains "/"');
  assert.equal(idProblem('a..b'), 'contains ".."');
  assert.equal(idProblem('a b'), 'contains white space');
  assert.equal(idProblem('CON'), 'is a reserved file name on Windows');
  assert.equal(idProblem('x'.repeat(101)), 'is longer than 100 characters');
  assert.equal(idProblem(''), 'is empty');
  assert.equal(idProblem('-x'), 'may only hold letters, digits, ".", "_" and "-", starting with a letter or digit');
  assert.equal(suggestId('Stopped Server'), 'stopped-server');
});

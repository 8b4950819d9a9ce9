import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fixture } from '../../support/helpers.ts';
import { docsMeta, isoDate, robotsPolicy } from '../../../src/import/docs-meta.ts';
import { readFrontMatter } from '../../../src/import/front-matter.ts';
import { ImportError } from '../../../src/import/types.ts';

const seed = readFileSync(fixture('import/configure-mim-sync-service.id.md'), 'utf8');

test('the seed front matter maps to updated, owner, audience, robots and machine provenance', () => {
  const fm = readFrontMatter('seed.md', seed);
  assert.equal(fm.bodyLine, 23);
  assert.match(fm.body, /^# <a name="configure-mim-sync-service"><\/a>/);
  assert.deepEqual(fm.values['ms.custom'], ['8472', '9004688']);
  assert.deepEqual(docsMeta('seed.md', fm), {
    title: 'Mengonfigurasi Layanan Sinkronisasi MIM', summary: undefined,
    updated: '2021-02-19', owner: 'v-smandalika', audience: 'admin', robots: 'noindex, nofollow',
    translation: {
      locale: 'id-ID', method: 'machine', date: '2021-03-04',
      provenance: {
        file: 'seed.md', contentLocale: 'id-ID', translationType: 'MT', lastHandoff: '2021-03-04',
        openLocFileHash: '48e9a0e8c26088b690092bfaedfba641841739f6', sourceGitCommit: '379e132c4d21ecf703d5506484ec96a767fdda39', locFileId: '50481872',
      },
    },
  });
});

test('HT is a human translation; scalars stay text, leading zeros and all', () => {
  const fm = readFrontMatter('a.md', '---\nms.translationtype: HT\nms.contentlocale: fr-FR\nms.locfileid: 0042\n---\n# T\n');
  const meta = docsMeta('a.md', fm);
  assert.equal(meta.translation?.method, 'human');
  assert.equal(meta.translation?.provenance.locFileId, '0042');
});

/** The single problem an import error carries, formatted as file:line:col message. */
function failure(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof ImportError);
    return err.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`).join('\n');
  }
  assert.fail('expected an ImportError');
}

test('malformed, unclosed or wrongly typed front matter is located in the markdown file', () => {
  assert.equal(failure(() => readFrontMatter('a.md', '---\ntitle: x\ntitle: y\n---\n')), 'a.md:3:1 invalid front matter: Map keys must be unique');
  assert.equal(failure(() => readFrontMatter('a.md', '---\ntitle: x\n# no end\n')), 'a.md:1:1 front matter opened on line 1 is never closed');
  assert.equal(failure(() => docsMeta('a.md', readFrontMatter('a.md', '---\ntitle: x\nms.date: 31/02/2021\n---\n'))), 'a.md:3:1 front matter ms.date "31/02/2021" is not a date');
  assert.equal(failure(() => docsMeta('a.md', readFrontMatter('a.md', '---\nms.translationtype: XX\n---\n'))), 'a.md:2:1 front matter ms.translationtype "XX" is neither MT nor HT');
});

test('a file without front matter is all body', () => {
  assert.deepEqual(readFrontMatter('a.md', '# Title\n\n1. a\n'), { values: {}, positions: {}, body: '# Title\n\n1. a\n', bodyLine: 1 });
});

test('dates and robots policies are normalized', () => {
  assert.equal(isoDate('02/19/2021'), '2021-02-19');
  assert.equal(isoDate('2021-2-9'), '2021-02-09');
  assert.equal(isoDate('02/30/2021'), undefined);
  assert.equal(isoDate('yesterday'), undefined);
  assert.equal(robotsPolicy('NOINDEX,NOFOLLOW'), 'noindex, nofollow');
});

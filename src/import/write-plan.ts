import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { loadTranslatedContent } from '../build/prepare-site.ts';
import { ContentError } from '../core/errors.ts';
import { displayPath } from '../content/json-source.ts';
import type { Problem } from '../content/problems.ts';
import type { FileChange } from './plan.ts';

/** What happened (or would happen) to one file. */
export type ChangeState = 'created' | 'updated' | 'unchanged';

/** Whether writing `change` would create, update or leave its file as it is. */
export function changeState(change: FileChange): ChangeState {
  if (!existsSync(change.path)) return 'created';
  return readFileSync(change.path, 'utf8') === change.text ? 'unchanged' : 'updated';
}

/**
 * Every problem the data folder would have with the changes applied, found by the same loader
 * the build uses, on a scratch copy (so nothing in `dataDir` is touched); paths name `dataDir`.
 */
export function validateChanges(dataDir: string, changes: readonly FileChange[]): Problem[] {
  const scratch = mkdtempSync(join(tmpdir(), 'fieldguide-import-'));
  try {
    const copy = join(scratch, 'data');
    cpSync(dataDir, copy, { recursive: true });
    for (const c of changes) {
      const target = join(copy, relative(dataDir, c.path));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, c.text);
    }
    try {
      return loadTranslatedContent(copy).problems.filter((p) => p.severity === 'error');
    } catch (err) {
      if (!(err instanceof ContentError)) throw err;
      const from = displayPath(copy);
      const to = displayPath(dataDir);
      return err.problems.map((p) => ({ ...p, file: p.file.replace(from, to), message: p.message.split(from).join(to) }));
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Writes each changed file whole (through a temporary file and a rename), returning what happened to each. */
export function applyChanges(changes: readonly FileChange[]): { path: string; state: ChangeState }[] {
  return changes.map((c) => {
    const state = changeState(c);
    if (state !== 'unchanged') {
      mkdirSync(dirname(c.path), { recursive: true });
      const temp = `${c.path}.${process.pid}.tmp`;
      writeFileSync(temp, c.text);
      renameSync(temp, c.path);
    }
    return { path: c.path, state };
  });
}

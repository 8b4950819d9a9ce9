import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ProjectFile } from './project-files.ts';

/**
 * What a folder may hold and still count as empty for `init`: git's folder, and what installing
 * Fieldguide there first leaves (`npm install fieldguide` writes package.json, its lock file and
 * node_modules/), so `npm install fieldguide && npx fieldguide init` works in a new folder.
 */
export const ignorableEntries = new Set(['.git', 'node_modules', 'package.json', 'package-lock.json', '.npmrc']);

/** The entries that make a folder not empty for `init`, e.g. `['README.md', 'data']`; none for a missing folder. */
export function occupyingEntries(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((e) => !ignorableEntries.has(e)).sort();
}

/** What happened to each file of the plan. */
export interface WriteResult {
  written: ProjectFile[];
  /** Files that were there already and were left as they are. */
  kept: ProjectFile[];
  /** Files not written because the folder already had content of its own (a data/site.json). */
  skipped: ProjectFile[];
}

/**
 * Writes the files a folder lacks and keeps every file it has. When the folder already has a
 * `data/site.json`, none of the example's content or translations is added, so an author's own
 * content is never mixed with the example's records (which would refer to each other).
 */
export function writeProject(dir: string, files: readonly ProjectFile[]): WriteResult {
  const hasContent = existsSync(join(dir, 'data', 'site.json'));
  const result: WriteResult = { written: [], kept: [], skipped: [] };
  for (const file of files) {
    const target = join(dir, file.path);
    if (existsSync(target)) result.kept.push(file);
    else if (hasContent && (file.group === 'content' || file.group === 'translation')) result.skipped.push(file);
    else {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.text);
      result.written.push(file);
    }
  }
  return result;
}

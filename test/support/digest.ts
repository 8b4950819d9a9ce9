import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from '../../src/core/files.ts';

/** A digest of files and of every file below folders (paths and bytes), e.g. of the code or of one data folder. */
export function digest(paths: string[]): string {
  const hash = createHash('sha256');
  for (const path of paths) {
    const files = statSync(path).isDirectory() ? listFiles(path).map((f) => join(path, f)) : [path];
    for (const file of files) {
      hash.update(`${file}\u0000`);
      hash.update(readFileSync(file));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

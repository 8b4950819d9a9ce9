import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under a folder with its bytes, by relative path, to show that a command wrote nothing (or what it wrote). */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of (readdirSync(dir, { recursive: true }) as string[]).sort()) {
    const file = join(dir, f);
    if (statSync(file).isFile()) out[f] = readFileSync(file, 'latin1');
  }
  return out;
}

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Problem } from '../../../src/content/problems.ts';
import type { DataFiles } from './mutations.ts';

/** Every JSON file of a data folder except the schemas, which belong to the generator. */
export function readDataFiles(dir: string): DataFiles {
  const files: DataFiles = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      const rel = relative(dir, full);
      if (statSync(full).isDirectory()) {
        if (rel !== 'schemas') walk(full);
      } else if (name.endsWith('.json')) files[rel] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return files;
}

/** Writes `files` into `dir`, deleting those marked null and the folders that leaves empty. */
export function writeDataFiles(dir: string, files: DataFiles): void {
  for (const [rel, text] of Object.entries(files)) {
    const full = join(dir, rel);
    if (text === null) {
      rmSync(full, { force: true });
      // An empty translations/<locale>/ folder left behind would still declare a locale.
      for (let d = dirname(full); d.startsWith(`${dir}/`) && existsSync(d) && readdirSync(d).length === 0; d = dirname(d)) rmSync(d, { recursive: true });
    } else {
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, text);
    }
  }
}

/**
 * Makes `dir` hold `next` when it held `current`, touching only files that differ, so a thousand
 * cases cost a thousand small writes rather than a thousand copies.
 */
export function switchDataFiles(dir: string, current: DataFiles, next: DataFiles): void {
  const changed: DataFiles = {};
  for (const rel of new Set([...Object.keys(current), ...Object.keys(next)])) {
    const want = next[rel] ?? null;
    if ((current[rel] ?? null) !== want) changed[rel] = want;
  }
  writeDataFiles(dir, changed);
}

/** Why a content problem is not a located, readable message, or undefined when it is one. */
export function unlocated(p: Problem, dataDir: string): string | undefined {
  if (!p.file || !p.file.startsWith(dataDir)) return `names no file inside the data folder: ${JSON.stringify(p.file)}`;
  if (!Number.isInteger(p.line) || p.line < 1 || !Number.isInteger(p.column) || p.column < 1) return `has no line:column (${p.line}:${p.column})`;
  if (!p.message.trim()) return 'has an empty message';
  const text = `${p.path} ${p.message} ${p.hint ?? ''}`;
  if (/\bundefined\b|\[object Object\]|\bNaN\b/.test(text)) return `prints a program value: ${text}`;
  if (text.length > 600) return `is longer than 600 characters (${text.length})`;
  return undefined;
}

/** Control and bidi characters that would corrupt or disguise a terminal line. */
export const unprintable = /[\u0000-\u001f\u007f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

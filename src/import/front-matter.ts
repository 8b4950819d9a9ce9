import { LineCounter, parseDocument, isMap, isScalar, isSeq, type Document } from 'yaml';
import type { Problem } from '../content/problems.ts';
import { ImportError } from './types.ts';

/** Front matter values as written (every scalar a string), with where each key sits. */
export interface FrontMatter {
  values: Record<string, string | string[]>;
  /** 1-based line and column of each key in the markdown file. */
  positions: Record<string, { line: number; column: number }>;
  /** The markdown after the closing `---`, and the file line it starts on (1-based). */
  body: string;
  bodyLine: number;
}

const problem = (file: string, line: number, column: number, message: string, hint?: string): Problem => ({
  file, line, column, path: '', message, hint, severity: 'error',
});

/** Index of the line closing a front matter block opened on line 0, e.g. `['---','a: 1','---']` → 2. */
export function closingLine(lines: string[]): number {
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].trimEnd() === '---' || lines[i].trimEnd() === '...') return i;
  }
  return -1;
}

function scalars(doc: Document, file: string, offsetLine: number, counter: LineCounter): FrontMatter['values'] {
  const out: FrontMatter['values'] = {};
  if (!isMap(doc.contents)) return out;
  for (const item of doc.contents.items) {
    const key = isScalar(item.key) ? String(item.key.value) : '';
    const value = item.value;
    if (isScalar(value)) out[key] = String(value.value ?? '');
    else if (isSeq(value)) out[key] = value.items.map((v) => (isScalar(v) ? String(v.value) : ''));
    else if (value === null) out[key] = '';
    else {
      const at = counter.linePos((item.value as { range?: number[] } | null)?.range?.[0] ?? 0);
      throw new ImportError([problem(file, at.line + offsetLine, at.col, `front matter "${key}" is a nested map; expected text or a list`)]);
    }
  }
  return out;
}

/**
 * Splits a markdown file into its YAML front matter (read with every scalar as a string, so
 * `ms.locfileid: 0123` keeps its zero) and its body; a file without front matter has `{}`.
 */
export function readFrontMatter(file: string, text: string): FrontMatter {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trimEnd() !== '---') return { values: {}, positions: {}, body: lines.join('\n'), bodyLine: 1 };
  const end = closingLine(lines);
  if (end < 0) throw new ImportError([problem(file, 1, 1, 'front matter opened on line 1 is never closed', 'end it with a line of three dashes, ---')]);
  const counter = new LineCounter();
  const yamlText = lines.slice(1, end).join('\n');
  const doc = parseDocument(yamlText, { schema: 'failsafe', lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ImportError(doc.errors.map((e) => {
      const at = counter.linePos(e.pos[0]);
      return problem(file, at.line + 1, at.col, `invalid front matter: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`, 'front matter is YAML: one "key: value" per line');
    }));
  }
  if (doc.contents !== null && !isMap(doc.contents)) {
    throw new ImportError([problem(file, 2, 1, 'front matter must be "key: value" lines, not a single value or list')]);
  }
  const positions: FrontMatter['positions'] = {};
  if (isMap(doc.contents)) {
    for (const item of doc.contents.items) {
      if (!isScalar(item.key)) continue;
      const at = counter.linePos(item.key.range?.[0] ?? 0);
      positions[String(item.key.value)] = { line: at.line + 1, column: at.col };
    }
  }
  return { values: scalars(doc, file, 1, counter), positions, body: lines.slice(end + 1).join('\n'), bodyLine: end + 2 };
}

import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import {
  findNodeAtLocation,
  getNodeValue,
  parseTree,
  printParseErrorCode,
  type Node,
  type ParseError,
} from 'jsonc-parser';
import { maxJsonDepth, tooDeepAt } from './json-depth.ts';
import type { Problem } from './problems.ts';

export type JsonPath = (string | number)[];

/** A parsed JSON file that remembers where every value came from. */
export interface JsonSource {
  /** Path shown in messages (relative to the working directory). */
  file: string;
  text: string;
  tree: Node | undefined;
  value: unknown;
}

/** Formats a JSON path the way authors read it, e.g. `['steps', 3, 'text']` → `steps[3].text`. */
export function formatPath(path: JsonPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

/** 1-based line and column of a character offset, e.g. offset 0 → `{ line: 1, column: 1 }`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Shows a path relative to the working directory, as editors and terminals link it. */
export function displayPath(absolute: string): string {
  const rel = relative(process.cwd(), absolute);
  return rel && !rel.startsWith('..') ? rel : absolute;
}

/** Parses JSON text strictly (no comments, no trailing commas), collecting located syntax problems. */
export function parseJson(file: string, text: string): { source: JsonSource; problems: Problem[] } {
  if (text.trim() === '') {
    return {
      source: { file, text, tree: undefined, value: undefined },
      problems: [{ file, line: 1, column: 1, path: '', severity: 'error', message: 'file is empty' }],
    };
  }
  const deep = tooDeepAt(text);
  if (deep >= 0) {
    const { line, column } = lineColumn(text, deep);
    return {
      source: { file, text, tree: undefined, value: undefined },
      problems: [{
        file, line, column, path: '', severity: 'error',
        message: `nested more than ${maxJsonDepth} levels deep`, hint: 'data files hold records, lists and text; look for a run of brackets here',
      }],
    };
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const problems = errors.map((e): Problem => {
    const { line, column } = lineColumn(text, e.offset);
    return {
      file, line, column, path: '', severity: 'error',
      message: `invalid JSON: ${describeParseError(printParseErrorCode(e.error))}`,
      hint: 'check for a missing comma, quote or bracket just before this position',
    };
  });
  const value = problems.length === 0 && tree ? getNodeValue(tree) : undefined;
  return { source: { file, text, tree, value }, problems };
}

function describeParseError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** Reads and parses a JSON file; unreadable files become a located problem, never a throw. */
export function readJson(absolute: string): { source?: JsonSource; problems: Problem[] } {
  const file = displayPath(absolute);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unknown error';
    return {
      problems: [{ file, line: 1, column: 1, path: '', severity: 'error', message: `cannot read file (${code})` }],
    };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return parseJson(file, text);
}

/** The node at a JSON path, or the deepest existing ancestor so a message still points near. */
export function nodeAt(source: JsonSource, path: JsonPath): Node | undefined {
  if (!source.tree) return undefined;
  for (let n = path.length; n >= 0; n--) {
    const node = findNodeAtLocation(source.tree, path.slice(0, n));
    if (node) return node;
  }
  return source.tree;
}

/**
 * Builds a problem located at a JSON path; with `needle`, points at that text inside a string
 * value (so an unknown `link:` id inside a paragraph gets its own column).
 */
export function problemAt(
  source: JsonSource,
  path: JsonPath,
  message: string,
  opts: { hint?: string; needle?: string; key?: boolean; severity?: 'error' | 'warning' } = {},
): Problem {
  const node = nodeAt(source, path);
  let offset = node?.offset ?? 0;
  if (opts.key && node?.parent?.type === 'property') offset = node.parent.offset;
  if (opts.needle && node) {
    const raw = source.text.slice(node.offset, node.offset + node.length);
    const at = raw.indexOf(opts.needle);
    if (at >= 0) offset = node.offset + at;
  }
  const { line, column } = lineColumn(source.text, offset);
  return {
    file: source.file, line, column, path: formatPath(path),
    message, hint: opts.hint, severity: opts.severity ?? 'error',
  };
}

/** Problems for objects that repeat a property name; JSON parsers silently keep only the last one. */
export function duplicateKeyProblems(source: JsonSource, label = 'property'): Problem[] {
  const problems: Problem[] = [];
  const walk = (node: Node | undefined, path: JsonPath) => {
    if (!node) return;
    if (node.type === 'object') {
      const seen = new Map<string, Node>();
      for (const prop of node.children ?? []) {
        const keyNode = prop.children?.[0];
        const key = String(keyNode?.value);
        const first = seen.get(key);
        if (first) {
          const { line, column } = lineColumn(source.text, prop.offset);
          const earlier = lineColumn(source.text, first.offset).line;
          problems.push({
            file: source.file, line, column, path: formatPath([...path, key]), severity: 'error',
            message: `duplicate ${path.length === 1 && path[0] === 'links' ? 'link id' : label} "${key}"`,
            hint: `the same key is already defined on line ${earlier}`,
          });
        } else seen.set(key, prop);
        walk(prop.children?.[1], [...path, key]);
      }
    } else if (node.type === 'array') {
      (node.children ?? []).forEach((child, i) => walk(child, [...path, i]));
    }
  };
  walk(source.tree, []);
  return problems;
}

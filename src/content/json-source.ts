import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import {
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

// Offsets of each line start per text, so locating many records in one file costs one scan of it.
// Keyed by the text itself: the same string object hits V8's cached hash; a few entries suffice.
const lineStartsCache = new Map<string, number[]>();

/** Offsets at which each line of a text starts, e.g. `'ab\ncd'` → `[0, 3]`. */
function lineStarts(text: string): number[] {
  let starts = lineStartsCache.get(text);
  if (starts) return starts;
  starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  if (lineStartsCache.size >= 8) lineStartsCache.delete(lineStartsCache.keys().next().value as string);
  lineStartsCache.set(text, starts);
  return starts;
}

/** 1-based line and column of a character offset, e.g. offset 0 → `{ line: 1, column: 1 }`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const starts = lineStarts(text);
  const at = Math.max(0, Math.min(offset, text.length));
  let lo = 0;
  let hi = starts.length - 1;
  // Binary search for the last line starting at or before the offset.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= at) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo] + 1 };
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

// Property nodes of each object node by key (first wins, as jsonc-parser's lookup does), so
// locating every record of a large catalog does not rescan the catalog for each one.
const propertyIndex = new WeakMap<Node, Map<string, Node>>();

/** The value node of an object's property or an array's item, e.g. `child(codes, 3)`. */
function child(node: Node, segment: string | number): Node | undefined {
  if (typeof segment === 'number') return node.type === 'array' && segment >= 0 ? node.children?.[segment] : undefined;
  if (node.type !== 'object') return undefined;
  let index = propertyIndex.get(node);
  if (!index) {
    index = new Map();
    for (const prop of node.children ?? []) {
      const [key, value] = prop.children ?? [];
      if (key && value && prop.children?.length === 2 && !index.has(String(key.value))) index.set(String(key.value), value);
    }
    propertyIndex.set(node, index);
  }
  return index.get(segment);
}

/** The node at a JSON path, or the deepest existing ancestor so a message still points near. */
export function nodeAt(source: JsonSource, path: JsonPath): Node | undefined {
  let node = source.tree;
  for (const segment of path) {
    const next = node && child(node, segment);
    if (!next) return node;
    node = next;
  }
  return node;
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

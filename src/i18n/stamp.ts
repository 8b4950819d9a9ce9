import { applyEdits, modify } from 'jsonc-parser';
import type { JsonPath } from '../content/json-source.ts';
import type { Method } from './overlay-types.ts';

/**
 * The text of an overlay file with one record marked as checked against the current source:
 * its `source` hash replaced and its `method` set, keeping the file's formatting, e.g.
 * `stampRecord(text, ['steps', 'a'], 'sha256-…', 'reviewed')`.
 */
export function stampRecord(text: string, path: JsonPath, hash: string, method: Method): string {
  const indent = /\n( +|\t)"/.exec(text)?.[1] ?? '  ';
  const formattingOptions = { insertSpaces: !indent.startsWith('\t'), tabSize: indent.startsWith('\t') ? 1 : indent.length, eol: '\n' };
  let out = text;
  for (const [key, value] of [['source', hash], ['method', method]] as const) {
    out = applyEdits(out, modify(out, [...path, key], value, { formattingOptions }));
  }
  return out;
}

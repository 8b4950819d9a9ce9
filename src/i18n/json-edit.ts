import { applyEdits, modify, type FormattingOptions } from 'jsonc-parser';
import type { JsonPath } from '../content/json-source.ts';

/** The indentation a JSON file already uses, so edits look as if written by hand, e.g. two spaces. */
export function formattingOf(text: string): FormattingOptions {
  const indent = /\n( +|\t)"/.exec(text)?.[1] ?? '  ';
  const tabs = indent.startsWith('\t');
  return { insertSpaces: !tabs, tabSize: tabs ? 1 : indent.length, eol: '\n' };
}

/** The text with one value set (added, replaced, or removed when undefined), the rest of the file untouched. */
export function setValue(text: string, path: JsonPath, value: unknown): string {
  return applyEdits(text, modify(text, path, value, { formattingOptions: formattingOf(text) }));
}

/** The text with a value appended to the array at `path`, e.g. a new entry of `locales`. */
export function appendValue(text: string, path: JsonPath, length: number, value: unknown): string {
  return applyEdits(text, modify(text, [...path, length], value, { formattingOptions: formattingOf(text), isArrayInsertion: true }));
}

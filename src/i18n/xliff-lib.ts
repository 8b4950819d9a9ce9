import jsToXliff12 from 'xliff/jsToXliff12';
import xliff12ToJs from 'xliff/xliff12ToJs';
import type { Code, Segment } from './xliff-segments.ts';

/** A source or target as the xliff package models it: text, an inline element, or a list of both. */
export type LibValue = string | LibElement | (string | LibElement)[];
type LibElement = Record<string, { id?: string; ctype?: string; contents?: LibValue; [attr: string]: unknown }>;

/** One trans-unit (or a group of them) in the xliff package's model. */
export interface LibUnit {
  source?: LibValue;
  target?: LibValue;
  note?: LibValue | LibValue[];
  additionalAttributes?: Record<string, string>;
  groupUnits?: Record<string, LibUnit>;
}

/** A whole document in the xliff package's model: one entry of `resources` per `<file original>`. */
export interface LibDoc {
  sourceLanguage?: string;
  targetLanguage?: string;
  resources: Record<string, Record<string, LibUnit>>;
}

const elementOf: Record<Code['tag'], string> = { ph: 'Span', bpt: 'SpanStart', ept: 'SpanEnd', x: 'Standalone' };

/** Segments in the xliff package's model, e.g. a code span → `{ Span: { id: '1', ctype: 'x-code', contents: '`x`' } }`. */
export function toLibValue(segments: Segment[]): LibValue {
  if (segments.length === 0) return '';
  return segments.map((s) => {
    if (typeof s === 'string') return s;
    const attrs = s.ctype ? { id: s.id, ctype: s.ctype } : { id: s.id };
    return { [elementOf[s.tag]]: s.tag === 'x' ? attrs : { ...attrs, contents: s.code } };
  });
}

/**
 * The text a translator wrote in a target: words as they are, each native code (ph, bpt, ept,
 * g, mrk) by its content, `<x ctype="lb"/>` as a line break, other empty codes as nothing.
 */
export function libText(value: LibValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((v) => libText(v)).join('');
  const [type] = Object.keys(value);
  const el = value[type];
  if (type === 'Standalone') return el?.ctype === 'lb' ? '\n' : el?.ctype === 'x-cr' ? '\r' : '';
  return el && typeof el === 'object' && el.contents !== undefined ? libText(el.contents) : '';
}

/** Writes a document as XLIFF 1.2 on one line (the xliff package's own indenting would add spaces inside mixed text). */
export async function writeLibXliff(doc: LibDoc): Promise<string> {
  return (await jsToXliff12(doc, { indent: '' }, undefined)) as string;
}

/** Reads XLIFF 1.2 text; whitespace between inline codes is kept, since it is part of the text. */
export async function readLibXliff(text: string): Promise<LibDoc> {
  return (await xliff12ToJs(text, { captureSpacesBetweenElements: true }, undefined)) as LibDoc;
}

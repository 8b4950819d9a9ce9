import { lineColumn } from '../content/json-source.ts';
import type { Problem } from '../content/problems.ts';
import { libText, readLibXliff, type LibUnit } from './xliff-lib.ts';
import { unescapeXml } from './xliff-export.ts';
import type { UnitState } from './xliff-units.ts';

/** Where something is in the XLIFF file, 1-based. */
export interface At {
  line: number;
  column: number;
}

/** One `<trans-unit>` as the translator returned it. */
export interface ReadUnit {
  id: string;
  source: string;
  target: string;
  state: UnitState;
  /** The source hash written at export (`extradata`); undefined when a tool dropped it. */
  hash?: string;
  /** The unit's `<target>` (or the unit itself when it has none). */
  at: At;
}

/** A `<file>` element's languages and where it starts. */
export interface ReadFile {
  original?: string;
  sourceLanguage?: string;
  targetLanguage?: string;
  at: At;
}

/** An XLIFF file read for import: its files and units, or the problems that stop it. */
export interface ReadXliff {
  files: ReadFile[];
  units: ReadUnit[];
  problems: Problem[];
}

interface Tag {
  name: string;
  closing: boolean;
  attrs: Record<string, string>;
  offset: number;
}

/** The text with comments, CDATA and processing instructions blanked (same length), so tags can be matched in it. */
function blankNonMarkup(text: string): string {
  return text.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>/g, (m) => m.replace(/[^\n]/g, ' '));
}

/** The attributes of a start tag, decoded, e.g. ` id="a" state='new'` → `{ id: 'a', state: 'new' }`. */
function attributes(source: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of source.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1]] = unescapeXml(m[2] ?? m[3] ?? '');
  return out;
}

/** The tags of a well-formed XLIFF document that import reads, in document order. */
function tags(text: string): Tag[] {
  const out: Tag[] = [];
  for (const m of blankNonMarkup(text).matchAll(/<(\/?)(xliff|file|trans-unit|target)\b([^>]*)>/g)) {
    out.push({ name: m[2], closing: m[1] === '/', attrs: attributes(m[3]), offset: m.index });
  }
  return out;
}

/** A problem located in the XLIFF file. */
export function xliffProblem(file: string, at: At, path: string, message: string, hint?: string): Problem {
  return { file, line: at.line, column: at.column, path, message, hint, severity: 'error' };
}

const malformedHint = 'the file is not well-formed XML; open it in the translation tool again and re-export it';

/** The located problem for XML the parser refused, e.g. `malformed XML: unexpected close tag` at its line and column. */
function malformed(file: string, err: Error): Problem {
  const m = /Line: (\d+)\s+Column: (\d+)/.exec(err.message);
  const first = err.message.split('\n')[0].replace(/\.$/, '');
  const at = m ? { line: Number(m[1]) + 1, column: Math.max(1, Number(m[2])) } : { line: 1, column: 1 };
  return xliffProblem(file, at, '', `malformed XML: ${first.charAt(0).toLowerCase()}${first.slice(1)}`, malformedHint);
}

/** The first end tag that does not close the element open before it (e.g. `</bdy>` inside `<body>`), or an element the file never closes; undefined when tags nest. */
export function tagMismatch(text: string): { offset: number; message: string } | undefined {
  const open: { name: string; offset: number }[] = [];
  for (const m of blankNonMarkup(text).matchAll(/<(\/?)([A-Za-z_][\w:.-]*)(?:\s[^>]*?)?(\/?)>/g)) {
    const [, closing, name, selfClosing] = m;
    if (selfClosing) continue;
    if (!closing) {
      open.push({ name, offset: m.index });
      continue;
    }
    const top = open.pop();
    if (top?.name === name) continue;
    const { line } = lineColumn(text, top?.offset ?? 0);
    return { offset: m.index, message: top ? `</${name}> does not close <${top.name}>, opened on line ${line}` : `</${name}> closes nothing` };
  }
  const unclosed = open.pop();
  if (!unclosed) return undefined;
  return { offset: text.trimEnd().length, message: `the file ends before <${unclosed.name}> (line ${lineColumn(text, unclosed.offset).line}) is closed` };
}

/** Every trans-unit of the xliff package's model, groups flattened, by id. */
function libUnits(units: Record<string, LibUnit>, out = new Map<string, LibUnit>()): Map<string, LibUnit> {
  for (const [id, unit] of Object.entries(units)) {
    if (unit.groupUnits) libUnits(unit.groupUnits, out);
    else out.set(id, unit);
  }
  return out;
}

/**
 * Reads an XLIFF 1.2 file: every unit's source and target text (protected codes by their
 * content), its state and source hash, and where it is. Malformed XML, another XLIFF version or
 * a unit id given twice are located problems.
 */
export async function readXliff(file: string, text: string): Promise<ReadXliff> {
  const fail = (p: Problem): ReadXliff => ({ files: [], units: [], problems: [p] });
  const at = (offset: number): At => lineColumn(text, offset);
  const mismatch = tagMismatch(text);
  if (mismatch) return fail(xliffProblem(file, at(mismatch.offset), '', `malformed XML: ${mismatch.message}`, malformedHint));
  let doc;
  try {
    doc = await readLibXliff(text);
  } catch (err) {
    if (!(err instanceof TypeError)) return fail(malformed(file, err as Error));
  }
  const all = tags(text);
  const root = all[0];
  if (!root || root.name !== 'xliff') return fail(xliffProblem(file, { line: 1, column: 1 }, '', 'not an XLIFF file: its root element is not <xliff>', 'export with fieldguide i18n export <locale> --format xliff'));
  if (root.attrs.version !== '1.2') return fail(xliffProblem(file, at(root.offset), '', `XLIFF version ${root.attrs.version ?? '(none)'} is not supported; Fieldguide reads XLIFF 1.2`, 'save or export the file as XLIFF 1.2'));
  if (!doc) return fail(xliffProblem(file, at(root.offset), '', 'not XLIFF 1.2 as the standard lays it out: each <file> needs a <body> of <trans-unit> elements'));

  const problems: Problem[] = [];
  const files: ReadFile[] = [];
  const targets = new Map<string, Tag>();
  const starts = new Map<string, Tag>();
  let unit: string | undefined;
  for (const tag of all) {
    if (tag.name === 'file' && !tag.closing) {
      files.push({ original: tag.attrs.original, sourceLanguage: tag.attrs['source-language'], targetLanguage: tag.attrs['target-language'], at: at(tag.offset) });
    } else if (tag.name === 'trans-unit') {
      unit = tag.closing ? undefined : tag.attrs.id;
      if (tag.closing || unit === undefined) continue;
      const first = starts.get(unit);
      if (first) problems.push(xliffProblem(file, at(tag.offset), unit, `unit id "${unit}" appears twice (first at line ${at(first.offset).line})`, 'each record field is exported once; remove the copy'));
      else starts.set(unit, tag);
    } else if (tag.name === 'target' && !tag.closing && unit !== undefined && !targets.has(unit)) targets.set(unit, tag);
  }

  const units: ReadUnit[] = [];
  const model = new Map<string, LibUnit>();
  for (const resources of Object.values(doc.resources)) libUnits(resources, model);
  for (const [id, start] of starts) {
    const lib = model.get(id);
    const target = targets.get(id);
    const extra = lib?.additionalAttributes ?? start.attrs;
    units.push({
      id,
      source: libText(lib?.source),
      target: libText(lib?.target),
      state: { state: target?.attrs.state, qualifier: target?.attrs['state-qualifier'], approved: extra.approved === 'yes' },
      hash: extra.extradata || undefined,
      at: at((target ?? start).offset),
    });
  }
  return { files, units, problems };
}

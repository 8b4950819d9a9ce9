import { fileKinds } from '../content/kinds.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { displayPath, formatPath, type JsonPath } from '../content/json-source.ts';
import type { Content } from '../content/types.ts';
import type { Dictionary } from './create-i18n.ts';
import { setValue } from './json-edit.ts';
import type { LocaleOverlays } from './load-overlays.ts';
import type { Method } from './overlay-types.ts';
import { recordPairs, type RecordPair } from './overlay-records.ts';
import { sourceHash } from './source-hash.ts';
import { currentHash, hasTranslation } from './stamp-many.ts';
import { sameAsSource, sameAsSourceKey, uiSourceText } from './untranslated-ui.ts';
import type { ReadUnit } from './xliff-read.ts';
import { outcomeOf, splitUnitId, uiFile, uiPrefix, type Outcome, type Unit } from './xliff-units.ts';

/** One record (or UI string) an import changes, as reported to the translator. */
export interface Change {
  /** Record key (`step/a/s`) or UI unit id (`ui/nav.home`). */
  key: string;
  file: string;
  created: boolean;
  fields: string[];
  method?: Method;
  /** A remark for the report, e.g. why the record stays stale. */
  note?: string;
}

/** Where a changed field lands: the overlay file (absolute) and JSON path, and the unit that carries it. */
export interface Landing {
  file: string;
  path: string;
  unit: ReadUnit;
}

/** Everything an import would write: new file texts by absolute path, one change per record, and where each field lands. */
export interface ImportPlan {
  files: Map<string, string>;
  changes: Change[];
  landings: Landing[];
}

const strength: Record<Method, number> = { machine: 0, human: 1, reviewed: 2 };

/** The weakest method among a record's units, e.g. a machine title and a reviewed text → machine. */
export function weakest(methods: Method[]): Method {
  return methods.reduce((a, b) => (strength[b] < strength[a] ? b : a), 'reviewed' as Method);
}

/** True when a returned unit says something new: a different non-empty target, or a state that counts differently. */
export function unitChanged(read: ReadUnit, exported: Unit): boolean {
  if (!read.target) return false;
  if (read.target !== exported.target) return true;
  const was: Outcome | undefined = exported.target ? outcomeOf(exported.state) : undefined;
  const now = outcomeOf(read.state);
  return !was || was.done !== now.done || was.method !== now.method;
}

/** The hash of the source a record's units were translated from: the one written at export, else computed from their source text. */
export function hashSeen(units: ReadUnit[], pair: RecordPair): string {
  const written = units.find((u) => u.hash)?.hash;
  if (written) return written;
  const byField = new Map(units.map((u) => [splitUnitId(u.id)[1], u.source]));
  return sourceHash(pair.fields.map((f) => byField.get(f) ?? (pair.source[f] as string | undefined)));
}

/** The schema of an overlay file by its path under `translations/<locale>/`, from the table's file kinds; UI strings otherwise. */
function schemaOf(rel: string): string {
  for (const spec of Object.values(fileKinds) as { path?: string; folder?: string; schema: string }[]) {
    if (spec.path === rel || (spec.folder && rel.startsWith(`${spec.folder}/`))) return `${spec.schema}-translation`;
  }
  return 'ui-translation';
}

/** A new overlay file: its `$schema` (relative to where it lives) and, for records, a `translation` block. */
export function newOverlayFile(rel: string, method: Method | undefined, date: string): string {
  const schema = schemaOf(rel);
  const up = '../'.repeat(rel.split('/').length + 1);
  const translation = method ? { translation: { method, date } } : {};
  return `${JSON.stringify({ $schema: `${up}schemas/${schema}.schema.json`, ...translation }, null, 2)}\n`;
}

interface RecordEdit {
  pair: RecordPair;
  fields: [string, string][];
  hash?: string;
  method: Method;
  change: Change;
}

/** What one record's returned units change, or undefined when they change nothing. */
function recordEdit(pair: RecordPair, units: ReadUnit[], changed: Set<string>): RecordEdit | undefined {
  const withText = units.filter((u) => u.target);
  const outcomes = withText.map((u) => outcomeOf(u.state));
  const done = outcomes.every((o) => o.done);
  const method = weakest(outcomes.map((o) => o.method));
  const hash = done ? hashSeen(units, pair) : pair.overlay?.source;
  const fields = units
    .filter((u) => changed.has(u.id) && u.target !== pair.overlay?.[splitUnitId(u.id)[1]])
    .map((u): [string, string] => [splitUnitId(u.id)[1], u.target]);
  const effective = pair.overlay?.method ?? pair.provenance?.method;
  if (fields.length === 0 && hash === pair.overlay?.source && method === effective) return undefined;
  const draft = withText.find((u) => !outcomeOf(u.state).done);
  const note = draft
    ? `draft (state ${draft.state.state ?? 'none'}): shown as stale until confirmed`
    : hash !== currentHash(pair) ? `made from an older source ${hash}: shown as stale` : undefined;
  const change: Change = { key: pair.key, file: pair.overlayFileName, created: !hasTranslation(pair), fields: fields.map(([f]) => f), method, note };
  return { pair, fields, hash, method, change };
}

/** One overlay file with a record's edits applied: text fields, then `source` and `method` where they differ. */
function applyEdit(text: string, edit: RecordEdit, fileMethod: Method): string {
  const { pair } = edit;
  let out = text;
  for (const [field, value] of edit.fields) out = setValue(out, [...pair.overlayPath, field], value);
  if (edit.hash !== undefined && edit.hash !== pair.overlay?.source) out = setValue(out, [...pair.overlayPath, 'source'], edit.hash);
  if (edit.method !== (pair.overlay?.method ?? pair.provenance?.method ?? fileMethod)) out = setValue(out, [...pair.overlayPath, 'method'], edit.method);
  return out;
}

/** The most frequent method among a new file's records, which its `translation.method` states once. */
function commonMethod(edits: RecordEdit[]): Method {
  const n = (m: Method) => edits.filter((e) => e.method === m).length;
  return (['machine', 'human', 'reviewed'] as Method[]).reduce((a, b) => (n(b) > n(a) ? b : a));
}

/**
 * The overlay edits an import makes: for each record with a changed unit, its new texts, the hash
 * of the source the translator saw (only when every unit with text is confirmed) and the weakest
 * method of its units; for UI strings, the new strings. Unchanged units change nothing.
 */
export function planImport(
  content: Content, overlays: Map<string, LocaleOverlays>, locale: string, dictionaries: Record<string, Dictionary>,
  read: ReadUnit[], exported: Map<string, Unit>, date: string,
): ImportPlan {
  const changed = new Set(read.filter((u) => unitChanged(u, exported.get(u.id)!)).map((u) => u.id));
  const pairs = new Map(recordPairs(content, overlays.get(locale), locale).map((p) => [p.key, p]));
  const byRecord = new Map<string, ReadUnit[]>();
  for (const u of read) if (!u.id.startsWith(uiPrefix)) byRecord.set(splitUnitId(u.id)[0], [...(byRecord.get(splitUnitId(u.id)[0]) ?? []), u]);

  const edits = new Map<string, RecordEdit[]>();
  for (const [key, units] of byRecord) {
    if (!units.some((u) => changed.has(u.id))) continue;
    const edit = recordEdit(pairs.get(key)!, units, changed);
    if (edit) edits.set(resolve(edit.pair.overlayFileName), [...(edits.get(resolve(edit.pair.overlayFileName)) ?? []), edit]);
  }

  const plan: ImportPlan = { files: new Map(), changes: [], landings: [] };
  const localeDir = join(content.dataDir, 'translations', locale);
  for (const [file, fileEdits] of edits) {
    const existing = existsSync(file);
    const method = fileEdits[0].pair.provenance?.method ?? commonMethod(fileEdits);
    let text = existing ? readFileSync(file, 'utf8') : newOverlayFile(relative(localeDir, file).split('\\').join('/'), method, date);
    for (const edit of fileEdits) {
      text = applyEdit(text, edit, method);
      plan.changes.push(edit.change);
      for (const [field] of edit.fields) {
        const unit = read.find((u) => u.id === `${edit.pair.key}#${field}`)!;
        plan.landings.push({ file, path: formatPath([...edit.pair.overlayPath, field]), unit });
      }
    }
    plan.files.set(file, text);
  }
  planUi(plan, localeDir, overlays.get(locale)?.ui, dictionaries[content.site.value.defaultLocale] ?? dictionaries.en ?? {}, read.filter((u) => changed.has(u.id) && u.id.startsWith(uiPrefix)));
  return plan;
}

/** Adds the UI strings an import changes to the plan: ui.json edited in place (or created), `$sameAsSource` kept true. */
function planUi(plan: ImportPlan, localeDir: string, have: Dictionary | undefined, source: Dictionary, units: ReadUnit[]): void {
  const file = join(localeDir, uiFile);
  let text = existsSync(file) ? readFileSync(file, 'utf8') : newOverlayFile(uiFile, undefined, '');
  const same = sameAsSource(have);
  const before = text;
  for (const unit of units) {
    const key = unit.id.slice(uiPrefix.length);
    const path: JsonPath = [key];
    const edited = have?.[key] !== unit.target;
    const declared = unit.target === uiSourceText(source, key) && outcomeOf(unit.state).done && !same.includes(key);
    if (edited) text = setValue(text, path, unit.target);
    if (declared) same.push(key);
    if (!edited && !declared) continue;
    plan.changes.push({ key: unit.id, file: displayPath(file), created: typeof have?.[key] !== 'string', fields: [], note: declared ? 'the same as the source on purpose ($sameAsSource)' : undefined });
    plan.landings.push({ file, path: formatPath(path), unit });
  }
  if (same.length > sameAsSource(have).length) text = setValue(text, [sameAsSourceKey], same);
  if (text !== before) plan.files.set(file, text);
}

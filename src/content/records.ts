import { basename } from 'node:path';
import type { JsonPath, JsonSource } from './json-source.ts';
import { childKinds, fileKinds, kinds, kindsInFile, recordKey, type FileKindName, type KindName } from './kinds.ts';
import type { Content, Sourced } from './types.ts';

type Obj = Record<string, unknown>;

/** One record of the content, wherever the table says it lives. */
export interface SourceRecord {
  kind: KindName;
  /** Ids from the outermost record down, e.g. `['configure-mim-sync-service', 'pcns-event-6025']`. */
  ids: string[];
  /** e.g. `step/configure-mim-sync-service/pcns-event-6025`. */
  key: string;
  /** The record itself (the object in the content, so a walk over a copy can change it in place). */
  value: Obj;
  file: JsonSource;
  /** JSON path of the record in its source file, e.g. `['steps', 3]`. */
  path: JsonPath;
  /** Its overlay file, relative to `translations/<locale>/`, e.g. `articles/configure-mim-sync-service.json`. */
  overlayFile: string;
  /** JSON path of its translation in that overlay, e.g. `['steps', 'pcns-event-6025']`. */
  overlayPath: JsonPath;
  /** Key of the record it is nested in, if any. */
  parent?: string;
}

/** The loaded files of one file kind, e.g. every article file. */
export function filesOf(content: Partial<Pick<Content, 'site' | 'articles' | 'catalogs' | 'links'>>, file: FileKindName): Sourced<Obj>[] {
  const value = content[file] as Sourced<unknown> | Sourced<unknown>[] | undefined;
  if (!value) return [];
  return (Array.isArray(value) ? value : [value]) as Sourced<Obj>[];
}

/** Where a file's translation lives, relative to `translations/<locale>/`, e.g. `errors/mim-related.json`. */
export function overlayFileOf(file: FileKindName, source: JsonSource): string {
  const spec = fileKinds[file];
  return 'path' in spec ? spec.path : `${spec.folder}/${basename(source.file)}`;
}

const idOf = (value: Obj, field: string | undefined): string[] => (field ? [String(value[field])] : []);

/** True for a JSON object (not an array or null). */
export const isObject = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

/** The records nested in one record (steps of an article, phases and codes of a catalog), depth first. */
function nested(parent: SourceRecord, out: SourceRecord[]): void {
  for (const kind of childKinds(parent.kind)) {
    const at = kinds[kind].at as { list: string; id: string };
    const items = parent.value[at.list];
    if (!Array.isArray(items)) continue;
    items.forEach((item: Obj, i) => {
      // Items without an id string broke their schema; the schema check has said so.
      if (!isObject(item) || typeof item[at.id] !== 'string') return;
      const ids = [...parent.ids, String(item[at.id])];
      const record: SourceRecord = {
        kind, ids, key: recordKey(kind, ids), value: item, file: parent.file,
        path: [...parent.path, at.list, i], overlayFile: parent.overlayFile,
        overlayPath: [...parent.overlayPath, at.list, String(item[at.id])], parent: parent.key,
      };
      out.push(record);
      nested(record, out);
    });
  }
}

/** The records of one loaded file: its root record and everything nested in it, or its map's entries. */
export function recordsOfFile(file: FileKindName, sourced: Sourced<Obj>): SourceRecord[] {
  const out: SourceRecord[] = [];
  if (!isObject(sourced.value)) return out;
  const overlayFile = overlayFileOf(file, sourced.source);
  for (const kind of kindsInFile(file)) {
    const at = kinds[kind].at as { id?: string; map?: string };
    if (at.map) {
      const entries = sourced.value[at.map];
      if (!isObject(entries)) continue;
      for (const [id, value] of Object.entries(entries as Record<string, Obj>)) {
        if (!isObject(value)) continue;
        out.push({ kind, ids: [id], key: recordKey(kind, [id]), value, file: sourced.source, path: [at.map, id], overlayFile, overlayPath: [at.map, id] });
      }
      continue;
    }
    const ids = idOf(sourced.value, at.id);
    const root: SourceRecord = { kind, ids, key: recordKey(kind, ids), value: sourced.value, file: sourced.source, path: [], overlayFile, overlayPath: [] };
    out.push(root);
    nested(root, out);
  }
  return out;
}

/** Every record of the content in table order: site, each article and its steps, each catalog and its phases and codes, links. */
export function allRecords(content: Partial<Pick<Content, 'site' | 'articles' | 'catalogs' | 'links'>>): SourceRecord[] {
  return (Object.keys(fileKinds) as FileKindName[]).flatMap((file) => filesOf(content, file).flatMap((s) => recordsOfFile(file, s)));
}

/** The translatable texts of a record in hash order, e.g. a step → `[title, text]`. */
export function textsOf(record: Pick<SourceRecord, 'kind' | 'value'>): (string | undefined)[] {
  return kinds[record.kind].fields.map((f) => (typeof record.value[f] === 'string' ? (record.value[f] as string) : undefined));
}

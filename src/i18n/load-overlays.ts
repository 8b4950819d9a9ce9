import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { displayPath, problemAt, type JsonPath, type JsonSource } from '../content/json-source.ts';
import { loadFile } from '../content/load.ts';
import { suggestHint } from '../content/did-you-mean.ts';
import { shortId } from '../content/ids.ts';
import { childKinds, fileKinds, kinds, kindsInFile, type FileKindName, type KindName } from '../content/kinds.ts';
import type { Problem } from '../content/problems.ts';
import { filesOf, overlayFileOf, recordsOfFile, type SourceRecord } from '../content/records.ts';
import type { SchemaName } from '../content/schema.ts';
import type { Content, Sourced } from '../content/types.ts';
import type { Dictionary } from './create-i18n.ts';
import type { OverlayFile, RecordOverlay } from './overlay-types.ts';

/** Every overlay file of one locale, by its path under `translations/<locale>/`, and its UI strings. */
export interface LocaleOverlays {
  files: Map<string, Sourced<OverlayFile>>;
  ui?: Dictionary;
}

/** The translation of one record in one locale, and the file that holds it (if any). */
export function overlayOf(overlays: LocaleOverlays | undefined, record: Pick<SourceRecord, 'overlayFile' | 'overlayPath'>): { file?: Sourced<OverlayFile>; overlay?: RecordOverlay } {
  const file = overlays?.files.get(record.overlayFile);
  if (!file) return {};
  let node: unknown = file.value;
  for (const part of record.overlayPath) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  return { file, overlay: node && typeof node === 'object' ? (node as RecordOverlay) : undefined };
}

function fileProblem(file: string, message: string, hint?: string): Problem {
  return { file: displayPath(file), line: 1, column: 1, path: '', severity: 'error', message, hint };
}

/** A translation keyed by an id the source does not have, e.g. a step that was renamed. */
function unknownKeys(source: JsonSource, path: JsonPath, keys: string[], known: string[], kind: KindName, out: Problem[]): void {
  const what = kinds[kind].idLabel;
  for (const key of keys) {
    if (!known.includes(key)) {
      out.push(problemAt(source, [...path, key], `unknown ${what} "${shortId(key)}"`, { key: true, hint: suggestHint(key, known) ?? `the source has no such ${what}` }));
    }
  }
}

/** Checks that every collection of an overlay file names only records its source file has. */
function checkCollections(overlay: Sourced<OverlayFile>, file: FileKindName, sourced: Sourced<Record<string, unknown>>, out: Problem[]): void {
  const records = recordsOfFile(file, sourced);
  const keysAt = (path: JsonPath): string[] => {
    let node: unknown = overlay.value;
    for (const part of path) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
    return node && typeof node === 'object' ? Object.keys(node) : [];
  };
  const idsIn = (kind: KindName, parent?: string) => records.filter((r) => r.kind === kind && r.parent === parent).map((r) => r.ids[r.ids.length - 1]);
  for (const kind of kindsInFile(file)) {
    const at = kinds[kind].at as { map?: string };
    if (at.map) {
      unknownKeys(overlay.source, [at.map], keysAt([at.map]), idsIn(kind), kind, out);
      continue;
    }
    // Only the root's collections: a translation under an unknown parent id is already reported.
    const root = records.find((r) => r.kind === kind && !r.parent);
    for (const child of root ? childKinds(kind) : []) {
      const list = (kinds[child].at as { list: string }).list;
      unknownKeys(overlay.source, [list], keysAt([list]), idsIn(child, root!.key), child, out);
    }
  }
}

/** The overlay files a locale folder holds for one file kind, paired with the source file each translates. */
function overlayCandidates(dir: string, file: FileKindName, content: Content, out: Problem[]): { path: string; rel: string; sourced: Sourced<Record<string, unknown>> }[] {
  const spec = fileKinds[file];
  const sources = filesOf(content, file);
  if ('path' in spec) {
    const path = join(dir, spec.path);
    return existsSync(path) && sources[0] ? [{ path, rel: spec.path, sourced: sources[0] }] : [];
  }
  const folder = join(dir, spec.folder);
  if (!existsSync(folder)) return [];
  const byName = new Map(sources.map((s) => [basename(s.source.file), s]));
  const found = [];
  for (const name of readdirSync(folder).filter((f) => f.endsWith('.json')).sort()) {
    const path = join(folder, name);
    const sourced = byName.get(name);
    if (!sourced) {
      out.push(fileProblem(path, `no source file data/${spec.folder}/${name} to translate`, suggestHint(name, byName.keys())));
      continue;
    }
    found.push({ path, rel: overlayFileOf(file, sourced.source), sourced });
  }
  return found;
}

/** Loads and checks `data/translations/<locale>/…` against the (valid) source content. */
export function loadOverlays(dataDir: string, content: Content): { overlays: Map<string, LocaleOverlays>; problems: Problem[] } {
  const problems: Problem[] = [];
  const overlays = new Map<string, LocaleOverlays>();
  const root = join(dataDir, 'translations');
  if (!existsSync(root)) return { overlays, problems };
  const site = content.site.value;
  const locales = site.locales.map((l) => l.code);

  for (const locale of readdirSync(root).filter((d) => statSync(join(root, d)).isDirectory()).sort()) {
    const dir = join(root, locale);
    if (!locales.includes(locale)) {
      problems.push(fileProblem(dir, `locale "${locale}" is not in site.json locales`, `add { "code": "${locale}", "label": "…" } to locales`));
      continue;
    }
    if (locale === site.defaultLocale) {
      problems.push(fileProblem(dir, `"${locale}" is the default locale; its text lives in the source files`));
      continue;
    }
    const entry: LocaleOverlays = { files: new Map() };
    overlays.set(locale, entry);
    if (existsSync(join(dir, 'ui.json'))) {
      const ui = loadFile<Dictionary>(join(dir, 'ui.json'), 'ui-translation', problems);
      if (ui) entry.ui = Object.fromEntries(Object.entries(ui.value).filter(([k]) => k !== '$schema'));
    }
    for (const file of Object.keys(fileKinds) as FileKindName[]) {
      for (const { path, rel, sourced } of overlayCandidates(dir, file, content, problems)) {
        const o = loadFile<OverlayFile>(path, `${fileKinds[file].schema}-translation` as SchemaName, problems);
        if (!o) continue;
        checkCollections(o, file, sourced, problems);
        entry.files.set(rel, o);
      }
    }
  }
  return { overlays, problems };
}

import { basename, join } from 'node:path';
import { displayPath, type JsonPath, type JsonSource } from '../content/json-source.ts';
import type { Content } from '../content/types.ts';
import type { LocaleOverlays } from './load-overlays.ts';
import { translatable, type Provenance, type RecordOverlay } from './overlay-types.ts';

/** One translatable source record beside its overlay in one locale (if there is one). */
export interface RecordPair {
  /** Status key, e.g. `step/configure-mim-sync-service/extension-dll-exception`. */
  key: string;
  fields: readonly string[];
  source: Record<string, unknown>;
  sourceFile: JsonSource;
  sourcePath: JsonPath;
  /** The overlay file the record's translation lives (or would live) in, as shown to authors. */
  overlayFileName: string;
  overlayPath: JsonPath;
  overlayFile?: JsonSource;
  overlay?: RecordOverlay;
  provenance?: Provenance;
}

type Obj = Record<string, unknown>;

/**
 * Every translatable record of the source content paired with its overlay in one locale, in
 * source order, e.g. `site`, `article/a`, `step/a/s1`, …, `link/x`.
 */
export function recordPairs(content: Content, overlays: LocaleOverlays | undefined, locale: string): RecordPair[] {
  const out: RecordPair[] = [];
  const fileIn = (rel: string) => displayPath(join(content.dataDir, 'translations', locale, rel));

  const site = overlays?.site;
  out.push({
    key: 'site', fields: translatable.site, source: content.site.value as unknown as Obj,
    sourceFile: content.site.source, sourcePath: [], overlayFileName: fileIn('site.json'), overlayPath: [],
    overlayFile: site?.source, overlay: site?.value as RecordOverlay | undefined, provenance: site?.value.translation,
  });

  for (const { value: a, source } of content.articles) {
    const o = overlays?.articles.get(a.id);
    const common = { sourceFile: source, overlayFileName: fileIn(`articles/${basename(source.file)}`), overlayFile: o?.source, provenance: o?.value.translation };
    out.push({ ...common, key: `article/${a.id}`, fields: translatable.article, source: a as unknown as Obj, sourcePath: [], overlayPath: [], overlay: o?.value as RecordOverlay | undefined });
    a.steps.forEach((s, i) => {
      out.push({
        ...common, key: `step/${a.id}/${s.id}`, fields: translatable.step, source: s as unknown as Obj,
        sourcePath: ['steps', i], overlayPath: ['steps', s.id], overlay: o?.value.steps?.[s.id],
      });
    });
  }

  for (const { value: c, source } of content.catalogs) {
    const o = overlays?.catalogs.get(c.id);
    const common = { sourceFile: source, overlayFileName: fileIn(`errors/${basename(source.file)}`), overlayFile: o?.source, provenance: o?.value.translation };
    out.push({ ...common, key: `catalog/${c.id}`, fields: translatable.catalog, source: c as unknown as Obj, sourcePath: [], overlayPath: [], overlay: o?.value as RecordOverlay | undefined });
    (c.phases ?? []).forEach((p, i) => {
      out.push({
        ...common, key: `phase/${c.id}/${p.id}`, fields: translatable.phase, source: p as unknown as Obj,
        sourcePath: ['phases', i], overlayPath: ['phases', p.id], overlay: o?.value.phases?.[p.id],
      });
    });
    c.codes.forEach((k, i) => {
      out.push({
        ...common, key: `code/${c.id}/${k.code}`, fields: translatable.code, source: k as unknown as Obj,
        sourcePath: ['codes', i], overlayPath: ['codes', k.code], overlay: o?.value.codes?.[k.code],
      });
    });
  }

  const links = overlays?.links;
  for (const [id, entry] of Object.entries(content.links.value.links)) {
    out.push({
      key: `link/${id}`, fields: translatable.link, source: entry as unknown as Obj,
      sourceFile: content.links.source, sourcePath: ['links', id],
      overlayFileName: fileIn('links.json'), overlayPath: ['links', id],
      overlayFile: links?.source, overlay: links?.value.links[id], provenance: links?.value.translation,
    });
  }
  return out;
}

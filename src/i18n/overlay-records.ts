import { join } from 'node:path';
import { displayPath, type JsonPath, type JsonSource } from '../content/json-source.ts';
import { kinds, type KindName } from '../content/kinds.ts';
import { allRecords } from '../content/records.ts';
import type { Content } from '../content/types.ts';
import { overlayOf, type LocaleOverlays } from './load-overlays.ts';
import type { Provenance, RecordOverlay } from './overlay-types.ts';

/** One translatable source record beside its overlay in one locale (if there is one). */
export interface RecordPair {
  kind: KindName;
  ids: string[];
  /** Record key, e.g. `step/configure-mim-sync-service/extension-dll-exception`. */
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

/**
 * Every translatable record of the source content paired with its overlay in one locale, in
 * source order, e.g. `site`, `article/a`, `step/a/s1`, …, `link/x`.
 */
export function recordPairs(content: Content, overlays: LocaleOverlays | undefined, locale: string): RecordPair[] {
  return allRecords(content).map((r) => {
    const { file, overlay } = overlayOf(overlays, r);
    return {
      kind: r.kind, ids: r.ids, key: r.key, fields: kinds[r.kind].fields, source: r.value,
      sourceFile: r.file, sourcePath: r.path,
      overlayFileName: displayPath(join(content.dataDir, 'translations', locale, r.overlayFile)),
      overlayPath: r.overlayPath, overlayFile: file?.source, overlay, provenance: file?.value.translation,
    };
  });
}

import { kinds } from '../content/kinds.ts';
import { allRecords, textsOf, type SourceRecord } from '../content/records.ts';
import type { Content } from '../content/types.ts';
import { overlayOf, type LocaleOverlays } from './load-overlays.ts';
import type { Method, Provenance, RecordOverlay } from './overlay-types.ts';
import { matchesSource } from './source-hash.ts';

export type RecordState = 'translated' | 'stale' | 'missing';

/** How one record of one locale came to be: translated, stale or missing, and by which method. */
export interface RecordStatus {
  state: RecordState;
  method?: Method;
  /** Source fields shown untranslated. */
  fallbackFields: string[];
  /** When the translation was made or last reviewed (the overlay file's `translation.date`). */
  date?: string;
}

/** Content of one locale with overlays applied, and the status of every record by key. */
export interface LocalizedContent {
  content: Content;
  /** By record key (see src/content/kinds.ts `recordKey`). */
  status: Map<string, RecordStatus>;
}

/**
 * The state of one record's translation: missing without an overlay, else translated when the
 * overlay was made from the current source text, stale when from another.
 */
export function recordStatus(record: Pick<SourceRecord, 'kind' | 'value'>, overlay: RecordOverlay | undefined, provenance: Provenance | undefined): RecordStatus {
  const fields = kinds[record.kind].fields;
  const present = fields.filter((f) => typeof record.value[f] === 'string');
  // A file's root holds its collections too: with none of its own fields it translates nothing.
  if (!overlay || !provenance || !fields.some((f) => typeof overlay[f] === 'string')) return { state: 'missing', fallbackFields: present };
  return {
    state: matchesSource(overlay.source, textsOf(record)) ? 'translated' : 'stale',
    method: overlay.method ?? provenance.method,
    fallbackFields: present.filter((f) => typeof overlay[f] !== 'string'),
    date: provenance.date,
  };
}

/** A copy of the content whose records can be rewritten without touching the source. */
function copyContent(content: Content): Content {
  const copy = <T>(s: { value: T; source: unknown }) => ({ ...s, value: structuredClone(s.value) });
  return {
    ...content,
    site: copy(content.site),
    articles: content.articles.map(copy),
    catalogs: content.catalogs.map(copy),
    links: copy(content.links),
  } as Content;
}

/** Applies one locale's overlays to the source content; untranslated text stays in the source language. */
export function localize(content: Content, overlays: LocaleOverlays | undefined): LocalizedContent {
  const status = new Map<string, RecordStatus>();
  const localized = copyContent(content);
  // Status is judged on the source text; the copy is walked in the same order, so records pair up.
  const source = allRecords(content);
  allRecords(localized).forEach((record, i) => {
    const { file, overlay } = overlayOf(overlays, record);
    const st = recordStatus(source[i], overlay, file?.value.translation);
    status.set(record.key, st);
    if (!overlay) return;
    for (const f of kinds[record.kind].fields) {
      if (typeof record.value[f] === 'string' && typeof overlay[f] === 'string') record.value[f] = overlay[f];
    }
  });
  return { content: localized, status };
}

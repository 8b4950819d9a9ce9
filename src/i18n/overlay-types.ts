/** Translation overlays: translated text keyed by stable ids, plus how it was made. */
import type { methods } from './overlay-schema.ts';

export type Method = (typeof methods)[number];

export interface Provenance {
  method: Method;
  date: string;
  imported?: Record<string, string>;
}

/** One translated record; `source` is the hash of the source text it was made from. */
export interface RecordOverlay {
  source?: string;
  method?: Method;
  [field: string]: unknown;
}

/** One overlay file: provenance, the root record's translation, and collections keyed by id. */
export interface OverlayFile extends RecordOverlay {
  translation: Provenance;
}

export { translatable } from '../content/kinds.ts';

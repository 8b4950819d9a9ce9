import type { Article, Catalog, Content, LinkEntry, SiteConfig } from '../content/types.ts';
import type { LocaleOverlays } from './load-overlays.ts';
import { translatable, type Method, type Provenance, type RecordOverlay } from './overlay-types.ts';
import { sourceHash } from './source-hash.ts';

export type RecordState = 'translated' | 'stale' | 'missing';

/** How one record of one locale came to be: translated, stale or missing, and by which method. */
export interface RecordStatus {
  state: RecordState;
  method?: Method;
  /** Source fields shown untranslated. */
  fallbackFields: string[];
}

/** Content of one locale with overlays applied, and the status of every record by key. */
export interface LocalizedContent {
  content: Content;
  /** Keys: `site`, `article/<id>`, `step/<article>/<step>`, `catalog/<id>`, `phase/<catalog>/<id>`, `code/<catalog>/<code>`, `link/<id>`. */
  status: Map<string, RecordStatus>;
}

type Fields = readonly string[];

function apply<T extends object>(record: T, overlay: RecordOverlay | undefined, fields: Fields, provenance: Provenance | undefined): { value: T; status: RecordStatus } {
  const source = record as Record<string, unknown>;
  const present = fields.filter((f) => typeof source[f] === 'string');
  if (!overlay || !provenance) return { value: record, status: { state: 'missing', fallbackFields: present } };
  const texts = fields.map((f) => source[f] as string | undefined);
  const value = { ...record } as Record<string, unknown>;
  for (const f of present) if (overlay[f] !== undefined) value[f] = overlay[f];
  const fallbackFields = present.filter((f) => overlay[f] === undefined);
  return {
    value: value as T,
    status: {
      state: overlay.source === sourceHash(texts) ? 'translated' : 'stale',
      method: overlay.method ?? provenance.method,
      fallbackFields,
    },
  };
}

/** Applies one locale's overlays to the source content; untranslated text stays in the source language. */
export function localize(content: Content, overlays: LocaleOverlays | undefined): LocalizedContent {
  const status = new Map<string, RecordStatus>();
  const site = apply<SiteConfig>(content.site.value, overlays?.site?.value as RecordOverlay | undefined, translatable.site, overlays?.site?.value.translation);
  status.set('site', site.status);

  const articles = content.articles.map((sourced) => {
    const a = sourced.value;
    const o = overlays?.articles.get(a.id)?.value;
    const top = apply<Article>(a, o as RecordOverlay | undefined, translatable.article, o?.translation);
    status.set(`article/${a.id}`, top.status);
    const steps = a.steps.map((step) => {
      const s = apply(step, o?.steps?.[step.id], translatable.step, o?.translation);
      status.set(`step/${a.id}/${step.id}`, s.status);
      return s.value;
    });
    return { ...sourced, value: { ...top.value, steps } };
  });

  const catalogs = content.catalogs.map((sourced) => {
    const c = sourced.value;
    const o = overlays?.catalogs.get(c.id)?.value;
    const top = apply<Catalog>(c, o as RecordOverlay | undefined, translatable.catalog, o?.translation);
    status.set(`catalog/${c.id}`, top.status);
    const phases = c.phases?.map((phase) => {
      const p = apply(phase, o?.phases?.[phase.id], translatable.phase, o?.translation);
      status.set(`phase/${c.id}/${phase.id}`, p.status);
      return p.value;
    });
    const codes = c.codes.map((code) => {
      const k = apply(code, o?.codes?.[code.code], translatable.code, o?.translation);
      status.set(`code/${c.id}/${code.code}`, k.status);
      return k.value;
    });
    return { ...sourced, value: { ...top.value, phases, codes } };
  });

  const linkOverlay = overlays?.links?.value;
  const links: Record<string, LinkEntry> = {};
  for (const [id, entry] of Object.entries(content.links.value.links)) {
    const l = apply(entry, linkOverlay?.links[id], translatable.link, linkOverlay?.translation);
    status.set(`link/${id}`, l.status);
    links[id] = l.value;
  }
  return {
    content: {
      ...content,
      site: { ...content.site, value: site.value },
      articles,
      catalogs,
      links: { ...content.links, value: { links } },
    },
    status,
  };
}

import type { RenderSet } from '../build/render-site.ts';
import { kinds } from '../content/kinds.ts';
import { allRecords } from '../content/records.ts';
import type { Content } from '../content/types.ts';

/** What a render wrote, by output path: each page's model as JSON, each file's and script's text. */
export type RenderedState = Map<string, string>;

/** The output paths of a render set with what each was made from, so two renders can be compared. */
export function renderedState(set: RenderSet): RenderedState {
  const state: RenderedState = new Map();
  for (const p of set.pages) state.set(p.outputPath, JSON.stringify(p));
  for (const f of set.files) state.set(f.outputPath, f.body);
  for (const s of set.scripts) state.set(s.outputPath, s.text);
  return state;
}

/** What a rebuild must do to bring the output from `before` to `next`. */
export interface Changes {
  /** Only the pages, files and scripts whose model or text changed; assets are not copied again. */
  set: RenderSet;
  /** Output paths written before that the new site no longer has. */
  removed: string[];
  /** The locales of the pages that changed, appeared or went, e.g. `['id']`. */
  locales: string[];
  state: RenderedState;
}

/**
 * The part of a full render set that differs from the last render, e.g. one edited code → its
 * page, the pages that show it (catalog, articles, home), its locale's code list and codes.json.
 * A page is re-rendered exactly when its model changed, as templates only print the model.
 */
export function changesSince(before: RenderedState, next: RenderSet): Changes {
  const state = renderedState(next);
  const changed = (path: string) => before.get(path) !== state.get(path);
  const pages = next.pages.filter((p) => changed(p.outputPath));
  const removed = [...before.keys()].filter((path) => !state.has(path));
  const localeOf = (path: string) => /^([^/]+)\//.exec(path)?.[1];
  const locales = new Set([...pages.map((p) => p.locale), ...removed.flatMap((path) => localeOf(path) ?? [])]);
  return {
    set: { ...next, pages, files: next.files.filter((f) => changed(f.outputPath)), scripts: next.scripts.filter((s) => changed(s.outputPath)), assets: false },
    removed,
    locales: [...locales].sort(),
    state,
  };
}

/** Each record's source as JSON, by key. */
const recordTexts = (content: Content): Map<string, string> => new Map(allRecords(content).map((r) => [r.key, JSON.stringify(r.value)]));

/**
 * The pages, in every locale, that are the own page of a record whose source changed between two
 * loads of the data, e.g. one code's meaning edited → its code page and its catalog's page in each
 * locale. Undefined when the edit reaches further than own pages can say (site settings, records
 * added or removed, more than `limit` pages): then only the full pass will do.
 */
export function ownPagesOfEdit(before: Content, after: Content, limit = 40): Set<string> | undefined {
  const old = recordTexts(before);
  const now = recordTexts(after);
  if (old.size !== now.size || [...now.keys()].some((k) => !old.has(k))) return undefined;
  const changed = allRecords(after).filter((r) => old.get(r.key) !== now.get(r.key));
  if (changed.some((r) => r.kind === 'site')) return undefined;
  const pages = new Set<string>();
  for (const r of changed) for (const l of after.site.value.locales) pages.add(kinds[r.kind].where(l.code, r.ids).replace(/#.*$/, ''));
  return pages.size <= limit ? pages : undefined;
}

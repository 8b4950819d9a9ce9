import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { displayPath, problemAt, type JsonSource } from '../content/json-source.ts';
import { loadFile } from '../content/load.ts';
import { suggestHint } from '../content/did-you-mean.ts';
import { shortId } from '../content/ids.ts';
import type { Problem } from '../content/problems.ts';
import type { Content, Sourced } from '../content/types.ts';
import type { Dictionary } from './create-i18n.ts';
import type { ArticleOverlay, CatalogOverlay, LinksOverlay, SiteOverlay } from './overlay-types.ts';

/** Every overlay of one locale, keyed by the id of the record it translates. */
export interface LocaleOverlays {
  site?: Sourced<SiteOverlay>;
  links?: Sourced<LinksOverlay>;
  ui?: Dictionary;
  articles: Map<string, Sourced<ArticleOverlay>>;
  catalogs: Map<string, Sourced<CatalogOverlay>>;
}

function fileProblem(file: string, message: string, hint?: string): Problem {
  return { file: displayPath(file), line: 1, column: 1, path: '', severity: 'error', message, hint };
}

function unknownKeys(source: JsonSource, path: string[], keys: string[], known: string[], what: string, out: Problem[]): void {
  for (const key of keys) {
    if (!known.includes(key)) {
      out.push(problemAt(source, [...path, key], `unknown ${what} "${shortId(key)}"`, { key: true, hint: suggestHint(key, known) ?? `the source has no such ${what}` }));
    }
  }
}

/** Loads and checks `data/translations/<locale>/…` against the (valid) source content. */
export function loadOverlays(dataDir: string, content: Content): { overlays: Map<string, LocaleOverlays>; problems: Problem[] } {
  const problems: Problem[] = [];
  const overlays = new Map<string, LocaleOverlays>();
  const root = join(dataDir, 'translations');
  if (!existsSync(root)) return { overlays, problems };
  const site = content.site.value;
  const locales = site.locales.map((l) => l.code);
  const articlesByFile = new Map(content.articles.map((a) => [basename(a.source.file), a.value]));
  const catalogsByFile = new Map(content.catalogs.map((c) => [basename(c.source.file), c.value]));
  const linkIds = Object.keys(content.links.value.links);

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
    const entry: LocaleOverlays = { articles: new Map(), catalogs: new Map() };
    overlays.set(locale, entry);
    if (existsSync(join(dir, 'site.json'))) entry.site = loadFile<SiteOverlay>(join(dir, 'site.json'), 'site-translation', problems);
    if (existsSync(join(dir, 'ui.json'))) {
      const ui = loadFile<Dictionary>(join(dir, 'ui.json'), 'ui-translation', problems);
      if (ui) entry.ui = Object.fromEntries(Object.entries(ui.value).filter(([k]) => k !== '$schema'));
    }
    if (existsSync(join(dir, 'links.json'))) {
      entry.links = loadFile<LinksOverlay>(join(dir, 'links.json'), 'links-translation', problems);
      if (entry.links) unknownKeys(entry.links.source, ['links'], Object.keys(entry.links.value.links), linkIds, 'link id', problems);
    }
    for (const [sub, kind] of [['articles', 'article'], ['errors', 'catalog']] as const) {
      const folder = join(dir, sub);
      if (!existsSync(folder)) continue;
      for (const name of readdirSync(folder).filter((f) => f.endsWith('.json')).sort()) {
        const file = join(folder, name);
        if (kind === 'article') {
          const article = articlesByFile.get(name);
          if (!article) {
            problems.push(fileProblem(file, `no source file data/articles/${name} to translate`, suggestHint(name, articlesByFile.keys())));
            continue;
          }
          const o = loadFile<ArticleOverlay>(file, 'article-translation', problems);
          if (!o) continue;
          unknownKeys(o.source, ['steps'], Object.keys(o.value.steps ?? {}), article.steps.map((s) => s.id), 'step id', problems);
          entry.articles.set(article.id, o);
        } else {
          const catalog = catalogsByFile.get(name);
          if (!catalog) {
            problems.push(fileProblem(file, `no source file data/errors/${name} to translate`, suggestHint(name, catalogsByFile.keys())));
            continue;
          }
          const o = loadFile<CatalogOverlay>(file, 'catalog-translation', problems);
          if (!o) continue;
          unknownKeys(o.source, ['codes'], Object.keys(o.value.codes ?? {}), catalog.codes.map((c) => c.code), 'code', problems);
          unknownKeys(o.source, ['phases'], Object.keys(o.value.phases ?? {}), (catalog.phases ?? []).map((p) => p.id), 'phase id', problems);
          entry.catalogs.set(catalog.id, o);
        }
      }
    }
  }
  return { overlays, problems };
}

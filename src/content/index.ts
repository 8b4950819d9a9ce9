import type { Article, Catalog, Content, ErrorCode, LinkEntry, Sourced } from './types.ts';

/** Lookup tables over loaded content, built once and shared by validation and the page model. */
export interface ContentIndex {
  articles: Map<string, Sourced<Article>>;
  catalogs: Map<string, Sourced<Catalog>>;
  /** Keyed `<catalog>/<code>`. */
  codes: Map<string, { catalog: Catalog; code: ErrorCode }>;
  links: Map<string, LinkEntry>;
}

/** Builds lookup tables; the first record wins on duplicates (validation reports the rest). */
export function indexContent(content: Pick<Content, 'articles' | 'catalogs'> & { links?: Content['links'] }): ContentIndex {
  const articles = new Map<string, Sourced<Article>>();
  for (const a of content.articles) if (!articles.has(a.value.id)) articles.set(a.value.id, a);
  const catalogs = new Map<string, Sourced<Catalog>>();
  const codes = new Map<string, { catalog: Catalog; code: ErrorCode }>();
  for (const c of content.catalogs) {
    if (catalogs.has(c.value.id)) continue;
    catalogs.set(c.value.id, c);
    for (const code of c.value.codes) {
      const key = `${c.value.id}/${code.code}`;
      if (!codes.has(key)) codes.set(key, { catalog: c.value, code });
    }
  }
  const links = new Map(Object.entries(content.links?.value.links ?? {}));
  return { articles, catalogs, codes, links };
}

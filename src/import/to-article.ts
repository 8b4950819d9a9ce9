import { basename } from 'node:path';
import type { Article } from '../content/types.ts';
import { slug } from './link-registry.ts';
import { stepIds } from './step-ids.ts';
import type { ImportedDoc } from './types.ts';

/** The article id: the heading's `<a name>` anchor, else the file name, e.g. `fix-it.md` → `fix-it`. */
export function articleIdOf(doc: ImportedDoc): string {
  return doc.anchor?.trim() || slug(basename(doc.file).replace(/\.md$/i, '').replace(/\.[a-z]{2}(-[a-z]{2,4})?$/i, ''), 80);
}

/** A source article record from an imported Docs file, fields in the order authors write them; `schema` is its `$schema`. */
export function toArticle(doc: ImportedDoc, schema = '../schemas/article.schema.json'): Article & { $schema: string } {
  const ids = stepIds(doc.steps);
  const m = doc.meta;
  const article = {
    $schema: schema,
    id: articleIdOf(doc),
    title: m.title ?? doc.heading ?? articleIdOf(doc),
    summary: m.summary,
    intro: doc.intro,
    updated: m.updated,
    audience: m.audience,
    owner: m.owner,
    robots: m.robots,
    steps: doc.steps.map((s, i) => ({ id: ids[i], text: s.text, ...(s.errors.length ? { errors: [...new Set(s.errors)] } : {}) })),
  };
  return JSON.parse(JSON.stringify(article)) as Article & { $schema: string };
}

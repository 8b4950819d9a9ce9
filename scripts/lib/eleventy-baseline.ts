/**
 * The plain-Eleventy baseline project: the same records Fieldguide renders, one page each, through
 * one minimal Nunjucks template; no validation, no markdown, no search, no model.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface BaselineRecord {
  url: string;
  locale: string;
  title: string;
  texts: string[];
}

type Obj = Record<string, unknown>;

const template = `---
pagination:
  data: records
  size: 1
  alias: r
permalink: "{{ r.url }}"
---
<!doctype html>
<html lang="{{ r.locale }}"><head><meta charset="utf-8"><title>{{ r.title }}</title></head>
<body><main><h1>{{ r.title }}</h1>
{% for t in r.texts %}<p>{{ t }}</p>
{% endfor %}</main></body></html>
`;

const readJson = (file: string): Obj => JSON.parse(readFileSync(file, 'utf8')) as Obj;
const jsonFiles = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

/** A record's text fields in one locale: the overlay's where it has them, else the source's. */
function texts(source: Obj, overlay: Obj | undefined, fields: string[]): string[] {
  return fields.flatMap((f) => ((overlay?.[f] ?? source[f]) as string | undefined) ?? []);
}

/** One record per code and article per locale, padded with small records to exactly `pages`. */
export function baselineRecords(dataDir: string, pages: number): BaselineRecord[] {
  const site = readJson(join(dataDir, 'site.json')) as { locales: { code: string }[] };
  const records: BaselineRecord[] = [];
  for (const { code: locale } of site.locales) {
    const overlayDir = join(dataDir, 'translations', locale);
    const overlay = (kind: string, file: string): Obj | undefined => {
      try { return readJson(join(overlayDir, kind, file)); } catch { return undefined; }
    };
    for (const file of jsonFiles(join(dataDir, 'errors'))) {
      const catalog = readJson(join(dataDir, 'errors', file));
      const o = overlay('errors', file);
      records.push({ url: `/${locale}/errors/${catalog.id as string}/`, locale, title: String(o?.title ?? catalog.title), texts: texts(catalog, o, ['summary']) });
      for (const k of catalog.codes as Obj[]) {
        const ko = (o?.codes as Record<string, Obj> | undefined)?.[k.code as string];
        records.push({ url: `/${locale}/errors/${catalog.id as string}/${k.code as string}/`, locale, title: String(ko?.title ?? k.title ?? k.code), texts: texts(k, ko, ['meaning', 'action']) });
      }
    }
    for (const file of jsonFiles(join(dataDir, 'articles'))) {
      const article = readJson(join(dataDir, 'articles', file));
      const o = overlay('articles', file);
      const steps = (article.steps as Obj[]).flatMap((s) => texts(s, (o?.steps as Record<string, Obj> | undefined)?.[s.id as string], ['title', 'text']));
      records.push({ url: `/${locale}/articles/${article.id as string}/`, locale, title: String(o?.title ?? article.title), texts: [...texts(article, o, ['summary', 'intro']), ...steps] });
    }
  }
  for (let i = 0; records.length < pages; i++) records.push({ url: `/extra/${i}/`, locale: 'en', title: `Page ${i}`, texts: ['A page Fieldguide has (home, references, status) that the records above do not cover.'] });
  return records.slice(0, pages);
}

/** Writes the baseline project into `dir` and returns its input folder's parent. */
export function writeBaselineProject(dir: string, dataDir: string, pages: number): string {
  mkdirSync(join(dir, 'src', '_data'), { recursive: true });
  writeFileSync(join(dir, 'src', 'pages.njk'), template);
  writeFileSync(join(dir, 'src', '_data', 'records.json'), JSON.stringify(baselineRecords(dataDir, pages)));
  return dir;
}

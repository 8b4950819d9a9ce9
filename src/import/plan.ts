import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { loadTranslatedContent } from '../build/prepare-site.ts';
import { displayPath } from '../content/json-source.ts';
import type { Problem } from '../content/problems.ts';
import type { Article, Content } from '../content/types.ts';
import { suggestHint } from '../content/did-you-mean.ts';
import { missingSchemas, schemaRef } from '../content/schema-files.ts';
import { codeIndex, codeRef } from './code-names.ts';
import { readFrontMatter } from './front-matter.ts';
import { docsMeta } from './docs-meta.ts';
import { createRegistry, registerLink, type Registry } from './link-registry.ts';
import { siteLocale } from './locale.ts';
import { sourceRefs } from './match-steps.ts';
import { parseArticle } from './parse-article.ts';
import { addLinks } from './registry-file.ts';
import { articleIdOf, toArticle } from './to-article.ts';
import { toOverlay } from './to-overlay.ts';
import { overlayReport } from './overlay-report.ts';
import { ImportUsageError, type ImportedDoc } from './types.ts';

export interface ImportOptions {
  dataDir: string;
  files: string[];
  locale?: string;
  translationOf?: string;
  /** YYYY-MM-DD used when a translation's front matter gives no date. */
  today?: string;
}

/** A file the import would write: absolute path and full new text. */
export interface FileChange {
  path: string;
  text: string;
}

/** Everything an import would do, before anything is written. */
export interface ImportPlan {
  content: Content;
  changes: FileChange[];
  /** Report lines for people (what was imported, how steps matched, which links were reused). */
  lines: string[];
  warnings: Problem[];
  /** Protected terms the imported translations lost, located in the overlay to be written. */
  violations: Problem[];
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The parts of one markdown file, read and converted against the registry and catalogs. */
function readDoc(file: string, content: Content, registry: Registry, prefer: string[]): ImportedDoc {
  if (!existsSync(file)) throw new ImportUsageError(`file not found: ${displayPath(resolve(file))}`);
  const shown = displayPath(resolve(file));
  const fm = readFrontMatter(shown, readFileSync(file, 'utf8'));
  const meta = docsMeta(shown, fm);
  const codes = codeIndex(content.catalogs.map((c) => c.value));
  return parseArticle(shown, fm.body, fm.bodyLine, meta, {
    link: (url, text) => registerLink(registry, url, text),
    code: (name) => codeRef(codes, name, prefer),
  });
}

/** The translated locale a file is in: --locale, else its ms.contentlocale; a usage error when it is no site locale. */
function translationLocale(content: Content, file: string, wanted: string | undefined): string {
  const site = content.site.value;
  const others = site.locales.filter((l) => l.code !== site.defaultLocale).map((l) => l.code);
  if (!wanted) throw new ImportUsageError(`${file} names no locale (no ms.contentlocale); pass --locale (${others.join(', ') || 'the site has no translated locale'})`);
  const code = siteLocale(site, wanted);
  if (!code || code === site.defaultLocale) {
    throw new ImportUsageError(`"${wanted}" is not a translated locale of this site (${others.join(', ') || 'none'}); add it to site.json first`);
  }
  return code;
}

/** Plans the import of Docs markdown files into a data folder; throws ImportError or ImportUsageError. */
export function planImport(opts: ImportOptions): ImportPlan {
  const { content } = loadTranslatedContent(opts.dataDir);
  const site = content.site.value;
  const registry = createRegistry(content.links.value.links);
  const articles = new Map<string, { value: Article; file: string }>(content.articles.map((a) => [a.value.id, { value: a.value, file: basename(a.source.file) }]));
  const plan: ImportPlan = { content, changes: [], lines: [], warnings: [], violations: [] };
  const put = (path: string, text: string) => {
    plan.changes = plan.changes.filter((c) => c.path !== path);
    plan.changes.push({ path, text });
  };
  const today = opts.today ?? new Date().toISOString().slice(0, 10);

  const source = opts.translationOf ? articles.get(opts.translationOf) : undefined;
  if (opts.translationOf && !source) {
    const hint = suggestHint(opts.translationOf, articles.keys());
    throw new ImportUsageError(`--translation-of: no article "${opts.translationOf}" in ${displayPath(resolve(opts.dataDir))}${hint ? `; ${hint}` : ''}`);
  }

  // A code name found in several catalogs means the one the source article refers to.
  const prefer = source ? source.value.steps.flatMap((s) => sourceRefs(s).errors) : [];

  for (const file of opts.files) {
    const shown = displayPath(resolve(file));
    const doc = readDoc(file, content, registry, prefer);
    plan.warnings.push(...doc.warnings);
    const docLocale = opts.locale ?? doc.meta.translation?.locale;

    if (!source) {
      if (docLocale && siteLocale(site, docLocale) !== site.defaultLocale) {
        throw new ImportUsageError(`${shown} is in ${docLocale}, not the source locale ${site.defaultLocale}; import it with --translation-of <article-id>`);
      }
      const path = join(content.dataDir, 'articles', `${articleIdOf(doc)}.json`);
      const article = toArticle(doc, schemaRef(content.dataDir, path, 'article'));
      put(path, json(article));
      plan.lines.push(`${shown} → article ${article.id}: ${article.steps.length} step${article.steps.length === 1 ? '' : 's'} (${article.steps.map((s) => s.id).join(', ')})`);
      continue;
    }

    const locale = translationLocale(content, shown, docLocale);
    const path = join(content.dataDir, 'translations', locale, 'articles', source.file);
    const result = toOverlay(doc, source.value, site.glossary ?? [], today, schemaRef(content.dataDir, path, 'article-translation'));
    const text = json(result.overlay);
    put(path, text);
    const report = overlayReport({
      file: shown, locale, sourceLocale: site.defaultLocale, source: source.value, result, shownPath: displayPath(path), text,
      importedSteps: doc.steps.length, severity: site.translationPolicy?.protectedTerms ?? 'error',
    });
    plan.lines.push(...report.lines);
    plan.warnings.push(...report.warnings);
    plan.violations.push(...report.violations);
  }

  const reused = [...registry.reused];
  plan.lines.push(`links: ${reused.length} reused${reused.length ? ` (${reused.join(', ')})` : ''}, ${registry.added.length} new${registry.added.length ? ` (${registry.added.join(', ')})` : ''}`);
  if (registry.added.length > 0) {
    const added = Object.fromEntries(registry.added.map((id) => [id, registry.links[id]]));
    put(join(content.dataDir, 'links.json'), addLinks(content.links.source.text, added));
  }
  // The written files name their schemas relatively; a data folder without them gets them too.
  for (const schema of missingSchemas(plan.changes)) put(schema.path, schema.text);
  return plan;
}

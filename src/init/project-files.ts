import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { shippedSchemas } from '../content/schema-files.ts';
import { builtinDictionaries } from '../i18n/create-i18n.ts';
import { localeEntry, newUiFile } from '../i18n/init-locale.ts';
import { setValue } from '../i18n/json-edit.ts';
import { packageRoot, packageVersion } from '../package-root.ts';
import { editorSettingsFile } from './editor-settings.ts';

/** The folder of the example knowledge base inside the package. */
export const exampleDir = join(packageRoot, 'example');

/**
 * The CI and hosting recipes, each a file of the package written to the same place in a new
 * knowledge base: this repository runs the same files for its own site.
 */
export const recipeFiles = [
  '.github/workflows/links.yml',
  'azure-pipelines.yml',
  '.gitlab-ci.yml',
  'Dockerfile',
  '.dockerignore',
  'deploy/nginx.conf',
  'deploy/iis/web.config',
  'deploy/apache/.htaccess',
] as const;

/** What a file of a new knowledge base is for; `content` files are only ever written together. */
export type FileGroup = 'content' | 'translation' | 'schemas' | 'editor' | 'recipes' | 'project';

/** One file `init` writes, relative to the knowledge base's folder, e.g. `data/site.json`. */
export interface ProjectFile {
  path: string;
  text: string;
  group: FileGroup;
}

export interface ProjectOptions {
  /** The site's title; the example's own when undefined. */
  title?: string;
  /** Locale codes, the source (`en`) first, e.g. `['en', 'de']`. */
  locales: string[];
  /** The package name for package.json, e.g. `kb`. */
  name: string;
}

/** The example's source language: its text is English, so a new site's first locale is `en`. */
export const exampleSource = 'en';

/** The example's site settings and the product its catalogs describe, e.g. `{ title: 'Kestrel Backup troubleshooting', product: 'Kestrel Backup' }`. */
export function exampleSite(): { title: string; product: string } {
  const site = JSON.parse(readFileSync(join(exampleDir, 'data', 'site.json'), 'utf8')) as { title: string };
  const catalogs = join(exampleDir, 'data', 'errors');
  const first = readdirSync(catalogs).sort()[0];
  const catalog = JSON.parse(readFileSync(join(catalogs, first), 'utf8')) as { product?: string; title: string };
  return { title: site.title, product: catalog.product ?? catalog.title };
}

/** The locales the example ships translations for, read from its translations folder, e.g. `['de']`. */
export const exampleTranslations = (): string[] => readdirSync(join(exampleDir, 'data', 'translations')).sort();

/** Every file under `dir`, relative to it with `/` separators, e.g. `data/site.json`. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** The example's site.json with its title and locales replaced, the rest of the file as written. */
export function siteFile(text: string, options: ProjectOptions): string {
  const site = JSON.parse(text) as { title: string; locales: { code: string }[] };
  let out = text;
  if (options.title !== undefined && options.title !== site.title) out = setValue(out, ['title'], options.title);
  const same = site.locales.length === options.locales.length && site.locales.every((l, i) => l.code === options.locales[i]);
  if (!same) {
    const entries = options.locales.map((code) => (code === exampleSource ? { code, label: 'English', dir: 'ltr' } : localeEntry(code)));
    out = setValue(out, ['locales'], entries);
  }
  return out;
}

/** A package.json that installs this version of Fieldguide and names its commands. */
export function packageFile(name: string): string {
  const pkg = {
    name,
    private: true,
    description: 'Troubleshooting knowledge base built with Fieldguide',
    scripts: {
      build: 'fieldguide build && fieldguide bundle',
      start: 'fieldguide serve',
      'check-links': 'fieldguide check-links',
      'i18n:status': 'fieldguide i18n status',
    },
    dependencies: { fieldguide: `^${packageVersion()}` },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** What git should leave out: dependencies, the built site and zip, and the link checker's cache. */
export const gitignoreFile = 'node_modules/\n_site/\n_site.*/\ndist/\n.cache/\n';

/**
 * Every file of a new knowledge base: the example's content (its translations only for chosen
 * locales it has them for; a chosen title other than the example's leaves the site record
 * untranslated, since its translation was of the old title), a ui.json to translate for every
 * other chosen locale, the JSON Schemas, the editor settings, the recipes and the project files.
 */
export function projectFiles(options: ProjectOptions): ProjectFile[] {
  const out: ProjectFile[] = [];
  const translated = new Set(exampleTranslations());
  const retitled = options.title !== undefined && options.title !== exampleSite().title;
  for (const path of filesUnder(exampleDir)) {
    const text = readFileSync(join(exampleDir, path), 'utf8');
    const locale = /^data\/translations\/([^/]+)\//.exec(path)?.[1];
    if (locale && !options.locales.includes(locale)) continue;
    if (locale && retitled && path === `data/translations/${locale}/site.json`) continue;
    const group: FileGroup = locale ? 'translation' : path.startsWith('data/') ? 'content' : 'project';
    out.push({ path, text: path === 'data/site.json' ? siteFile(text, options) : text, group });
  }
  const english = builtinDictionaries()[exampleSource];
  for (const code of options.locales.filter((c) => c !== exampleSource && !translated.has(c))) {
    out.push({ path: `data/translations/${code}/ui.json`, text: newUiFile(english, code), group: 'translation' });
  }
  for (const { name, text } of shippedSchemas()) out.push({ path: `data/schemas/${name}`, text, group: 'schemas' });
  out.push({ path: '.vscode/settings.json', text: editorSettingsFile('data'), group: 'editor' });
  for (const path of recipeFiles) out.push({ path, text: readFileSync(join(packageRoot, path), 'utf8'), group: 'recipes' });
  out.push({ path: 'package.json', text: packageFile(options.name), group: 'project' });
  out.push({ path: '.gitignore', text: gitignoreFile, group: 'project' });
  return out;
}

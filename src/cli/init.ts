import { existsSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { loadTranslatedContent } from '../build/prepare-site.ts';
import { siteDictionaries } from '../i18n/create-i18n.ts';
import { localeCodeProblem } from '../i18n/init-locale.ts';
import { translationStatus } from '../i18n/status.ts';
import { exampleSite, exampleSource, projectFiles, type ProjectFile } from '../init/project-files.ts';
import { occupyingEntries, writeProject, type WriteResult } from '../init/write-project.ts';

type Values = Record<string, string | boolean | undefined>;

const defaultLocales = 'en,de';

function usage(message: string): number {
  console.error(`fieldguide init: ${message}; run 'fieldguide init --help'`);
  return 2;
}

/** The locale codes of `--locales`, or why they cannot be, e.g. `en,de` → `['en', 'de']`; `de,en` → a message. */
export function parseLocales(raw: string): string[] | string {
  const codes = raw.split(',').map((c) => c.trim()).filter(Boolean);
  if (codes.length === 0) return 'name at least one locale, the source first, e.g. en,de';
  for (const code of codes) {
    const problem = localeCodeProblem(code);
    if (problem) return problem;
  }
  const twice = codes.find((c, i) => codes.indexOf(c) !== i);
  if (twice) return `"${twice}" is listed twice`;
  if (codes[0] !== exampleSource) return `the example is written in English, so the first (source) locale must be ${exampleSource}; list your languages after it, e.g. ${exampleSource},${codes.filter((c) => c !== exampleSource).join(',')}`;
  return codes;
}

/** A package name from a folder name, e.g. `My KB` → `my-kb`; `knowledge-base` when nothing usable is left. */
export function packageName(folder: string): string {
  return folder.toLowerCase().replace(/[^a-z0-9._~-]+/g, '-').replace(/^[-._~]+|[-._~]+$/g, '').slice(0, 214) || 'knowledge-base';
}

/**
 * Answers read line by line from a terminal. Lines typed (or pasted) before a question is shown
 * are kept for it rather than lost; Ctrl+D or Ctrl+C ends the questions (undefined).
 */
function terminalLines(rl: ReturnType<typeof createInterface>): (prompt: string) => Promise<string | undefined> {
  const queue: string[] = [];
  let waiting: ((line: string | undefined) => void) | undefined;
  let closed = false;
  rl.on('line', (line) => {
    if (waiting) {
      const done = waiting;
      waiting = undefined;
      done(line);
    } else queue.push(line);
  });
  rl.on('close', () => {
    closed = true;
    waiting?.(undefined);
  });
  rl.on('SIGINT', () => rl.close());
  return (prompt) => {
    rl.setPrompt(prompt);
    rl.prompt();
    if (queue.length > 0) {
      const line = queue.shift()!;
      process.stdout.write(`${line}\n`);
      return Promise.resolve(line);
    }
    if (closed) return Promise.resolve(undefined);
    return new Promise((done) => (waiting = done));
  };
}

/** Asks until the answer is acceptable (`problem` returns undefined); an empty answer takes the default; undefined when the questions were ended. */
async function ask(next: (prompt: string) => Promise<string | undefined>, question: string, fallback: string, problem: (answer: string) => string | undefined): Promise<string | undefined> {
  for (;;) {
    const line = await next(`${question} (${fallback}): `);
    if (line === undefined) return undefined;
    const answer = line.trim() || fallback;
    const why = problem(answer);
    if (!why) return answer;
    console.error(`  ${why}`);
  }
}

/** Why the settings cannot be had: a usage problem, or the questions ended before an answer. */
type NoSettings = { usage: string } | { cancelled: true };

/** Title and locales: from the flags, else asked on a terminal, else the example's. */
async function settings(values: Values): Promise<{ title?: string; locales: string[] } | NoSettings> {
  const flagTitle = typeof values.title === 'string' ? values.title.trim() : undefined;
  if (flagTitle === '') return { usage: '--title must not be empty' };
  const flagLocales = typeof values.locales === 'string' ? parseLocales(values.locales) : undefined;
  if (typeof flagLocales === 'string') return { usage: `--locales: ${flagLocales}` };
  const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true;
  if (!interactive || (flagTitle !== undefined && flagLocales !== undefined)) return { title: flagTitle, locales: flagLocales ?? (parseLocales(defaultLocales) as string[]) };
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const next = terminalLines(rl);
  try {
    const title = flagTitle ?? (await ask(next, 'Site title', exampleSite().title, () => undefined));
    if (title === undefined) return { cancelled: true };
    const locales = flagLocales ?? (await ask(next, 'Languages, the source first', defaultLocales, (a) => {
      const parsed = parseLocales(a);
      return typeof parsed === 'string' ? parsed : undefined;
    }));
    if (locales === undefined) return { cancelled: true };
    return { title, locales: typeof locales === 'string' ? (parseLocales(locales) as string[]) : locales };
  } finally {
    rl.close();
  }
}

/** A few paths, e.g. `README.md, data/site.json and 3 more`. */
function some(paths: string[]): string {
  return paths.length > 4 ? `${paths.slice(0, 4).join(', ')} and ${paths.length - 4} more` : paths.join(', ');
}

/** The lines describing what was written, by what it is for. */
function summaryLines(dir: string, result: WriteResult): string[] {
  const paths = (test: (f: ProjectFile) => boolean) => result.written.filter(test).map((f) => f.path);
  const lines: string[] = [];
  const count = (folder: string) => paths((f) => f.path.startsWith(`data/${folder}/`)).length;
  const content = paths((f) => f.group === 'content');
  if (content.length > 0) {
    const articles = count('articles');
    const catalogs = count('errors');
    lines.push(`  content      data/: site.json, links.json, ${articles} article${articles === 1 ? '' : 's'} (articles/), ${catalogs} catalog${catalogs === 1 ? '' : 's'} (errors/)`);
    lines.push(...translationLines(dir));
  }
  const schemas = paths((f) => f.group === 'schemas');
  if (schemas.length > 0) lines.push(`  schemas      data/schemas/: ${schemas.length} JSON Schemas for editors${paths((f) => f.group === 'editor').length ? '; .vscode/settings.json maps them' : ''}`);
  const guide = paths((f) => f.path === 'README.md');
  if (guide.length > 0) lines.push('  guide        README.md: how to write, translate, check and publish');
  const ci = paths((f) => f.group === 'recipes' && /\.ya?ml$/.test(f.path));
  if (ci.length > 0) lines.push(`  CI           ${ci.join(', ')}`);
  const hosting = paths((f) => f.group === 'recipes' && !/\.ya?ml$/.test(f.path));
  if (hosting.length > 0) lines.push(`  hosting      ${hosting.join(', ')}`);
  const project = paths((f) => f.path === 'package.json' || f.path === '.gitignore');
  if (project.length > 0) lines.push(`  project      ${project.join(', ')}`);
  if (result.kept.length > 0) lines.push(`  kept         ${result.kept.length} file${result.kept.length === 1 ? '' : 's'} already there, unchanged: ${some(result.kept.map((f) => f.path))}`);
  if (result.skipped.length > 0) lines.push(`  not added    the example's ${result.skipped.length} content files: data/site.json was there, and the example's records would mix with yours`);
  return lines;
}

/** One line per translated locale of the new site, from its real translation status. */
function translationLines(dir: string): string[] {
  const { content, overlays, termProblems } = loadTranslatedContent(join(dir, 'data'));
  return translationStatus(content, overlays, termProblems, siteDictionaries(overlays)).map((s) => {
    const c = s.counts;
    const parts = [`${c.translated} of ${c.total} records translated`];
    if (c.stale) parts.push(`${c.stale} stale`);
    if (c.missing) parts.push(`${c.missing} not yet translated`);
    if (s.ui.missing.length) parts.push(`${s.ui.missing.length} of ${s.ui.total} UI strings to translate`);
    return `  ${s.locale.padEnd(12)} data/translations/${s.locale}/: ${parts.join(', ')}`;
  });
}

/** `fieldguide init [DIR]`: writes a small, buildable knowledge base of a made-up product, then says how to build and serve it. */
export async function initCommand(values: Values, positionals: string[]): Promise<number> {
  if (positionals.length > 1) return usage(`takes one folder, got ${positionals.length} (${positionals.join(', ')})`);
  const dir = resolve(positionals[0] ?? '.');
  const shown = relative(process.cwd(), dir) || '.';
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    console.error(`fieldguide init: ${shown} is a file, not a folder; name a new or empty folder`);
    return 1;
  }
  const occupied = occupyingEntries(dir);
  if (occupied.length > 0 && !values.force) {
    console.error(`fieldguide init: ${shown} is not empty (${some(occupied)}); choose an empty or new folder, or add --force to write only the files it lacks`);
    return 1;
  }
  const chosen = await settings(values);
  if ('usage' in chosen) return usage(chosen.usage);
  if ('cancelled' in chosen) {
    console.error('\nfieldguide init: no answer; nothing was written');
    return 1;
  }
  const files = projectFiles({ title: chosen.title, locales: chosen.locales, name: packageName(basename(dir)) });
  const result = writeProject(dir, files);
  const languages = chosen.locales.map((c) => new Intl.DisplayNames(['en'], { type: 'language' }).of(c) ?? c);
  const list = languages.length > 1 ? `${languages.slice(0, -1).join(', ')} and ${languages.at(-1)}` : languages[0];
  const what = result.written.some((f) => f.group === 'content') ? `a knowledge base of ${exampleSite().product}, a made-up product, in ${list}` : 'Fieldguide\'s project files';
  console.log(`fieldguide init: wrote ${result.written.length} file${result.written.length === 1 ? '' : 's'} into ${shown}: ${what}`);
  for (const line of summaryLines(dir, result)) console.log(line);
  console.log('');
  console.log('Build it and serve it:');
  if (shown !== '.') console.log(`  cd ${shown.includes(' ') ? JSON.stringify(shown) : shown}`);
  if (!existsSync(join(dir, 'node_modules', 'fieldguide', 'package.json'))) {
    console.log(result.written.some((f) => f.path === 'package.json') ? '  npm install' : '  npm install fieldguide');
  }
  console.log('  npx fieldguide build');
  console.log('  npx fieldguide serve');
  return 0;
}

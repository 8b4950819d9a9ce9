import { createInspectingMarkdown, linkTargets } from '../markdown/create-markdown.ts';
import { parseCodeRef, parseReference, schemeOf } from '../markdown/references.ts';
import { suggestHint } from './did-you-mean.ts';
import { idProblem, shortId, suggestId } from './ids.ts';
import { indexContent, type ContentIndex } from './index.ts';
import { problemAt, type JsonPath, type JsonSource } from './json-source.ts';
import type { LoadResult } from './load.ts';
import type { Problem } from './problems.ts';
import type { Sourced } from './types.ts';

const inspector = createInspectingMarkdown();
export const localePattern = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** What references may be checked: targets in files that failed to load are not reported again. */
interface Scope {
  index: ContentIndex;
  linksKnown: boolean;
  invalidCatalogs: Set<string>;
}

function checkId(source: JsonSource, path: JsonPath, id: string, what: string, out: Problem[]): void {
  const reason = idProblem(id);
  if (reason) {
    out.push(problemAt(source, path, `${what} "${shortId(id)}" ${reason}`, {
      hint: `ids become URLs and file names; try "${suggestId(id)}"`,
    }));
  }
}

function checkUnique(
  items: { id: string; source: JsonSource; path: JsonPath }[],
  what: string,
  out: Problem[],
  caseInsensitive = false,
): void {
  const seen = new Map<string, { id: string; source: JsonSource; path: JsonPath }>();
  for (const item of items) {
    const key = caseInsensitive ? item.id.toLowerCase() : item.id;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, item);
      continue;
    }
    const firstAt = problemAt(first.source, first.path, '');
    out.push(problemAt(item.source, item.path, `duplicate ${what} "${item.id}"`, {
      hint: `already used at ${firstAt.file}:${firstAt.line}:${firstAt.column}${caseInsensitive && first.id !== item.id ? ` as "${first.id}"; ids differing only in case collide on case-insensitive file systems` : ''}`,
    }));
  }
}

function checkCodeRef(source: JsonSource, path: JsonPath, ref: string, scope: Scope, out: Problem[], needle?: string): void {
  const { catalog, code } = parseCodeRef(ref);
  if (scope.invalidCatalogs.has(catalog)) return;
  if (!scope.index.catalogs.has(catalog)) {
    out.push(problemAt(source, path, `unknown error catalog "${catalog}"`, {
      needle, hint: suggestHint(catalog, scope.index.catalogs.keys()) ?? 'write <catalog>/<code>, e.g. error:my-catalog/my-code',
    }));
  } else if (!scope.index.codes.has(`${catalog}/${code}`)) {
    const codes = scope.index.catalogs.get(catalog)!.value.codes.map((c) => c.code);
    out.push(problemAt(source, path, `unknown code "${code}" in catalog "${catalog}"`, { needle, hint: suggestHint(code, codes) }));
  }
}

function checkLinkRef(source: JsonSource, path: JsonPath, id: string, scope: Scope, out: Problem[], needle?: string): void {
  if (!scope.linksKnown || scope.index.links.has(id)) return;
  out.push(problemAt(source, path, `unknown link id "${id}"`, {
    needle, hint: suggestHint(id, scope.index.links.keys()) ?? 'add it to data/links.json',
  }));
}

/** Checks every link target inside one markdown field. */
function checkText(source: JsonSource, path: JsonPath, text: string | undefined, scope: Scope, out: Problem[]): void {
  if (!text) return;
  for (const { href, image } of linkTargets(inspector, text)) {
    if (image) {
      out.push(problemAt(source, path, 'images are not supported in text', { needle: href, hint: 'pages carry no outside assets; describe the screen in words' }));
      continue;
    }
    const ref = parseReference(href);
    if (ref?.kind === 'link') checkLinkRef(source, path, ref.id, scope, out, href);
    else if (ref?.kind === 'error') checkCodeRef(source, path, `${ref.catalog}/${ref.code}`, scope, out, href);
    else if (href.startsWith('#')) continue;
    else {
      const scheme = schemeOf(href);
      const external = scheme === 'http' || scheme === 'https' || scheme === 'mailto';
      out.push(problemAt(source, path, external ? `external URL "${href}" written in text` : `link target "${href}" is not allowed`, {
        needle: href,
        hint: external
          ? 'register it in data/links.json and write [words](link:<id>)'
          : 'use link:<id>, error:<catalog>/<code> or #anchor',
      }));
    }
  }
}

function checkUrl(source: JsonSource, path: JsonPath, url: string, out: Problem[]): void {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    out.push(problemAt(source, path, `"${url}" is not an absolute URL`, { hint: 'write the full address, starting with https://' }));
    return;
  }
  if (!['http:', 'https:', 'mailto:'].includes(parsed.protocol)) {
    out.push(problemAt(source, path, `URL scheme "${parsed.protocol}" is not allowed`, { hint: 'only http:, https: and mailto: links are accepted' }));
  }
}

function checkSite(load: LoadResult, out: Problem[]): void {
  const site = load.content.site;
  if (!site) return;
  const codes = site.value.locales.map((l, i) => ({ id: l.code, source: site.source, path: ['locales', i, 'code'] as JsonPath }));
  for (const c of codes) {
    if (!localePattern.test(c.id)) out.push(problemAt(site.source, c.path, `locale code "${c.id}" is not a BCP 47 language tag`, { hint: 'e.g. "en", "id", "pt-BR"' }));
  }
  checkUnique(codes, 'locale', out, true);
  if (!codes.some((c) => c.id === site.value.defaultLocale)) {
    out.push(problemAt(site.source, ['defaultLocale'], `default locale "${site.value.defaultLocale}" is not in locales`, {
      hint: suggestHint(site.value.defaultLocale, codes.map((c) => c.id)) ?? 'add it to locales',
    }));
  }
}

function checkArticles(load: LoadResult, scope: Scope, out: Problem[]): void {
  const all = load.content.articles;
  checkUnique(all.map((a) => ({ id: a.value.id, source: a.source, path: ['id'] })), 'article id', out, true);
  for (const { value: a, source } of all) {
    checkId(source, ['id'], a.id, 'article id', out);
    checkText(source, ['summary'], a.summary, scope, out);
    checkText(source, ['intro'], a.intro, scope, out);
    checkUnique(a.steps.map((s, i) => ({ id: s.id, source, path: ['steps', i, 'id'] })), 'step id', out);
    a.steps.forEach((s, i) => {
      checkId(source, ['steps', i, 'id'], s.id, 'step id', out);
      checkText(source, ['steps', i, 'text'], s.text, scope, out);
      s.errors?.forEach((ref, j) => checkCodeRef(source, ['steps', i, 'errors', j], ref, scope, out));
      s.links?.forEach((id, j) => checkLinkRef(source, ['steps', i, 'links', j], id, scope, out));
    });
  }
}

function checkCatalogs(load: LoadResult, scope: Scope, out: Problem[]): void {
  const all = load.content.catalogs;
  checkUnique(all.map((c) => ({ id: c.value.id, source: c.source, path: ['id'] })), 'catalog id', out, true);
  for (const { value: c, source } of all) {
    checkId(source, ['id'], c.id, 'catalog id', out);
    checkText(source, ['summary'], c.summary, scope, out);
    const phaseIds = (c.phases ?? []).map((p) => p.id);
    c.phases?.forEach((p, i) => {
      checkId(source, ['phases', i, 'id'], p.id, 'phase id', out);
      checkText(source, ['phases', i, 'summary'], p.summary, scope, out);
    });
    checkUnique((c.phases ?? []).map((p, i) => ({ id: p.id, source, path: ['phases', i, 'id'] })), 'phase id', out);
    checkUnique(c.codes.map((code, i) => ({ id: code.code, source, path: ['codes', i, 'code'] })), 'code', out, true);
    c.codes.forEach((code, i) => {
      const at: JsonPath = ['codes', i];
      checkId(source, [...at, 'code'], code.code, 'code', out);
      checkText(source, [...at, 'meaning'], code.meaning, scope, out);
      checkText(source, [...at, 'action'], code.action, scope, out);
      code.related?.forEach((ref, j) => checkCodeRef(source, [...at, 'related', j], ref, scope, out));
      code.links?.forEach((id, j) => checkLinkRef(source, [...at, 'links', j], id, scope, out));
      if (c.phases && !code.phases) {
        out.push(problemAt(source, at, `code "${code.code}" names no phases`, { hint: `this catalog groups codes by phase: ${phaseIds.join(', ')}` }));
      } else if (!c.phases && code.phases) {
        out.push(problemAt(source, [...at, 'phases'], 'this catalog declares no phases', { key: true, hint: 'add a "phases" list to the catalog or remove this one' }));
      }
      code.phases?.forEach((p, j) => {
        if (c.phases && !phaseIds.includes(p)) {
          out.push(problemAt(source, [...at, 'phases', j], `unknown phase "${p}"`, { hint: suggestHint(p, phaseIds) ?? `phases: ${phaseIds.join(', ')}` }));
        }
      });
    });
  }
}

function checkLinks(links: Sourced<{ links: Record<string, import('./types.ts').LinkEntry> }> | undefined, out: Problem[]): void {
  if (!links) return;
  for (const [id, entry] of Object.entries(links.value.links)) {
    const at: JsonPath = ['links', id];
    checkId(links.source, at, id, 'link id', out);
    checkUrl(links.source, [...at, 'url'], entry.url, out);
    if (entry.archive) checkUrl(links.source, [...at, 'archive'], entry.archive, out);
    entry.history?.forEach((h, i) => checkUrl(links.source, [...at, 'history', i, 'url'], h.url, out));
  }
}

/** Runs every cross-record check over loaded content and returns all problems found, load problems first. */
export function validateContent(load: LoadResult): Problem[] {
  const out: Problem[] = [...load.problems];
  const index = indexContent(load.content as Parameters<typeof indexContent>[0]);
  const scope: Scope = { index, linksKnown: !load.invalid.links && !!load.content.links, invalidCatalogs: new Set(load.invalid.catalogFiles) };
  checkSite(load, out);
  checkLinks(load.content.links, out);
  checkArticles(load, scope, out);
  checkCatalogs(load, scope, out);
  return out;
}

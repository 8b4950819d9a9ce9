import { createInspectingMarkdown, linkTargets } from '../markdown/create-markdown.ts';
import { listIds, parseReference, referenceForms, schemeOf } from '../markdown/references.ts';
import { checkCodeNames } from './code-names.ts';
import { suggestHint } from './did-you-mean.ts';
import { idProblem, shortId, suggestId } from './ids.ts';
import { fileKindOf, fileKinds, kindNames, kinds, recordKey, type KindName } from './kinds.ts';
import { problemAt, type JsonPath, type JsonSource } from './json-source.ts';
import type { LoadResult } from './load.ts';
import type { Problem } from './problems.ts';
import { allRecords, isObject, type SourceRecord } from './records.ts';
import { checkSiteAddresses } from './site-addresses.ts';

const inspector = createInspectingMarkdown();
export const localePattern = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** What references may be checked against: every record that parsed, and the files that did not. */
export interface Scope {
  records: Map<string, SourceRecord>;
  /** True when the file that would hold a record could not be read, so its absence proves nothing. */
  unread: (kind: KindName, ids: string[]) => boolean;
}

function checkId(source: JsonSource, path: JsonPath, id: string, what: string, out: Problem[]): void {
  const reason = idProblem(id);
  if (reason) {
    out.push(problemAt(source, path, `${what} "${shortId(id)}" ${reason}`, {
      hint: `ids become URLs and file names; try "${suggestId(id)}"`,
    }));
  }
}

type Located = { id: string; source: JsonSource; path: JsonPath };

function checkUnique(items: Located[], what: string, out: Problem[], caseInsensitive = false): void {
  const seen = new Map<string, Located>();
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

/** Why a text's link target is refused, in the words every check uses. */
export interface Refusal {
  message: string;
  hint?: string;
}

/** What references may be checked against: the records that loaded, and the files that could not be read. */
export function referenceScope(records: SourceRecord[], unread: LoadResult['unread'] = []): Scope {
  return {
    records: new Map(records.map((r) => [r.key, r])),
    // A record in a folder's file is named by its file; a single file holds every record of its kinds.
    unread: (kind, ids) => {
      const file = fileKindOf(kind);
      return unread.some((u) => u.file === file && ('path' in fileKinds[file] || u.name === ids[0]));
    },
  };
}

/** Why a reference names no record, with the first missing id and a likely fix; undefined when it resolves. */
function unknownRef(kind: KindName, ids: string[], scope: Scope): Refusal | undefined {
  if (scope.records.has(recordKey(kind, ids)) || scope.unread(kind, ids)) return undefined;
  const at = kinds[kind].at;
  const siblings = (k: KindName, parent?: string) =>
    [...scope.records.values()].filter((r) => r.kind === k && r.parent === parent).map((r) => r.ids[r.ids.length - 1]);
  if ('parent' in at) {
    const parentKey = recordKey(at.parent, ids.slice(0, -1));
    if (!scope.records.has(parentKey)) {
      const wanted = ids[ids.length - 2];
      return { message: `unknown ${kinds[at.parent].label} "${wanted}"`, hint: suggestHint(wanted, siblings(at.parent)) ?? kinds[at.parent].hint };
    }
    const wanted = ids[ids.length - 1];
    return {
      message: `unknown ${kinds[kind].idLabel} "${wanted}" in ${kinds[at.parent].idLabel.replace(/ id$/, '')} "${ids[ids.length - 2]}"`,
      hint: suggestHint(wanted, siblings(kind, parentKey)),
    };
  }
  return { message: `unknown ${kinds[kind].idLabel} "${ids[0]}"`, hint: suggestHint(ids[0], siblings(kind)) ?? kinds[kind].hint };
}

function checkRef(source: JsonSource, path: JsonPath, kind: KindName, ids: string[], scope: Scope, out: Problem[], needle?: string): void {
  const refused = unknownRef(kind, ids, scope);
  if (refused) out.push(problemAt(source, path, refused.message, { needle, hint: refused.hint }));
}

/**
 * Why one link target written in text is refused: an image, a reference to no record, a URL
 * written out instead of registered, or a scheme pages may not carry; undefined when it is fine.
 */
export function refusedTarget(href: string, image: boolean, scope: Scope): Refusal | undefined {
  if (image) return { message: 'images are not supported in text', hint: 'pages carry no outside assets; describe the screen in words' };
  const ref = parseReference(href);
  if (ref) return unknownRef(ref.kind, ref.ids, scope);
  if (href.startsWith('#')) return undefined;
  const scheme = schemeOf(href);
  if (scheme === 'http' || scheme === 'https' || scheme === 'mailto') {
    return { message: `external URL "${href}" written in text`, hint: 'register it in data/links.json and write [words](link:<id>)' };
  }
  return { message: `link target "${href}" is not allowed`, hint: `use ${referenceForms()}` };
}

/** Checks every link target inside one markdown field. */
function checkText(source: JsonSource, path: JsonPath, text: unknown, scope: Scope, out: Problem[]): void {
  if (typeof text !== 'string' || !text) return;
  for (const { href, image } of linkTargets(inspector, text)) {
    const refused = refusedTarget(href, image, scope);
    if (refused) out.push(problemAt(source, path, refused.message, { needle: href, hint: refused.hint }));
  }
}

/** The table's checks for one record: a safe id, references in its text and in its reference lists. */
function checkRecord(r: SourceRecord, scope: Scope, out: Problem[]): void {
  const spec = kinds[r.kind];
  const at = spec.at as { id?: string; map?: string };
  if (at.id) checkId(r.file, [...r.path, at.id], r.ids[r.ids.length - 1], spec.idLabel, out);
  if (at.map) checkId(r.file, r.path, r.ids[0], spec.idLabel, out);
  for (const field of spec.markdown) checkText(r.file, [...r.path, field], r.value[field], scope, out);
  for (const [field, kind] of Object.entries(spec.lists ?? {}) as [string, KindName][]) {
    const list = r.value[field];
    if (!Array.isArray(list)) continue;
    list.forEach((entry, j) => {
      if (typeof entry === 'string') checkRef(r.file, [...r.path, field, j], kind, listIds(kind, entry), scope, out);
    });
  }
}

/** Ids unique among their siblings; records with a page of their own become folders, so case must differ by more. */
function checkUniqueIds(records: SourceRecord[], out: Problem[]): void {
  for (const kind of kindNames) {
    const at = kinds[kind].at as { id?: string };
    if (!at.id) continue;
    const groups = new Map<string | undefined, Located[]>();
    for (const r of records.filter((x) => x.kind === kind)) {
      const list = groups.get(r.parent) ?? [];
      list.push({ id: r.ids[r.ids.length - 1], source: r.file, path: [...r.path, at.id] });
      groups.set(r.parent, list);
    }
    for (const items of groups.values()) checkUnique(items, kinds[kind].idLabel, out, kinds[kind].page);
  }
}

function checkUrl(source: JsonSource, path: JsonPath, url: unknown, out: Problem[]): void {
  if (typeof url !== 'string') return;
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

/** Registry addresses: current, archived and former ones must all be absolute http(s) or mailto URLs. */
function checkLinkUrls(records: SourceRecord[], out: Problem[]): void {
  for (const r of records.filter((x) => x.kind === 'link')) {
    checkUrl(r.file, [...r.path, 'url'], r.value.url, out);
    checkUrl(r.file, [...r.path, 'archive'], r.value.archive, out);
    const history = r.value.history;
    if (Array.isArray(history)) history.forEach((h, i) => isObject(h) && checkUrl(r.file, [...r.path, 'history', i, 'url'], h.url, out));
  }
}

/** In a catalog with phases every code names known phases; without phases no code names any. */
function checkPhases(records: SourceRecord[], out: Problem[]): void {
  for (const catalog of records.filter((r) => r.kind === 'catalog')) {
    const declared = Array.isArray(catalog.value.phases);
    const phaseIds = records.filter((r) => r.kind === 'phase' && r.parent === catalog.key).map((r) => r.ids[1]);
    for (const code of records.filter((r) => r.kind === 'code' && r.parent === catalog.key)) {
      const phases = code.value.phases;
      if (declared && phases === undefined) {
        out.push(problemAt(code.file, code.path, `code "${code.ids[1]}" names no phases`, { hint: `this catalog groups codes by phase: ${phaseIds.join(', ')}` }));
      } else if (!declared && phases !== undefined) {
        out.push(problemAt(code.file, [...code.path, 'phases'], 'this catalog declares no phases', { key: true, hint: 'add a "phases" list to the catalog or remove this one' }));
      } else if (declared && Array.isArray(phases)) {
        phases.forEach((p, j) => {
          if (typeof p === 'string' && !phaseIds.includes(p)) {
            out.push(problemAt(code.file, [...code.path, 'phases', j], `unknown phase "${p}"`, { hint: suggestHint(p, phaseIds) ?? `phases: ${phaseIds.join(', ')}` }));
          }
        });
      }
    }
  }
}

function checkSite(load: LoadResult, out: Problem[]): void {
  const site = load.content.site;
  if (!site || !Array.isArray(site.value.locales)) return;
  const codes = site.value.locales
    .map((l, i) => ({ id: isObject(l) ? l.code : undefined, source: site.source, path: ['locales', i, 'code'] as JsonPath }))
    .filter((c): c is Located => typeof c.id === 'string');
  for (const c of codes) {
    if (!localePattern.test(c.id)) out.push(problemAt(site.source, c.path, `locale code "${c.id}" is not a BCP 47 language tag`, { hint: 'e.g. "en", "id", "pt-BR"' }));
  }
  checkUnique(codes, 'locale', out, true);
  const wanted = site.value.defaultLocale;
  if (typeof wanted === 'string' && !codes.some((c) => c.id === wanted)) {
    out.push(problemAt(site.source, ['defaultLocale'], `default locale "${wanted}" is not in locales`, {
      hint: suggestHint(wanted, codes.map((c) => c.id)) ?? 'add it to locales',
    }));
  }
}

/**
 * Runs every cross-record check over loaded content and returns all problems found, load
 * problems first. Files that broke their schema take part, so one run shows every problem.
 */
export function validateContent(load: LoadResult): Problem[] {
  const out: Problem[] = [...load.problems];
  const records = allRecords(load.content);
  const scope = referenceScope(records, load.unread);
  checkSite(load, out);
  if (load.content.site && isObject(load.content.site.value)) checkSiteAddresses(load.content.site.source, load.content.site.value, out);
  checkUniqueIds(records, out);
  for (const r of records) checkRecord(r, scope, out);
  checkLinkUrls(records, out);
  checkPhases(records, out);
  checkCodeNames(records, out);
  return out;
}

import { kindNames, kinds, recordKey, type KindName } from '../content/kinds.ts';

/** A reference to a record written in a markdown link target, e.g. `error:mim-run-status/success`. */
export interface Reference {
  kind: KindName;
  /** The target's ids from the outermost record down, e.g. `['mim-run-status', 'success']`. */
  ids: string[];
}

/** Kinds that can be referenced, the forms with a join (`article:<id>#<step>`) before the plain ones. */
const referable = kindNames
  .filter((k) => kinds[k].reference)
  .sort((a, b) => Number(!!kinds[b].reference!.join) - Number(!!kinds[a].reference!.join));

/**
 * Parses a markdown link target into a reference by the table of record kinds, e.g.
 * `error:mim-run-status/success` → `{ kind: 'code', ids: ['mim-run-status', 'success'] }`,
 * `article:a#s` → a step; targets of no record kind (`https:`, `#x`) → undefined.
 */
export function parseReference(href: string): Reference | undefined {
  const colon = href.indexOf(':');
  if (colon < 0) return undefined;
  const scheme = href.slice(0, colon);
  const rest = href.slice(colon + 1);
  const forms = referable.filter((k) => kinds[k].reference!.scheme === scheme);
  for (const kind of forms) {
    const join = kinds[kind].reference!.join;
    if (!join) return { kind, ids: [rest] };
    const at = rest.indexOf(join);
    if (at >= 0) return { kind, ids: [rest.slice(0, at), rest.slice(at + join.length)] };
  }
  // A scheme whose only form has a join, written without it (`error:catalog`): the id is missing.
  const [only] = forms;
  return only ? { kind: only, ids: [rest, ''] } : undefined;
}

/** The ids an entry of a reference list names, e.g. `listIds('code', 'a/b')` → `['a', 'b']`, `listIds('link', 'x')` → `['x']`. */
export function listIds(kind: KindName, entry: string): string[] {
  const join = kinds[kind].reference?.join;
  if (!join) return [entry];
  const at = entry.indexOf(join);
  return at < 0 ? [entry, ''] : [entry.slice(0, at), entry.slice(at + join.length)];
}

/** The record key a reference points at, e.g. `code/mim-run-status/success`. */
export const referenceKey = (ref: Reference): string => recordKey(ref.kind, ref.ids);

/** How a kind is referenced in text, e.g. `article:<id>#<step>`, for hints. */
export function referenceForm(kind: KindName): string {
  const form = kinds[kind].reference!;
  const at = kinds[kind].at;
  const own = `<${kinds[kind].idLabel.replace(/ id$/, '')}>`;
  if (!form.join || !('parent' in at)) return `${form.scheme}:<id>`;
  return `${form.scheme}:<${at.parent}>${form.join}${own}`;
}

/** Every reference form, for hints, e.g. `link:<id>, error:<catalog>/<code>, … or #anchor`. */
export const referenceForms = (): string => `${kindNames.filter((k) => kinds[k].reference).map(referenceForm).join(', ')} or #anchor`;

/** The URL scheme of a link target, lower-cased, e.g. `JavaScript:alert(1)` → `javascript`. */
export function schemeOf(href: string): string | undefined {
  // Browsers ignore tabs and newlines inside schemes, so an attacker's `java\tscript:` is still javascript:.
  const m = /^([a-z][a-z0-9+.-]*):/i.exec(href.replace(/[\u0000-\u0020]/g, ''));
  return m ? m[1].toLowerCase() : undefined;
}

/** The schemes of record references, e.g. `link`, `error`, `article`, `catalog`. */
export const referenceSchemes = (): Set<string> => new Set(referable.map((k) => kinds[k].reference!.scheme));

import { maxIdLength, shortId } from './ids.ts';
import { problemAt, type JsonPath, type JsonSource } from './json-source.ts';
import type { Problem } from './problems.ts';
import { isObject, type SourceRecord } from './records.ts';

/**
 * The names a code is known by: its code and its aliases. Readers reach a code by any of them —
 * in a `go/#<name>` address, in search and in a pasted log, where a name is matched as a whole
 * word — so within one catalog every name must lead to exactly one code.
 */

/** Letters, digits, `.`, `_` and `-`, starting and ending with a letter or digit: what the log reader takes as one word. */
const aliasPattern = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/;

/** How a catalog compares names: exactly when it says its codes are case-sensitive, else in lower case. */
export function nameKey(name: string, caseSensitive: boolean): string {
  return caseSensitive ? name : name.toLowerCase();
}

/** True when a catalog's record says its product tells codes apart by case (`"caseSensitive": true`). */
export function isCaseSensitive(catalog: Record<string, unknown>): boolean {
  return catalog.caseSensitive === true;
}

/** Why an alias cannot be found as a whole word, or undefined when it can, e.g. `aliasProblem('a b')` → `contains white space`. */
export function aliasProblem(alias: string): string | undefined {
  if (alias.length > maxIdLength) return `is longer than ${maxIdLength} characters`;
  if (/\s/.test(alias)) return 'contains white space';
  if (!aliasPattern.test(alias)) return 'may only hold letters, digits, ".", "_" and "-", starting and ending with a letter or digit';
  return undefined;
}

interface Named {
  code: string;
  source: JsonSource;
  path: JsonPath;
}

const at = (n: Named) => {
  const p = problemAt(n.source, n.path, '');
  return `${p.file}:${p.line}:${p.column}`;
};

/** The hint's tail when two names met only because the catalog ignores case. */
function caseNote(caseSensitive: boolean, written: string, other: string): string {
  if (caseSensitive || written === other) return '';
  return ` as "${other}"; this catalog finds names whatever their case (set "caseSensitive": true in the catalog if the product tells them apart)`;
}

/** The aliases of one code with where each is written, skipping entries the schema check refuses. */
function aliasesOf(code: SourceRecord): { alias: string; path: JsonPath }[] {
  const list = code.value.aliases;
  if (!Array.isArray(list)) return [];
  return list.flatMap((alias, j) => (typeof alias === 'string' && alias ? [{ alias, path: [...code.path, 'aliases', j] }] : []));
}

/** Checks the aliases of one catalog's codes: each a whole word, none naming another code or repeating an alias. */
function checkCatalog(catalog: SourceRecord, codes: SourceRecord[], out: Problem[]): void {
  const caseSensitive = isCaseSensitive(catalog.value);
  const key = (name: string) => nameKey(name, caseSensitive);
  // Codes first: a code keeps its name, and the alias that collides with it is the one to change.
  const codeAt = new Map<string, Named>();
  for (const c of codes) {
    const name = c.ids[c.ids.length - 1];
    if (!codeAt.has(key(name))) codeAt.set(key(name), { code: name, source: c.file, path: [...c.path, 'code'] });
  }
  const aliasAt = new Map<string, Named & { alias: string }>();
  for (const c of codes) {
    const own = c.ids[c.ids.length - 1];
    for (const { alias, path } of aliasesOf(c)) {
      const reason = aliasProblem(alias);
      if (reason) {
        out.push(problemAt(c.file, path, `alias "${shortId(alias)}" ${reason}`, {
          hint: 'aliases are found as whole words in pasted logs and in go/#<alias> addresses; write the name as the product prints it, e.g. 0x80070005',
        }));
        continue;
      }
      const code = codeAt.get(key(alias));
      if (code && code.code === own) {
        out.push(problemAt(c.file, path, `alias "${alias}" repeats the code it belongs to`, {
          hint: `remove it: a code is always found by its own name${caseNote(caseSensitive, alias, own)}`,
        }));
      } else if (code) {
        out.push(problemAt(c.file, path, `alias "${alias}" of code "${own}" is already a code of this catalog`, {
          hint: `the code at ${at(code)}${caseNote(caseSensitive, alias, code.code)}; each name in a catalog leads to one code`,
        }));
      } else {
        const first = aliasAt.get(key(alias));
        if (!first) aliasAt.set(key(alias), { alias, code: own, source: c.file, path });
        else {
          out.push(problemAt(c.file, path, `duplicate alias "${alias}"`, {
            hint: `already an alias of code "${first.code}" at ${at(first)}${caseNote(caseSensitive, alias, first.alias)}`,
          }));
        }
      }
    }
  }
}

/**
 * Aliases are checked like ids: each can be found as one word, and no name is used twice in a
 * catalog (by the catalog's case rule). The same name in two catalogs is allowed: readers are
 * offered both.
 */
export function checkCodeNames(records: SourceRecord[], out: Problem[]): void {
  for (const catalog of records.filter((r) => r.kind === 'catalog' && isObject(r.value))) {
    checkCatalog(catalog, records.filter((r) => r.kind === 'code' && r.parent === catalog.key), out);
  }
}

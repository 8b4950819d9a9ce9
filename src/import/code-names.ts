import type { Catalog } from '../content/types.ts';

/** Which catalogs define each code name, e.g. `stopped-server` → `['mim-run-status']`. */
export type CodeIndex = Map<string, string[]>;

/** Indexes every code of every catalog by name. */
export function codeIndex(catalogs: readonly Catalog[]): CodeIndex {
  const out: CodeIndex = new Map();
  for (const c of catalogs) for (const k of c.codes) out.set(k.code, [...(out.get(k.code) ?? []), c.id]);
  return out;
}

/**
 * The `<catalog>/<code>` a written name stands for, e.g. `stopped-server` →
 * `mim-run-status/stopped-server`; a name in several catalogs takes the one in `prefer`, else the first.
 */
export function codeRef(index: CodeIndex, name: string, prefer: readonly string[] = []): string | undefined {
  const catalogs = index.get(name.trim());
  if (!catalogs) return undefined;
  const preferred = catalogs.find((c) => prefer.includes(`${c}/${name.trim()}`));
  return `${preferred ?? catalogs[0]}/${name.trim()}`;
}

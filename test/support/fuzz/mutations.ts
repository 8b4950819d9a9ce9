import type { Random } from './random.ts';

/** A data folder in memory: path relative to the folder → file text; `null` marks a deleted file. */
export type DataFiles = Record<string, string | null>;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** Characters that break naive code: bidi overrides, zero-width, lone surrogates, NUL, line separators, combining marks. */
export const oddUnicode = [
  '\u202e', '\u202d', '\u200b', '\u200d', '\u2060', '\ufeff', '\u0000', '\ud800', '\udfff', '\u2028', '\u2029',
  '\u0301'.repeat(40), '\u{1f600}', '\uffff', '\u001b[31m', '\r', '\t', '\\', '"', '</script>', '{{ site }}', '${x}', '%s',
];

/** Ids that try to escape the output folder or upset a file system. */
export const hostileIds = ['../x', 'a/b', 'a\\b', 'CON', 'con.txt', 'x'.repeat(300), '', ' ', '.hidden', 'x.', '%2e%2e', '#x', '?x', 'é', 'A B'];

const deepMarker = '\u0000deep\u0000';
const deepLevels = 20_000;

const otherTypes: Json[] = [null, 0, -1, 1.5, 1e308, true, false, '', 'x', [], {}, [1, 'a'], { a: 1 }];

/** Every path inside a JSON value, with the value found there. */
function pathsOf(value: Json, path: Path = [], out: { path: Path; value: Json }[] = []): { path: Path; value: Json }[] {
  out.push({ path, value });
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...path, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, [...path, k], out);
  return out;
}

/** Every path below the root: the root itself is replaced by text mutations, not these. */
const inner = (value: Json) => pathsOf(value).filter((e) => e.path.length > 0);

/** Sets (or with `remove`, deletes) the value at a non-empty path. */
function setAt(root: Json, path: Path, value: Json | undefined): void {
  let parent = root as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  const last = path[path.length - 1];
  if (value !== undefined) parent[last] = value;
  else if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else delete parent[last];
}

const proseFields = ['title', 'summary', 'intro', 'text', 'meaning', 'action', 'description', 'note', 'label', 'publisher'];
const isIdPath = (p: Path) => ['id', 'code'].includes(String(p[p.length - 1])) || (p.length === 2 && p[0] === 'links');
const isRefPath = (p: Path) => ['errors', 'related', 'links'].includes(String(p[p.length - 2]));

/** A mutation of one parsed file; returns what it did, or undefined when it found nothing to act on. */
type JsonMutation = (value: Json, r: Random) => string | undefined;

const jsonMutations: Record<string, JsonMutation> = {
  'delete field': (v, r) => {
    const fields = inner(v);
    if (!fields.length) return undefined;
    const { path } = r.pick(fields);
    setAt(v, path, undefined);
    return `deleted ${path.join('.')}`;
  },
  'retype field': (v, r) => {
    const fields = inner(v);
    if (!fields.length) return undefined;
    const { path } = r.pick(fields);
    const to = r.pick(otherTypes);
    setAt(v, path, structuredClone(to));
    return `set ${path.join('.')} to ${JSON.stringify(to)}`;
  },
  'odd unicode': (v, r) => {
    const strings = inner(v).filter((e) => typeof e.value === 'string');
    if (!strings.length) return undefined;
    const { path, value } = r.pick(strings);
    const s = value as string;
    const at = r.int(s.length + 1);
    const odd = r.pick(oddUnicode);
    setAt(v, path, s.slice(0, at) + odd + s.slice(at));
    return `inserted ${JSON.stringify(odd)} into ${path.join('.')} at ${at}`;
  },
  'odd unicode in prose': (v, r) => {
    const prose = inner(v).filter((e) => typeof e.value === 'string' && proseFields.includes(String(e.path[e.path.length - 1])));
    if (!prose.length) return undefined;
    const { path, value } = r.pick(prose);
    const odd = r.pick(oddUnicode);
    // At either end, so code spans and references the translation checks compare stay whole.
    setAt(v, path, r.int(2) ? `${odd}${value as string}` : `${value as string}${odd}`);
    return `added ${JSON.stringify(odd)} to ${path.join('.')}`;
  },
  'break reference': (v, r) => {
    const refs = inner(v).filter((e) => typeof e.value === 'string' && (isRefPath(e.path) || /\((link|error):/.test(e.value as string)));
    if (!refs.length) return undefined;
    const { path, value } = r.pick(refs);
    const broken = (value as string).replace(/(link:|error:)([^)\s]*)/, (_m, s, id) => `${s}${r.pick([`${id}x`, '', 'nope/', '/'])}`);
    setAt(v, path, broken === value ? `${value}x` : broken);
    return `broke the reference in ${path.join('.')}`;
  },
  'duplicate id': (v, r) => {
    const keyed = (x: Json): x is { [key: string]: Json } => !!x && typeof x === 'object' && !Array.isArray(x) && ('id' in x || 'code' in x);
    const lists = inner(v).filter((e) => Array.isArray(e.value) && e.value.filter(keyed).length > 1);
    if (!lists.length) return undefined;
    const { path, value } = r.pick(lists);
    const items = (value as Json[]).filter(keyed);
    const key = 'id' in items[0] ? 'id' : 'code';
    const from = r.int(items.length);
    const to = r.int(items.length);
    items[to][key] = r.int(2) ? items[from][key] ?? null : String(items[from][key]).toUpperCase();
    return `copied ${key} of ${path.join('.')} item ${from} to item ${to}`;
  },
  'hostile id': (v, r) => {
    const ids = inner(v).filter((e) => isIdPath(e.path));
    if (!ids.length) return undefined;
    const { path, value } = r.pick(ids);
    const id = r.pick(hostileIds);
    if (path.length === 2 && path[0] === 'links') {
      const links = (v as { links: Record<string, Json> }).links;
      delete links[path[1]];
      links[id] = value;
    } else setAt(v, path, id);
    return `set id ${path.join('.')} to ${JSON.stringify(id.length > 20 ? `${id.slice(0, 20)}…` : id)}`;
  },
  'deep nesting': (v, r) => {
    const fields = inner(v);
    if (!fields.length) return undefined;
    const { path } = r.pick(fields);
    // Spliced in as text by mutate(): building it as a value would overflow JSON.stringify here.
    setAt(v, path, deepMarker);
    return `nested ${path.join('.')} ${deepLevels} arrays deep`;
  },
};

/** Mutations of the raw text, for files that need not stay valid JSON. */
const textMutations: Record<string, (text: string, r: Random) => [string | null, string]> = {
  truncate: (t, r) => {
    const at = r.int(t.length);
    return [t.slice(0, at), `truncated at ${at} of ${t.length}`];
  },
  'empty file': () => ['', 'emptied'],
  'delete file': () => [null, 'deleted'],
  'not JSON': (t, r) => [r.pick(['\u0000\u0001\u0002', 'null', '[]', '"text"', '42', `${t}}`, `{"a":1,}`, '{"a":1}{"b":2}', '\ufeff\ufeff{}']), 'replaced with odd text'],
};

/** Files a mutation may add, each a plausible author mistake. */
const additions: [string, string][] = [
  ['articles/empty.json', '{}'],
  ['errors/notes.txt.json', '{"id":"notes","title":"Notes","codes":[]}'],
  ['translations/fr/site.json', '{"translation":{"method":"human","date":"2024-01-01"},"title":"Guide"}'],
  ['translations/id/articles/missing.json', '{"translation":{"method":"human","date":"2024-01-01"}}'],
  ['translations/id/ui.json', '{"nav.home":"Beranda","x":{"y":1}}'],
  ['translations/en/site.json', '{"translation":{"method":"human","date":"2024-01-01"}}'],
];

/** Applies one random mutation to `files` in place and describes it, e.g. `errors/a.json: deleted codes.3.meaning`. */
export function mutate(files: DataFiles, r: Random): string {
  const roll = r.int(10);
  if (roll === 0) {
    const [path, text] = r.pick(additions);
    files[path] = text;
    return `${path}: added`;
  }
  const names = Object.keys(files).filter((f) => files[f] !== null).sort();
  const name = r.pick(names);
  const text = files[name]!;
  if (roll === 1) {
    const kinds = Object.keys(textMutations);
    const kind = r.pick(kinds);
    const [out, did] = textMutations[kind](text, r);
    files[name] = out;
    return `${name}: ${did}`;
  }
  let value: Json;
  try {
    value = JSON.parse(text) as Json;
    JSON.stringify(value);
  } catch {
    // Not JSON, or nested too deep for this process to re-serialise: leave it as the earlier mutation made it.
    return `${name}: left alone (not JSON)`;
  }
  const kinds = Object.keys(jsonMutations);
  for (let tries = 0; tries < 5; tries++) {
    const kind = r.pick(kinds);
    const did = jsonMutations[kind](value, r);
    if (did) {
      files[name] = JSON.stringify(value, null, 2).replace(JSON.stringify(deepMarker), `${'['.repeat(deepLevels)}"x"${']'.repeat(deepLevels)}`);
      return `${name}: ${did}`;
    }
  }
  return `${name}: left alone (nothing to mutate)`;
}

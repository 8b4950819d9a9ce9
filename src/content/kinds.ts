import { urls } from '../model/urls.ts';

/**
 * The one table of record kinds. Every walk over content — validation of ids and references,
 * overlay loading and schemas, localisation, notices, translation status, stamping, exchange
 * with translation tools, search kinds and link usage — is derived from these declarations;
 * adding a kind or a translatable field is one entry here (plus the source schema and the
 * template that prints it).
 */

/** The files of a data folder that hold records: one file, or one file per record in a folder. */
export const fileKinds = {
  site: { path: 'site.json', schema: 'site', label: 'site settings' },
  articles: { folder: 'articles', schema: 'article', label: 'articles' },
  catalogs: { folder: 'errors', schema: 'catalog', label: 'error catalogs' },
  links: { path: 'links.json', schema: 'links', label: 'link registry' },
} as const;

export type FileKindName = keyof typeof fileKinds;

/** The kinds of record; `satisfies` below keeps this list and the table's keys the same. */
export type KindName = 'site' | 'article' | 'step' | 'catalog' | 'phase' | 'code' | 'link';

/** How a record is found: the root of a file, an item of its parent's list, or an entry of a file's map. */
type Placement =
  | { file: FileKindName; id?: string }
  | { parent: KindName; list: string; id: string }
  | { file: FileKindName; map: string };

/** How text elsewhere points at a record, e.g. `error:<catalog>/<code>`: a scheme, and how a child's ids are joined. */
interface ReferenceForm {
  scheme: string;
  /** Between the parent's id and the record's own, e.g. `#` in `article:<id>#<step>`. */
  join?: string;
}

/** Where readers see a record: its own page, or an anchor on another page. */
type Where = (locale: string, ids: readonly string[]) => string;

export interface KindSpec {
  /** Singular noun for messages, e.g. `step`. */
  label: string;
  /** How an unknown key of this kind is named in messages, e.g. `step id`. */
  idLabel: string;
  at: Placement;
  /** Fields a translation may carry, in source-hash order. */
  fields: readonly string[];
  /** Fields written in Markdown (the rest are plain text). */
  markdown: readonly string[];
  /** Fields listing references to other records, by the kind they name. */
  lists?: Readonly<Record<string, KindName>>;
  reference?: ReferenceForm;
  /** True when the record has a page of its own (its notices are the page's). */
  page: boolean;
  where: Where;
  /** The value of the search box's kind filter for this record's results, if it is a result. */
  search?: string;
  /** Readers know these records by their position, e.g. "Step 4". */
  numbered?: boolean;
  /** What to do when a reference names no such record, if a suggestion does not help. */
  hint?: string;
}

const kindTable = {
  site: {
    label: 'site', idLabel: 'site', at: { file: 'site' }, page: true,
    fields: ['title', 'description'], markdown: ['description'],
    where: (l) => urls.home(l),
  },
  article: {
    label: 'article', idLabel: 'article id', at: { file: 'articles', id: 'id' }, page: true,
    fields: ['title', 'summary', 'intro'], markdown: ['summary', 'intro'],
    reference: { scheme: 'article' }, search: 'article',
    where: (l, [a]) => urls.article(l, a),
  },
  step: {
    label: 'step', idLabel: 'step id', at: { parent: 'article', list: 'steps', id: 'id' }, page: false,
    fields: ['title', 'text'], markdown: ['text'], lists: { errors: 'code', links: 'link' },
    reference: { scheme: 'article', join: '#' }, search: 'step', numbered: true,
    where: (l, [a, s]) => `${urls.article(l, a)}#${s}`,
  },
  catalog: {
    label: 'error catalog', idLabel: 'catalog id', hint: 'write <catalog>/<code>, e.g. error:my-catalog/my-code', at: { file: 'catalogs', id: 'id' }, page: true,
    fields: ['title', 'summary'], markdown: ['summary'],
    reference: { scheme: 'catalog' }, search: 'catalog',
    where: (l, [c]) => urls.catalog(l, c),
  },
  phase: {
    label: 'phase', idLabel: 'phase id', at: { parent: 'catalog', list: 'phases', id: 'id' }, page: false,
    fields: ['title', 'summary'], markdown: ['summary'],
    reference: { scheme: 'catalog', join: '#' },
    where: (l, [c, p]) => `${urls.catalog(l, c)}#${p}`,
  },
  code: {
    label: 'code', idLabel: 'code', at: { parent: 'catalog', list: 'codes', id: 'code' }, page: true,
    fields: ['title', 'meaning', 'action'], markdown: ['meaning', 'action'], lists: { related: 'code', links: 'link' },
    reference: { scheme: 'error', join: '/' }, search: 'code',
    where: (l, [c, k]) => urls.code(l, c, k),
  },
  link: {
    label: 'link', idLabel: 'link id', at: { file: 'links', map: 'links' }, page: false,
    fields: ['title'], markdown: [],
    reference: { scheme: 'link' }, search: 'reference', hint: 'add it to data/links.json',
    where: (l, [id]) => `${urls.references(l)}#${id}`,
  },
} as const satisfies Record<KindName, KindSpec>;

/** Every kind's declaration, typed loosely for walks that treat all kinds alike. */
export const kinds: typeof kindTable & Readonly<Record<KindName, KindSpec>> = kindTable;

/** Kind names in table order: files first, then each file's records as they nest. */
export const kindNames = Object.keys(kindTable) as KindName[];

/** The translatable fields of one kind, typed, e.g. `Fields<'step'>` → `'title' | 'text'`. */
export type Fields<K extends KindName> = (typeof kindTable)[K]['fields'][number];

/** The translatable fields of each kind, e.g. `translatable.step` → `['title', 'text']`. */
export const translatable = Object.fromEntries(kindNames.map((k) => [k, kindTable[k].fields])) as {
  [K in KindName]: (typeof kindTable)[K]['fields'];
};

/** The file kind a record kind lives in, following parents, e.g. `step` → `articles`. */
export function fileKindOf(kind: KindName): FileKindName {
  const at = kinds[kind].at;
  return 'file' in at ? at.file : fileKindOf(at.parent);
}

/** Kinds nested directly in a kind's record (`step` in `article`), in table order. */
export function childKinds(kind: KindName): KindName[] {
  return kindNames.filter((k) => { const at = kinds[k].at; return 'parent' in at && at.parent === kind; });
}

/** Kinds whose records are a file's root or a file's map entries, in table order. */
export function kindsInFile(file: FileKindName): KindName[] {
  return kindNames.filter((k) => { const at = kinds[k].at; return 'file' in at && at.file === file; });
}

/** The key of a record, e.g. `recordKey('step', ['a', 's'])` → `step/a/s`; ids never hold `/`. */
export function recordKey(kind: KindName, ids: readonly string[]): string {
  return [kind, ...ids].join('/');
}

/** The search filter values, in table order, e.g. `['article', 'step', 'catalog', 'code', 'reference']`. */
export const searchKindsOf = (): string[] => kindNames.flatMap((k) => kinds[k].search ?? []);

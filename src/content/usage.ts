import { createInspectingMarkdown, linkTargets } from '../markdown/create-markdown.ts';
import { listIds, parseReference, referenceKey } from '../markdown/references.ts';
import { kinds, recordKey, type KindName } from './kinds.ts';
import { allRecords, type SourceRecord } from './records.ts';
import type { Content } from './types.ts';

/** Who points at what, computed once per build so no page scans the whole site. */
export interface Usage {
  /** Every record by key, in table order. */
  records: Map<string, SourceRecord>;
  /** Keys a record points at, the ones it lists first, then those in its text, each once. */
  targets: Map<string, string[]>;
  /** Keys of the records pointing at a record, in table order. */
  users: Map<string, string[]>;
}

const inspector = createInspectingMarkdown();

/** The keys a record points at: its reference lists (`errors`, `related`, `links`), then its Markdown fields. */
export function referencesOf(record: Pick<SourceRecord, 'kind' | 'value'>): string[] {
  const spec = kinds[record.kind];
  const out: string[] = [];
  for (const [field, kind] of Object.entries(spec.lists ?? {}) as [string, KindName][]) {
    const list = record.value[field];
    if (Array.isArray(list)) for (const entry of list) if (typeof entry === 'string') out.push(recordKey(kind, listIds(kind, entry)));
  }
  for (const field of spec.markdown) {
    const text = record.value[field];
    if (typeof text !== 'string') continue;
    for (const { href } of linkTargets(inspector, text)) {
      const ref = parseReference(href);
      if (ref) out.push(referenceKey(ref));
    }
  }
  return [...new Set(out)];
}

/** Computes every reverse index the pages and the link checker need, in one pass over the content. */
export function computeUsage(content: Partial<Pick<Content, 'site' | 'articles' | 'catalogs' | 'links'>>): Usage {
  const records = new Map(allRecords(content).map((r) => [r.key, r]));
  const targets = new Map<string, string[]>();
  const users = new Map<string, string[]>();
  for (const [key, record] of records) {
    const refs = referencesOf(record).filter((k) => k !== key);
    targets.set(key, refs);
    for (const target of refs) {
      const list = users.get(target);
      if (list) list.push(key);
      else users.set(target, [key]);
    }
  }
  return { records, targets, users };
}

/** Keys of one kind among a record's targets, e.g. the codes a step names. */
export const targetsOfKind = (usage: Usage, key: string, kind: KindName): string[] =>
  (usage.targets.get(key) ?? []).filter((k) => usage.records.get(k)?.kind === kind);

/** Keys of one kind among a record's users, e.g. the steps that name a code. */
export const usersOfKind = (usage: Usage, key: string, kind: KindName): string[] =>
  (usage.users.get(key) ?? []).filter((k) => usage.records.get(k)?.kind === kind);

/** Records of one kind linked either way, e.g. related codes: a code lists B, so B's page shows it too. */
export const relatedOfKind = (usage: Usage, key: string, kind: KindName): string[] =>
  [...new Set([...targetsOfKind(usage, key, kind), ...usersOfKind(usage, key, kind)])];

import { join } from 'node:path';
import { lineColumn, nodeAt } from '../content/json-source.ts';
import { loadContent } from '../content/load.ts';
import type { Problem } from '../content/problems.ts';
import type { Content } from '../content/types.ts';
import { validateContent } from '../content/validate.ts';
import { kinds } from '../content/kinds.ts';
import type { SourceRecord } from '../content/records.ts';
import { computeUsage } from '../content/usage.ts';
import type { RegistryUrl } from './types.ts';

/** How a record reads in a report, e.g. `step configure-mim-sync-service#pcns-event-6025 (step 4)`. */
export function describeUser(record: Pick<SourceRecord, 'kind' | 'ids' | 'path'>): string {
  const spec = kinds[record.kind];
  const name = record.ids.join(spec.reference?.join ?? '/');
  const position = record.path[record.path.length - 1];
  return `${spec.label} ${name}${spec.numbered && typeof position === 'number' ? ` (${spec.label} ${position + 1})` : ''}`;
}

/** Loads and validates a data folder the way `build` does, returning content or every problem. */
export function loadRegistryContent(dataDir: string): { content?: Content; problems: Problem[] } {
  const load = loadContent(dataDir);
  const problems = validateContent(load);
  if (problems.some((p) => p.severity === 'error')) return { problems };
  return { content: load.content as Content, problems };
}

/**
 * Every URL the registry holds (current addresses and archive copies), each with the file and
 * line that defines it and the records that use the link. Former addresses in `history` are not
 * checked: they are expected to be gone.
 */
export function registryUrls(content: Content): RegistryUrl[] {
  const source = content.links.source;
  const usage = computeUsage(content);
  const out: RegistryUrl[] = [];
  for (const [id, entry] of Object.entries(content.links.value.links)) {
    const users = (usage.users.get(`link/${id}`) ?? []).map((key) => describeUser(usage.records.get(key)!));
    for (const field of ['url', 'archive'] as const) {
      const url = entry[field];
      if (!url || !/^https?:/i.test(url)) continue;
      const node = nodeAt(source, ['links', id, field]);
      const { line } = lineColumn(source.text, node?.offset ?? 0);
      out.push({ url, id, field, definedAt: { file: source.file, line }, users, archive: field === 'url' ? entry.archive : undefined });
    }
  }
  return out;
}

/** The registry file of a data folder, e.g. `data/links.json`. */
export const registryFile = (dataDir: string): string => join(dataDir, 'links.json');

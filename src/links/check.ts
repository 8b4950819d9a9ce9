import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ContentError } from '../core/errors.ts';
import { UsageError } from '../core/errors.ts';
import { advice } from './advice.ts';
import { emptyCache, readCache, writeCache } from './cache.ts';
import { checkUrls, type EngineOptions, type EngineRun, type Progress, type UrlResult } from './engine.ts';
import { fixRegistry, type Rewrite } from './fix.ts';
import type { Network } from './network.ts';
import { loadRegistryContent, registryFile, registryUrls } from './registry.ts';
import { crawlSite } from './site-crawl.ts';
import { statusOf, writeStatus } from './status-file.ts';
import type { CheckReport, LinkReport, LinkState, RegistryUrl, Summary } from './types.ts';

export interface RunOptions {
  dataDir: string;
  siteDir: string;
  offline: boolean;
  /** Cache file; undefined runs without one (`--no-cache`). */
  cacheFile?: string;
  /** Link-status file for readers; undefined writes none. */
  statusFile?: string;
  fix: boolean;
  engine: EngineOptions;
  /** Name resolution and connections; the command passes `systemNetwork()`. */
  network: Network;
  onProgress?: Progress;
  /** Receives one line per finished phase. */
  log?: (line: string) => void;
}

const order: LinkState[] = ['broken', 'indeterminate', 'redirected', 'ok', 'skipped'];

/** Counts per state; `checked` is every URL that got a verdict other than skipped. */
export function summarize(links: LinkReport[]): Summary {
  const s: Summary = { checked: 0, ok: 0, redirected: 0, broken: 0, indeterminate: 0, skipped: 0 };
  for (const l of links) {
    s[l.state]++;
    if (l.state !== 'skipped') s.checked++;
  }
  return s;
}

function offlineResult(): UrlResult {
  return { verdict: { state: 'skipped', reason: 'offline: external links are not requested' }, requests: 0, cached: false };
}

/** The registry entries of each URL, in file order: two ids may hold the same address. */
export function byUrl(entries: RegistryUrl[]): Map<string, RegistryUrl[]> {
  const out = new Map<string, RegistryUrl[]>();
  for (const r of entries) out.set(r.url, [...(out.get(r.url) ?? []), r]);
  return out;
}

/** What --fix writes: every registry entry whose current address moved for good, e.g. two ids sharing one URL. */
export function rewritesOf(links: LinkReport[]): Rewrite[] {
  return links.filter((l) => l.state === 'redirected' && l.permanent && l.finalUrl)
    .flatMap((l) => l.definitions.filter((d) => d.field === 'url').map((d) => ({ id: d.id, from: l.url, to: l.finalUrl! })));
}

/**
 * One link check: the registry's URLs and every link of the built site, each unique URL requested
 * once; then the cache, the link-status file and, with `fix`, the registry are updated.
 */
export async function runCheck(o: RunOptions): Promise<CheckReport> {
  const log = o.log ?? (() => {});
  const started = Date.now();
  const { content, problems } = loadRegistryContent(resolve(o.dataDir));
  if (!content) throw new ContentError(problems);
  if (!existsSync(o.siteDir) || !statSync(o.siteDir).isDirectory()) {
    throw new UsageError(`site folder ${o.siteDir} not found; run 'fieldguide build' first or pass --site DIR`);
  }
  const warnings: string[] = [];
  const site = await crawlSite(o.siteDir, o.engine);
  log(`crawled ${site.pages} pages of ${o.siteDir}: ${site.internal.checked} internal links, ${site.internal.broken.length} broken; ${site.external.size} external URLs`);

  const registry = byUrl(registryUrls(content));
  const urls = [...new Set([...registry.keys(), ...site.external.keys()])];

  const loaded = o.cacheFile && !o.offline ? readCache(o.cacheFile) : { cache: emptyCache() };
  if ('warning' in loaded && loaded.warning) warnings.push(loaded.warning);
  const run: EngineRun = o.offline
    ? { results: new Map(urls.map((u) => [u, offlineResult()])), network: 'unknown' }
    : await checkUrls(urls, loaded.cache, o.engine, { network: o.network, onProgress: o.onProgress, startedAt: started });
  if (!o.offline && Date.now() - started >= o.engine.maxRunMs) warnings.push(`the run reached its time limit (${o.engine.maxRunMs} ms); URLs not reached are indeterminate`);

  const links: LinkReport[] = urls.map((url) => {
    const regs = registry.get(url) ?? [];
    const reg = regs[0];
    const r = run.results.get(url)!;
    const base: Omit<LinkReport, 'advice'> = {
      url, ...r.verdict, registryId: reg?.id ?? null, field: reg?.field, definedAt: reg?.definedAt ?? null,
      definitions: regs.map((d) => ({ id: d.id, field: d.field, definedAt: d.definedAt })),
      users: [...new Set(regs.flatMap((d) => d.users))], pages: [...(site.external.get(url) ?? [])].sort(),
      cached: r.cached, lastOk: r.lastOk, requests: r.requests,
    };
    return { ...base, advice: advice(base, reg?.archive, o.engine.indeterminateDays) };
  });
  for (const b of site.internal.broken) {
    const base: Omit<LinkReport, 'advice'> = {
      url: b.href, state: 'broken', reason: b.reason, registryId: null, definedAt: null, definitions: [], users: [], pages: b.pages,
      internal: true, requests: 0,
    };
    links.push({ ...base, advice: advice(base, undefined, o.engine.indeterminateDays) });
  }
  links.sort((a, b) => order.indexOf(a.state) - order.indexOf(b.state) || a.url.localeCompare(b.url));

  const fixed = o.fix && !o.offline ? fixRegistry(registryFile(resolve(o.dataDir)), rewritesOf(links)) : [];
  const startedAt = new Date(started).toISOString();
  if (o.cacheFile && !o.offline) writeCache(o.cacheFile, loaded.cache);
  // Without a network nothing new is known; readers keep being told what the last real check found.
  if (o.statusFile && !o.offline && run.network !== 'unreachable') writeStatus(o.statusFile, statusOf(links, startedAt));
  return {
    summary: summarize(links), links, internal: { checked: site.internal.checked, broken: site.internal.broken.length },
    startedAt, durationMs: Date.now() - started, offline: o.offline, fixed, warnings,
    network: run.network, unchecked: links.filter((l) => l.cause === 'NONET').length,
  };
}

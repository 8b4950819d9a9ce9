import { rmSync, watch, type FSWatcher } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSite, fullRenderSet, modelInputs } from '../build/build-site.ts';
import { modelSite, validateSite, type PreparedSite, type ValidatedSite } from '../build/prepare-site.ts';
import { renderSite } from '../build/render-site.ts';
import { ContentError } from '../core/errors.ts';
import { timeSummary } from '../core/progress.ts';
import { verifyOutput } from '../core/verify-output.ts';
import { formatReport } from '../content/problems.ts';
import { codeRoot } from '../package-root.ts';
import { indexSite } from '../search/index-site.ts';
import { changesSince, ownPagesOfEdit, renderedState, type RenderedState } from './changes.ts';
import { startDevServer, type DevServer } from './dev-server.ts';

export interface ServeOptions {
  dataDir: string;
  outDir: string;
  host: string;
  port: number;
  linkStatus?: string;
  /** Receives every line for the author: rebuilds, content errors, search. */
  log: (line: string) => void;
}

export interface ServeSession {
  server: DevServer;
  /** Rebuilds now, as after a file change; resolves when the pages are written (search may follow). */
  rebuild: (what: 'data' | 'templates') => Promise<void>;
  stop: () => Promise<void>;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Folders whose files are templates or copied assets: an edit there re-renders every page. */
const templateDirs = ['_includes', join('src', 'pages'), join('src', 'assets')].map((d) => join(codeRoot, d));

/**
 * `serve`'s pipeline: one full build (the same one `fieldguide build` runs), then, on every edit,
 * validate and model again but render and verify only the pages whose model changed, reload the
 * open pages, and re-index search in the background. Content errors keep the last good pages.
 */
export async function serveSite(options: ServeOptions): Promise<ServeSession> {
  const { log } = options;
  const dataDir = resolve(options.dataDir);
  const outDir = resolve(options.outDir);
  const first = await buildSite({ dataDir, outDir, linkStatus: options.linkStatus, log });
  let site: PreparedSite = first.site;
  let state: RenderedState = renderedState(fullRenderSet(site));
  const server = await startDevServer(outDir, options.host, options.port);

  // Search follows the pages: at most one indexing at a time, of the locales edits changed since
  // the last one began; an edit meanwhile queues its locales for the next.
  let indexing: Promise<void> | undefined;
  const staleLocales = new Set<string>();
  let wholeIndex = false;
  /** Queues locales for re-indexing, or `'all'` for a fresh index (the site's locales changed). */
  const indexLater = (locales: Iterable<string> | 'all'): void => {
    if (locales === 'all') wholeIndex = true;
    else for (const l of locales) staleLocales.add(l);
    if (indexing || (staleLocales.size === 0 && !wholeIndex)) return;
    indexing = (async () => {
      while (staleLocales.size || wholeIndex) {
        const only = wholeIndex ? undefined : [...staleLocales].sort();
        const locales = only ?? site.content.site.value.locales.map((l) => l.code);
        staleLocales.clear();
        wholeIndex = false;
        const t0 = performance.now();
        try {
          const summary = await indexSite(outDir, site.pages, only);
          log(`indexed ${summary.pages} pages for search (${locales.join(', ')}) in ${seconds(performance.now() - t0)}`);
        } catch (err) {
          log(`fieldguide serve: ${(err as Error).message}; search keeps the previous index`);
        }
      }
      indexing = undefined;
    })();
  };

  const rebuildOnce = async (what: 'data' | 'templates'): Promise<void> => {
    const t0 = performance.now();
    let validated: ValidatedSite;
    try {
      validated = validateSite(dataDir);
    } catch (err) {
      if (!(err instanceof ContentError)) throw err;
      log(`${err.message}\nfieldguide serve: content errors; still serving the last good build`);
      return;
    }
    const inputs = modelInputs(options.linkStatus);
    // First the edited records' own pages, modelled alone, so the author sees the edit at once.
    const own = what === 'data' ? ownPagesOfEdit(site.content, validated.content) : undefined;
    const served: string[] = [];
    if (own?.size) {
      const t1 = performance.now();
      const quick = modelSite(validated, inputs, own);
      const t2 = performance.now();
      await renderSite({ pages: quick.pages, files: [], scripts: [], assets: false, i18n: quick.i18n }, outDir);
      for (const p of quick.pages) {
        state.set(p.outputPath, JSON.stringify(p));
        served.push(p.locale);
      }
      server.reload();
      const t3 = performance.now();
      log(`served ${quick.pages.length} edited page${quick.pages.length === 1 ? '' : 's'} in ${seconds(t3 - t0)} (${timeSummary({ validate: t1 - t0, model: t2 - t1, render: t3 - t2 })})`);
      // Let the reload go out before the full pass holds the thread.
      await new Promise((r) => setImmediate(r));
    }
    // Then every page whose model changed: those that list or link the edited records, too.
    const next = modelSite(validated, inputs);
    const full = fullRenderSet(next);
    // A template or asset edit renders everything and copies the assets again.
    const changes = what === 'templates' ? { ...changesSince(new Map(), full), set: full } : changesSince(state, full);
    for (const path of changes.removed) rmSync(join(outDir, path), { force: true });
    if (changes.set.pages.length || changes.set.files.length || changes.set.scripts.length || changes.set.assets) await renderSite(changes.set, outDir);
    const verified = verifyOutput(outDir, changes.set.pages.map((p) => p.outputPath));
    for (const b of verified.broken) log(`${join(outDir, b.page)}: broken link "${b.href}" (${b.reason})`);
    const codes = (s: PreparedSite) => s.content.site.value.locales.map((l) => l.code).join(' ');
    const sameLocales = codes(next) === codes(site);
    site = next;
    state = changes.state;
    for (const w of next.warnings) log(formatReport([w]).split('\n')[0]);
    if (changes.set.pages.length || changes.removed.length) server.reload();
    log(`rebuilt ${changes.set.pages.length} of ${next.pages.length} pages in ${seconds(performance.now() - t0)}`);
    indexLater(sameLocales ? [...served, ...changes.locales] : 'all');
  };

  // Edits arrive in bursts (an editor writes a file in steps): rebuild once per burst, one at a time.
  let running: Promise<void> = Promise.resolve();
  let pending: 'data' | 'templates' | undefined;
  const rebuild = (what: 'data' | 'templates'): Promise<void> => {
    pending = pending === 'templates' || what === 'templates' ? 'templates' : 'data';
    running = running.then(async () => {
      const job = pending;
      pending = undefined;
      if (!job) return;
      try {
        await rebuildOnce(job);
      } catch (err) {
        log(`fieldguide serve: rebuild failed: ${(err as Error).message}; still serving the last good build`);
      }
    });
    return running;
  };
  let timer: NodeJS.Timeout | undefined;
  let burst: 'data' | 'templates' = 'data';
  const onChange = (what: 'data' | 'templates') => {
    if (what === 'templates') burst = 'templates';
    clearTimeout(timer);
    timer = setTimeout(() => {
      const job = burst;
      burst = 'data';
      void rebuild(job);
    }, 30);
  };
  const watchers: FSWatcher[] = [
    watch(dataDir, { recursive: true }, () => onChange('data')),
    ...templateDirs.map((d) => watch(d, { recursive: true }, () => onChange('templates'))),
  ];

  return {
    server,
    rebuild,
    stop: async () => {
      clearTimeout(timer);
      for (const w of watchers) w.close();
      await running;
      await indexing;
      await server.close();
    },
  };
}

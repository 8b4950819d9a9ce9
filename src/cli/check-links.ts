import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { packageVersion } from '../package-root.ts';
import { displayPath } from '../content/json-source.ts';
import { runCheck } from '../links/check.ts';
import { registryFile } from '../links/registry.ts';
import { formatGithub } from '../links/reporters/github.ts';
import { formatJson } from '../links/reporters/json.ts';
import { formatJunit } from '../links/reporters/junit.ts';
import { formatMarkdown } from '../links/reporters/markdown.ts';
import { createProgress } from '../links/reporters/progress.ts';
import { formatText } from '../links/reporters/text.ts';
import { noNetworkLine } from '../links/reporters/text.ts';
import { systemNetwork, type Network } from '../links/network.ts';
import { defaultCacheFile, defaultStatusFile } from '../core/link-status.ts';
import type { CheckReport } from '../links/types.ts';
import { reportFailure } from './report-failure.ts';
import { exitCodes } from './exit-codes.ts';

type Values = Record<string, string | boolean | undefined>;

const formats = ['text', 'json', 'junit', 'markdown', 'github'] as const;

/** A real User-Agent naming the tool, so site owners can tell who asks, e.g. `Fieldguide/0.1.0 link checker`. */
export function userAgent(): string {
  return `Fieldguide/${packageVersion()} link checker (checks the external references of a documentation site)`;
}

/** Reads a positive number option or explains the problem in one line. */
function positive(values: Values, name: string, fallback: number, integer = true): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw new Error(`--${name} must be a positive ${integer ? 'whole ' : ''}number, got "${String(raw)}"`);
  }
  return n;
}

function render(format: (typeof formats)[number], report: CheckReport, siteDir: string): string {
  switch (format) {
    case 'json': return formatJson(report);
    case 'junit': return formatJunit(report);
    case 'markdown': return formatMarkdown(report);
    case 'github': return formatGithub(report, siteDir);
    default: return formatText(report);
  }
}

/** Exit code when the outside could not be reached and nothing was found broken. */
export const noNetworkExit = exitCodes.noNetwork;

/** What the command talks to: the network, and where its report, messages and progress go. */
export interface CheckLinksIo {
  network: Network;
  out: (text: string) => void;
  err: (line: string) => void;
  progress: NodeJS.WriteStream;
}

/** The real machine: its network, stdout, stderr. */
export const systemIo = (): CheckLinksIo => ({
  network: systemNetwork(), out: (text) => console.log(text), err: (line) => console.error(line), progress: process.stderr,
});

/** The exit code of a finished check: 1 broken links, 3 no network (nothing broken), else 0. */
export const exitCode = (r: Pick<CheckReport, 'summary' | 'network'>): number => (r.summary.broken > 0 ? 1 : r.network === 'unreachable' ? noNetworkExit : 0);

/** `fieldguide check-links`: checks the registry and the built site; exit 1 only on broken links. */
export const checkLinksCommand = (values: Values): Promise<number> => runCheckLinks(values, systemIo());

/** The command with its inputs as arguments, so a test can give it a network of its own. */
export async function runCheckLinks(values: Values, io: CheckLinksIo): Promise<number> {
  const fail = (message: string) => {
    io.err(`fieldguide check-links: ${message}; run 'fieldguide check-links --help'`);
    return 2;
  };
  const format = (values.format as string | undefined) ?? 'text';
  if (!(formats as readonly string[]).includes(format)) return fail(`--format must be one of ${formats.join(', ')}, got "${format}"`);
  if (values.cache && values['no-cache']) return fail('--cache and --no-cache cannot be used together');
  if (values.fix && values.offline) return fail('--fix needs the network to find redirects and cannot be combined with --offline');
  let engine;
  try {
    engine = {
      timeout: positive(values, 'timeout', 15_000),
      concurrency: positive(values, 'concurrency', 8),
      perHost: 4,
      userAgent: userAgent(),
      retries: 2,
      retryDelay: 1_000,
      maxRetryAfter: 60_000,
      maxRedirects: 10,
      ttlMs: positive(values, 'ttl', 24, false) * 3_600_000,
      indeterminateDays: positive(values, 'indeterminate-days', 7, false),
      maxRunMs: positive(values, 'max-time', 900, false) * 1_000,
    };
  } catch (err) {
    return fail((err as Error).message);
  }
  const siteDir = (values.site as string | undefined) ?? '_site';
  const dataDir = (values.data as string | undefined) ?? 'data';
  const progress = createProgress(io.progress);
  let report: CheckReport;
  try {
    report = await runCheck({
      dataDir,
      siteDir,
      offline: Boolean(values.offline),
      cacheFile: values['no-cache'] ? undefined : ((values.cache as string | undefined) ?? defaultCacheFile),
      statusFile: (values.status as string | undefined) ?? defaultStatusFile,
      fix: Boolean(values.fix),
      engine,
      network: io.network,
      onProgress: progress,
      log: io.err,
    });
  } catch (err) {
    return reportFailure('check-links', err);
  } finally {
    progress.end();
  }
  for (const w of report.warnings) io.err(`fieldguide check-links: warning: ${w}`);
  if (report.network === 'unreachable') io.err(`fieldguide check-links: ${noNetworkLine(report)}; the link status file is left as it was`);
  const text = render(format as (typeof formats)[number], report, siteDir);
  if (values.output) {
    mkdirSync(dirname(values.output as string), { recursive: true });
    writeFileSync(values.output as string, `${text}\n`);
    io.err(`wrote the ${format} report to ${values.output as string}`);
  } else io.out(text);
  const registry = displayPath(registryFile(dataDir));
  for (const f of report.fixed) io.err(`fixed ${f.id} at ${registry}:${f.line}: ${f.from} → ${f.to} (the old URL is kept in its history)`);
  if (report.summary.broken > 0) io.err(`fieldguide check-links: ${report.summary.broken} broken link(s)`);
  return exitCode(report);
}

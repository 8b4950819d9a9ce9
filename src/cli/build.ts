import { ContentError } from '../core/errors.ts';
import { buildSite, OutputError } from '../build/build-site.ts';
import { UsageError } from '../core/errors.ts';
import { formatReport } from '../content/problems.ts';
import { createPhaseProgress, timeSummary } from '../core/progress.ts';
import { SearchIndexError } from '../search/index-site.ts';

/** Reports a failed build the way each failure deserves, returning the exit code. */
export function reportFailure(command: string, err: unknown): number {
  if (err instanceof ContentError) {
    console.error(formatReport(err.problems));
    console.error(`fieldguide ${command}: content errors; nothing was written`);
    return 1;
  }
  if (err instanceof OutputError) {
    console.error(err.message);
    console.error(`fieldguide ${command}: ${err.broken.length} broken internal link(s); nothing was written`);
    return 1;
  }
  if (err instanceof SearchIndexError) {
    console.error(`fieldguide ${command}: ${err.message}; nothing was written`);
    return 1;
  }
  if (err instanceof UsageError) {
    console.error(`fieldguide ${command}: ${err.message}`);
    return 2;
  }
  throw err;
}

/** `fieldguide build`: validate, render, verify, swap into place. */
export async function buildCommand(values: Record<string, string | boolean | undefined>): Promise<number> {
  const dataDir = (values.data as string | undefined) ?? 'data';
  const outDir = (values.out as string | undefined) ?? '_site';
  const started = performance.now();
  const progress = createPhaseProgress();
  const log = (line: string) => {
    progress.end();
    console.error(line);
  };
  try {
    const result = await buildSite({ dataDir, outDir, linkStatus: values['link-status'] as string | undefined, log, progress });
    for (const w of result.site.warnings) console.error(formatReport([w]).split('\n')[0]);
    const secs = ((performance.now() - started) / 1000).toFixed(2);
    console.log(`built ${result.pages} pages into ${outDir} in ${secs} s (${timeSummary(result.timings)})`);
    return 0;
  } catch (err) {
    progress.end();
    return reportFailure('build', err);
  }
}

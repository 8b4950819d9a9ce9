import { buildSite } from '../build/build-site.ts';
import { formatReport } from '../content/problems.ts';
import { createPhaseProgress, timeSummary } from '../core/progress.ts';
import { reportFailure } from './report-failure.ts';

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

import { resolve } from 'node:path';
import { createPhaseProgress } from '../core/progress.ts';
import { BundleError, bundleSite } from '../offline/bundle-site.ts';

/** `fieldguide bundle`: zip a built site so it works opened from disk, search included. */
export async function bundleCommand(values: Record<string, string | boolean | undefined>): Promise<number> {
  const siteDir = (values.site as string | undefined) ?? '_site';
  const outFile = (values.out as string | undefined) ?? 'dist/site.zip';
  if (!outFile.toLowerCase().endsWith('.zip')) {
    console.error(`fieldguide bundle: --out must name a .zip file, got "${outFile}"`);
    return 2;
  }
  const started = performance.now();
  try {
    console.error(`bundling ${siteDir} for offline reading…`);
    // A big site takes a while: its progress, once the zip has taken a couple of seconds.
    const phase = createPhaseProgress();
    const progress = (done: number, total: number) => phase('bundling files', done, total);
    const result = await bundleSite(resolve(siteDir), resolve(outFile), progress).finally(() => phase.end());
    const secs = ((performance.now() - started) / 1000).toFixed(2);
    console.log(`wrote ${outFile}: ${(result.bytes / 1024).toFixed(0)} KB (${result.bytes} bytes), ${result.files} files in ${secs} s; unzip it and open ${result.folder}/index.html`);
    return 0;
  } catch (err) {
    if (!(err instanceof BundleError)) throw err;
    console.error(`fieldguide bundle: ${err.message}`);
    return 1;
  }
}

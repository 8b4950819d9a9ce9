/**
 * Link-checker benchmark on its own (`npm run bench` runs it too): 1,000 unique external URLs on
 * 127.0.0.1, median of several runs. Usage: npx tsx scripts/bench-links.ts [runs]
 */
import { benchLinks } from './lib/bench-links.ts';
import { median } from './lib/bench-stats.ts';

const runs = Number(process.argv[2] ?? 5);
const r = await benchLinks(runs);
const secs = (ms: number) => (ms / 1000).toFixed(2);
console.log(`${r.urls} unique external URLs on 127.0.0.1, ${runs} runs, --concurrency ${r.concurrency} (at most 4 per host)`);
console.log(`cold check:        median ${secs(median(r.cold))} s  (runs: ${r.cold.map(secs).join(', ')})`);
console.log(`requests per URL:  median ${median(r.perUrl).toFixed(2)}`);
console.log(`cached re-run:     median ${secs(median(r.warm))} s  (runs: ${r.warm.map(secs).join(', ')}), 0 requests`);
console.log('times are the check itself (crawl of the built site + requests), as the JSON report measures it; process start-up is excluded');

/**
 * How fast "paste your log" answers: builds a synthetic site (default 20,000 codes, each with a
 * hexadecimal alias), opens its diagnose page in headless Chromium, pastes a log of about 1 MB
 * (run-history and event-log style lines, one in five naming a code or alias) and times, per run,
 * from the paste's input event until the findings are laid out. Prints the median of the runs.
 * The paste itself (the browser filling and laying out the text box) happens before the clock starts.
 * Run: npm run -s measure:log-reader [-- --codes 20000 --bytes 1048576 --runs 11 --keep DIR]
 * (--keep DIR builds into DIR and leaves it; run again with the same DIR to skip the build.)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from './lib/chromium.ts';
import { writeSyntheticData } from './lib/synthetic-data.ts';
import { random, pick } from './lib/synthetic-text.ts';
import { serveFolder } from '../test/support/static-server.ts';

const { values } = parseArgs({ options: { codes: { type: 'string', default: '20000' }, bytes: { type: 'string', default: String(1024 * 1024) }, runs: { type: 'string', default: '11' }, keep: { type: 'string' } } });
const codes = Number(values.codes);
const bytes = Number(values.bytes);
const runs = Number(values.runs);
const dir = values.keep ?? mkdtempSync(join(tmpdir(), 'fieldguide-log-reader-'));

/** Gives every synthetic code a hexadecimal alias, as products that print HRESULTs would have. */
function addAliases(data: string): void {
  let n = 0;
  for (const file of readdirSync(join(data, 'errors'))) {
    const path = join(data, 'errors', file);
    const catalog = JSON.parse(readFileSync(path, 'utf8'));
    for (const c of catalog.codes) c.aliases = [`0x8007${(n++).toString(16).padStart(4, '0')}`];
    writeFileSync(path, JSON.stringify(catalog));
  }
}

/** Every name of the built site's codes, read from its codes.json. */
function namesOf(site: string): string[] {
  const file = JSON.parse(readFileSync(join(site, 'en', 'codes.json'), 'utf8')) as { codes: { code: string; aliases: string[] }[] };
  return file.codes.flatMap((c) => [c.code, ...c.aliases]);
}

/** About `size` bytes of log: timestamps, agents, run profiles, GUIDs and numbers; one line in five names a code. */
function syntheticLog(names: string[], size: number): string {
  const rng = random(7);
  const lines: string[] = [];
  let length = 0;
  const agents = ['HR-SQL', 'Contoso-AD', 'FIM-Service', 'LDAP-Partner'];
  const steps = ['Full Import', 'Delta Import', 'Delta Synchronization', 'Export'];
  for (let i = 0; length < size; i++) {
    const time = `2026-03-0${1 + (i % 9)} ${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}.${String(i % 1000).padStart(3, '0')}`;
    const guid = Array.from({ length: 4 }, () => Math.floor(rng() * 0xffffffff).toString(16).padStart(8, '0')).join('-');
    const line = rng() < 0.2
      ? `${time} Error ${6000 + (i % 300)} ${pick(rng, agents)} run-profile "${pick(rng, steps)}" step-result: ${pick(rng, names)} object ${guid}`
      : `${time} Information ${4000 + (i % 300)} ${pick(rng, agents)} run-profile "${pick(rng, steps)}" processed ${Math.floor(rng() * 5000)} objects, batch ${guid}, status ok`;
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join('\n');
}

try {
  const data = join(dir, 'data');
  if (!existsSync(join(dir, 'site', 'en', 'codes.json'))) {
    rmSync(data, { recursive: true, force: true });
    writeSyntheticData(data, { codes, locales: 1 });
    addAliases(data);
    console.error(`building a synthetic site with ${codes} codes …`);
    const build = spawnSync(process.execPath, ['bin/fieldguide.js', 'build', '--data', data, '--out', join(dir, 'site')], { encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`build failed:\n${build.stderr}`);
  }
  const names = namesOf(join(dir, 'site'));
  const log = syntheticLog(names, bytes);
  const server = await serveFolder(join(dir, 'site'), '/kb/');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}en/diagnose/`, { waitUntil: 'load' });
    const times: number[] = [];
    let findings = 0;
    for (let i = 0; i < runs; i++) {
      const r = await page.evaluate(`(() => {
        const input = document.querySelector('#fg-log');
        input.value = '';
        input.dispatchEvent(new InputEvent('input', { inputType: 'deleteContentBackward', bubbles: true }));
        input.value = ${JSON.stringify(log)};
        input.getBoundingClientRect();
        document.body.offsetHeight;
        const t0 = performance.now();
        input.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', bubbles: true }));
        document.querySelector('.log-findings').getBoundingClientRect();
        return { ms: performance.now() - t0, findings: document.querySelectorAll('.log-findings > li').length };
      })()`) as { ms: number; findings: number };
      times.push(r.ms);
      findings = r.findings;
    }
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    console.log(`log reader: ${(log.length / 1024 / 1024).toFixed(2)} MB pasted (${log.split('\n').length} lines) against ${names.length / 2} codes (${names.length} names): ${findings} codes listed`);
    console.log(`paste to findings laid out, ${runs} runs: median ${median.toFixed(1)} ms (min ${sorted[0].toFixed(1)}, max ${sorted[sorted.length - 1].toFixed(1)})`);
  } finally {
    await browser.close();
    await server.close();
  }
} finally {
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
}

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join, relative } from 'node:path';
import { root } from './helpers.ts';

/** What `npm pack --json` says of a tarball: its file name, file count, sizes and files. */
export interface PackInfo {
  filename: string;
  entryCount: number;
  size: number;
  unpackedSize: number;
  files: { path: string; size: number }[];
}

/** An environment without the repository's folders on PATH (npm adds its node_modules/.bin), so nothing there can be run by accident. */
export function envWithoutRepository(): NodeJS.ProcessEnv {
  const path = (process.env.PATH ?? '').split(delimiter).filter((p) => p && !p.startsWith(root.replace(/\/$/, ''))).join(delimiter);
  return { ...process.env, PATH: path, npm_config_offline: 'true', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
}

/** Packs the repository as `npm pack` does (its prepack compiles lib/) into `dir`. */
export function pack(dir: string): PackInfo & { path: string } {
  mkdirSync(dir, { recursive: true });
  const r = spawnSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: root, encoding: 'utf8', timeout: 300_000, env: envWithoutRepository() });
  if (r.status !== 0) throw new Error(`npm pack failed: ${r.stderr}`);
  const info = (JSON.parse(r.stdout) as PackInfo[])[0];
  return { ...info, path: join(dir, info.filename) };
}

/**
 * The lock file of a project that depends on nothing but the tarball: the repository's own lock
 * file less its development packages, with the tarball as `node_modules/fieldguide`. Every entry
 * keeps its `resolved` address and `integrity`, so `npm ci --offline` takes each package from
 * npm's cache (filled by the repository's own `npm ci`) by its hash, and asks the network for
 * nothing, not even a package's version list.
 */
export function offlineLock(project: string, tarball: string): { packageJson: string; lock: string } {
  const repo = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, Record<string, unknown>> };
  const own = repo.packages[''] as { name: string; version: string; license: string; dependencies: Record<string, string>; bin: unknown; engines: unknown };
  const spec = `file:${relative(project, tarball)}`;
  const packages: Record<string, unknown> = { '': { name: 'kb', dependencies: { fieldguide: spec } } };
  packages['node_modules/fieldguide'] = { version: own.version, resolved: spec, license: own.license, dependencies: own.dependencies, bin: own.bin, engines: own.engines };
  for (const [path, entry] of Object.entries(repo.packages)) if (path && !entry.dev) packages[path] = entry;
  const lock = { name: 'kb', lockfileVersion: 3, requires: true, packages };
  return {
    packageJson: `${JSON.stringify({ name: 'kb', private: true, dependencies: { fieldguide: spec } }, null, 2)}\n`,
    lock: `${JSON.stringify(lock, null, 2)}\n`,
  };
}

/** Installs the tarball into `project` with no network: `npm ci --offline` against offlineLock. Returns npm's output. */
export function installOffline(project: string, tarball: string): { code: number; output: string } {
  mkdirSync(project, { recursive: true });
  const { packageJson, lock } = offlineLock(project, tarball);
  writeFileSync(join(project, 'package.json'), packageJson);
  writeFileSync(join(project, 'package-lock.json'), lock);
  const r = spawnSync('npm', ['ci', '--offline', '--no-audit', '--no-fund'], { cwd: project, encoding: 'utf8', timeout: 300_000, env: envWithoutRepository() });
  return { code: r.status ?? -1, output: `${r.stdout}${r.stderr}` };
}

/** Runs `npx fieldguide …` in the installed project, with nothing of the repository on PATH. */
export function npxFieldguide(project: string, args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync('npx', ['fieldguide', ...args], { cwd: project, encoding: 'utf8', timeout: 180_000, env: envWithoutRepository() });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

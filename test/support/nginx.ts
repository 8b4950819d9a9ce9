import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { root, tempDir } from './helpers.ts';
import { freePort } from '../../scripts/lib/free-port.ts';

export const nginxPath = process.env.NGINX_PATH ?? '/usr/sbin/nginx';


/** Replaces `from` in `text`, failing loudly when the shipped config no longer has it. */
function mustReplace(text: string, from: string | RegExp, to: string): string {
  const out = text.replace(from, to);
  if (out === text) throw new Error(`deploy/nginx.conf no longer contains ${String(from)}; update test/support/nginx.ts`);
  return out;
}

/**
 * The shipped deploy/nginx.conf, pointed at `siteDir` and 127.0.0.1:`port`, inside a main config
 * whose pid, logs and temp files live in `dir`, so nginx runs without root and without /var.
 */
export function testNginxConfig(siteDir: string, port: number, dir: string): string {
  let site = readFileSync(join(root, 'deploy/nginx.conf'), 'utf8');
  site = mustReplace(site, /listen 80;/, `listen 127.0.0.1:${port};`);
  site = mustReplace(site, /\/srv\/fieldguide\/site\//g, `${siteDir.replace(/\/$/, '')}/`);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${join(dir, 'temp', t)};`).join('\n');
  return `daemon off;
master_process off;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events { worker_connections 64; }
http {
  access_log ${join(dir, 'access.log')};
${temp}
${site}
}
`;
}

/** Starts Debian's nginx with the shipped config on 127.0.0.1; `stop` ends it and removes its folder. */
export async function startNginx(siteDir: string): Promise<{ origin: string; log: () => string; stop: () => Promise<void> }> {
  const tmp = tempDir('fieldguide-nginx-');
  mkdirSync(join(tmp.dir, 'temp'));
  const port = await freePort();
  const conf = join(tmp.dir, 'nginx.conf');
  writeFileSync(conf, testNginxConfig(siteDir, port, tmp.dir));
  const child = spawn(nginxPath, ['-e', join(tmp.dir, 'error.log'), '-p', tmp.dir, '-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const until = Date.now() + 10_000;
  for (;;) {
    const up = await new Promise<boolean>((done) => {
      const s = connect(port, '127.0.0.1');
      s.once('connect', () => { s.destroy(); done(true); });
      s.once('error', () => done(false));
    });
    if (up) break;
    if (child.exitCode !== null || Date.now() > until) {
      child.kill();
      tmp.cleanup();
      throw new Error(`nginx did not start on 127.0.0.1:${port}: ${output.trim()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const log = () => {
    try {
      return readFileSync(join(tmp.dir, 'error.log'), 'utf8');
    } catch {
      return '';
    }
  };
  return {
    origin: `http://127.0.0.1:${port}`,
    log,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      tmp.cleanup();
    },
  };
}

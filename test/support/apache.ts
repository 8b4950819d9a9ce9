import { spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { tempDir } from './helpers.ts';
import { freePort } from '../../scripts/lib/free-port.ts';

export const apachePath = process.env.APACHE_PATH ?? '/usr/sbin/apache2';
const modules = process.env.APACHE_MODULES ?? '/usr/lib/apache2/modules';

/**
 * A minimal server config, as an Apache admin would write one for the site: the folder is served
 * as /kb/ and may override FileInfo and Indexes, which is all the shipped .htaccess needs. The
 * modules are the ones a stock Debian or RHEL httpd loads.
 */
function httpdConfig(dir: string, docroot: string, port: number): string {
  const load = ['mpm_event', 'authz_core', 'dir', 'mime', 'headers', 'deflate', 'filter', 'alias']
    .map((m) => `LoadModule ${m}_module ${modules}/mod_${m}.so`).join('\n');
  const root = process.getuid?.() === 0 ? 'User nobody\nGroup nogroup\n' : '';
  return `ServerRoot "${dir}"
ServerName 127.0.0.1
Listen 127.0.0.1:${port}
PidFile "${join(dir, 'httpd.pid')}"
ErrorLog "${join(dir, 'error.log')}"
LogLevel warn
${load}
${root}TypesConfig "${join(dir, 'mime.types')}"
DocumentRoot "${docroot}"
<Directory "${docroot}">
    AllowOverride FileInfo Indexes
    Require all granted
</Directory>
`;
}

/** Starts Debian's Apache httpd on 127.0.0.1 serving `site` as /kb/; `stop` ends it and removes its folder. */
export async function startApache(site: string): Promise<{ origin: string; log: () => string; stop: () => Promise<void> }> {
  if (!existsSync(apachePath)) throw new Error(`${apachePath} not found: install Debian's apache2-bin (npm test does)`);
  const tmp = tempDir('fieldguide-apache-');
  // Apache drops to nobody when started as root: the folders on the way must be readable.
  chmodSync(tmp.dir, 0o755);
  const docroot = join(tmp.dir, 'www');
  mkdirSync(docroot);
  cpSync(site, join(docroot, 'kb'), { recursive: true });
  writeFileSync(join(tmp.dir, 'mime.types'), '');
  const port = await freePort();
  const conf = join(tmp.dir, 'httpd.conf');
  writeFileSync(conf, httpdConfig(tmp.dir, docroot, port));
  const child = spawn(apachePath, ['-f', conf, '-DFOREGROUND'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const log = () => output + (existsSync(join(tmp.dir, 'error.log')) ? readFileSync(join(tmp.dir, 'error.log'), 'utf8') : '');
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
      await exited;
      const why = log().trim();
      tmp.cleanup();
      throw new Error(`Apache did not start on 127.0.0.1:${port}: ${why}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
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

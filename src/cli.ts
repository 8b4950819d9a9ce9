import { parseArgs, type ParseArgsConfig } from 'node:util';
import { help } from './cli/help.ts';
import { buildCommand } from './cli/build.ts';
import { serveCommand } from './cli/serve.ts';
import { i18nCommand } from './cli/i18n.ts';
import { checkLinksCommand, checkLinksOptions } from './cli/check-links.ts';
import { bundleCommand } from './cli/bundle.ts';
import { importCommand } from './cli/import.ts';
import { initCommand } from './cli/init.ts';
import { schemasCommand } from './cli/schemas.ts';
import { packageVersion } from './package-root.ts';

/** What a command does with its parsed options and positionals; resolves to the exit code. */
type Handler = (values: Record<string, string | boolean | undefined>, positionals: string[]) => Promise<number>;

/** Every command: its options (parsed strictly), whether it takes positionals, and what runs it. */
export const commands: Record<string, { options: ParseArgsConfig['options']; positionals?: boolean; run: Handler }> = {
  init: {
    options: { force: { type: 'boolean' }, title: { type: 'string' }, locales: { type: 'string' } },
    positionals: true,
    run: initCommand,
  },
  build: {
    options: { data: { type: 'string' }, out: { type: 'string' }, 'link-status': { type: 'string' } },
    run: buildCommand,
  },
  serve: {
    options: { data: { type: 'string' }, out: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, 'link-status': { type: 'string' } },
    run: serveCommand,
  },
  i18n: {
    options: {
      data: { type: 'string' }, format: { type: 'string' }, check: { type: 'boolean' }, method: { type: 'string' }, all: { type: 'boolean' }, output: { type: 'string' },
      locale: { type: 'string' }, 'dry-run': { type: 'boolean' },
    },
    positionals: true,
    run: i18nCommand,
  },
  'check-links': { options: checkLinksOptions, run: checkLinksCommand },
  bundle: {
    options: { site: { type: 'string' }, out: { type: 'string' } },
    run: bundleCommand,
  },
  import: {
    options: { data: { type: 'string' }, locale: { type: 'string' }, 'translation-of': { type: 'string' }, 'dry-run': { type: 'boolean' } },
    positionals: true,
    run: importCommand,
  },
  schemas: {
    options: { check: { type: 'boolean' } },
    positionals: true,
    run: schemasCommand,
  },
};

/** Runs the `fieldguide` command line and returns its exit code (0 ok, 1 content errors, 2 usage); `--version` prints the package's version. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '-h' || name === '--help') {
    console.log(help.main);
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    console.log(packageVersion());
    return 0;
  }
  if (name === 'help') {
    const topic = rest[0] && help[rest[0]] ? rest[0] : 'main';
    console.log(help[topic]);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    console.error(`fieldguide: unknown command "${name}"; run 'fieldguide --help' for the list`);
    return 2;
  }
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: command.positionals ?? false,
    }));
  } catch (err) {
    console.error(`fieldguide ${name}: ${(err as Error).message.split('\n')[0]}; run 'fieldguide ${name} --help'`);
    return 2;
  }
  if (values.help) {
    console.log(help[name]);
    return 0;
  }
  return command.run(values, positionals);
}

import { commands as table } from './cli/commands.ts';
import { dispatch, withHelp } from './cli/dispatch.ts';

/** Every command of `fieldguide`, `help` included: options, help text and handler (`src/cli/commands.ts`). */
export const commands = withHelp(table);

/** Runs the `fieldguide` command line and returns its exit code (`src/cli/exit-codes.ts`); `--version` prints the package's version. */
export function main(argv: string[]): Promise<number> {
  return dispatch(argv, commands);
}

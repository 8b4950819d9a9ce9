/**
 * The exit codes of every `fieldguide` command, declared once: the dispatcher, the commands and
 * `fieldguide --help` (its "Exit codes" list is written from `exitCodeMeanings`) all read them here.
 */
export const exitCodes = {
  /** The command did what it was asked. */
  ok: 0,
  /** Content or build errors, or a check that found problems (check-links: broken links). */
  failed: 1,
  /** The command line is wrong: an unknown command or option, a bad value, a missing data folder. */
  usage: 2,
  /** check-links could not reach the network, and nothing else was found broken. */
  noNetwork: 3,
  /** An error Fieldguide did not expect (a bug): EX_SOFTWARE of sysexits.h. */
  unexpected: 70,
} as const;

/** What each exit code means, for `fieldguide --help`, in the order listed there. */
export const exitCodeMeanings: readonly [code: number, meaning: string][] = [
  [exitCodes.ok, 'success'],
  [exitCodes.failed, 'content or build errors, or a failed check (check-links: broken links)'],
  [exitCodes.usage, 'usage errors: an unknown command or option, a bad value, a missing data folder'],
  [exitCodes.noNetwork, 'check-links could not reach the network, and nothing else was broken'],
  [exitCodes.unexpected, "an unexpected error, a bug in Fieldguide: one line on stderr, the stack trace with --debug"],
];

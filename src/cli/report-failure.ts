import { ContentError, OutputError, SearchIndexError, UsageError } from '../core/errors.ts';
import { formatReport } from '../content/problems.ts';

/** Reports a failed command the way each failure deserves, returning the exit code; anything else is rethrown. */
export function reportFailure(command: string, err: unknown): number {
  if (err instanceof ContentError) {
    console.error(formatReport(err.problems));
    console.error(`fieldguide ${command}: content errors; nothing was written`);
    return 1;
  }
  if (err instanceof OutputError) {
    console.error(err.message);
    console.error(`fieldguide ${command}: ${err.broken.length} broken internal link(s); nothing was written`);
    return 1;
  }
  if (err instanceof SearchIndexError) {
    console.error(`fieldguide ${command}: ${err.message}; nothing was written`);
    return 1;
  }
  if (err instanceof UsageError) {
    console.error(`fieldguide ${command}: ${err.message}`);
    return 2;
  }
  throw err;
}

import { formatReport, type Problem } from '../content/problems.ts';

/** Content has errors; carries every problem so callers can print one report. */
export class ContentError extends Error {
  constructor(readonly problems: Problem[]) {
    super(formatReport(problems));
    this.name = 'ContentError';
  }
}

/** A usage problem the person running the command can fix, such as an output folder that would overwrite the sources. */
export class UsageError extends Error {
  name = 'UsageError';
}

import { join } from 'node:path';
import { formatReport, type Problem } from '../content/problems.ts';
import type { BrokenLink } from './verify-output.ts';

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

/** The built output has links that lead nowhere; nothing was written. */
export class OutputError extends Error {
  constructor(readonly broken: BrokenLink[], outDir: string) {
    super(broken.map((b) => `${join(outDir, b.page)}: broken link "${b.href}" (${b.reason})`).join('\n'));
    this.name = 'OutputError';
  }
}

/** Pagefind refused the site; the message carries Pagefind's own words. */
export class SearchIndexError extends Error {
  name = 'SearchIndexError';
}

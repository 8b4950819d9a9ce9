/** A content problem found while loading or validating, located in a source file. */
export interface Problem {
  /** Path as shown to the author, relative to the working directory. */
  file: string;
  line: number;
  column: number;
  /** JSON path such as `steps[3].text`; empty for file-level problems. */
  path: string;
  message: string;
  hint?: string;
  severity: 'error' | 'warning';
}

/** Control, line-separator and bidi characters that would break a report line or disguise it on a terminal. */
const unprintable = /[\u0000-\u001f\u007f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Shows unprintable characters as escapes, e.g. `a\u202eb` → `a\\u202eb`, so one problem stays one honest line. */
export function printable(text: string): string {
  return text.replace(unprintable, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Formats one problem as `file:line:col path: message (hint)`, e.g. `a.json:3:5 steps[0].id: …`. */
export function formatProblem(p: Problem): string {
  return printable(formatRaw(p));
}

function formatRaw(p: Problem): string {
  const where = `${p.file}:${p.line}:${p.column}`;
  const path = p.path ? ` ${p.path}` : '';
  const hint = p.hint ? ` (${p.hint})` : '';
  const level = p.severity === 'warning' ? ' warning:' : '';
  return `${where}${path}:${level} ${p.message}${hint}`;
}

/** Sorts problems by file, then position, so reports read top to bottom. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
  );
}

/** Formats a whole report with a closing count line, e.g. `2 problems in 1 file`. */
export function formatReport(problems: Problem[]): string {
  const sorted = sortProblems(problems);
  const files = new Set(sorted.map((p) => p.file)).size;
  const errors = sorted.filter((p) => p.severity === 'error').length;
  const lines = sorted.map(formatProblem);
  const noun = errors === 1 ? 'error' : 'errors';
  lines.push(`${errors} content ${noun} in ${files} ${files === 1 ? 'file' : 'files'}`);
  return lines.join('\n');
}

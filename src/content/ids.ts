const safeId = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const reserved = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
export const maxIdLength = 100;

/**
 * Why an id cannot become a URL segment and file name, or undefined when it can, e.g.
 * `idProblem('a/b')` → `contains "/"`; `idProblem('stopped-server')` → undefined.
 */
export function idProblem(id: string): string | undefined {
  if (id.length === 0) return 'is empty';
  if (id.length > maxIdLength) return `is longer than ${maxIdLength} characters`;
  if (/[/\\]/.test(id)) return `contains "${id.includes('/') ? '/' : '\\'}"`;
  if (id.includes('..')) return 'contains ".."';
  if (/\s/.test(id)) return 'contains white space';
  if (!safeId.test(id)) return 'may only hold letters, digits, ".", "_" and "-", starting with a letter or digit';
  if (id.endsWith('.')) return 'ends with "."';
  if (reserved.test(id)) return 'is a reserved file name on Windows';
  return undefined;
}

/** Suggests a safe spelling of an unsafe id, e.g. `Stopped Server` → `stopped-server`. */
export function suggestId(id: string): string {
  const s = id.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/\.{2,}/g, '.').replace(/^[-._]+|[-._]+$/g, '');
  return s.slice(0, maxIdLength) || 'id';
}

/** An id short enough to quote in a message, e.g. a 300-character id → its first 60 characters and `…`. */
export function shortId(id: string): string {
  return id.length > 60 ? `${id.slice(0, 60)}…` : id;
}

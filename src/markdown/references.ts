/** A `link:` or `error:` reference written in a markdown link target. */
export type Reference =
  | { kind: 'link'; id: string }
  | { kind: 'error'; catalog: string; code: string };

/**
 * Parses a markdown link target into a reference, e.g. `error:mim-run-status/success` →
 * `{ kind: 'error', catalog: 'mim-run-status', code: 'success' }`; other targets → undefined.
 */
export function parseReference(href: string): Reference | undefined {
  if (href.startsWith('link:')) return { kind: 'link', id: href.slice(5) };
  if (href.startsWith('error:')) {
    const rest = href.slice(6);
    const slash = rest.indexOf('/');
    if (slash < 0) return { kind: 'error', catalog: rest, code: '' };
    return { kind: 'error', catalog: rest.slice(0, slash), code: rest.slice(slash + 1) };
  }
  return undefined;
}

/** Splits a `<catalog>/<code>` list entry, e.g. `a/b` → `{ catalog: 'a', code: 'b' }`. */
export function parseCodeRef(ref: string): { catalog: string; code: string } {
  const slash = ref.indexOf('/');
  return slash < 0 ? { catalog: ref, code: '' } : { catalog: ref.slice(0, slash), code: ref.slice(slash + 1) };
}

/** The URL scheme of a link target, lower-cased, e.g. `JavaScript:alert(1)` → `javascript`. */
export function schemeOf(href: string): string | undefined {
  // Browsers ignore tabs and newlines inside schemes, so an attacker's `java\tscript:` is still javascript:.
  const m = /^([a-z][a-z0-9+.-]*):/i.exec(href.replace(/[\u0000-\u0020]/g, ''));
  return m ? m[1].toLowerCase() : undefined;
}

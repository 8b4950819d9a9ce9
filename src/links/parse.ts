import { percentDecode } from '../core/page-facts.ts';
/**
 * The one parsing layer for what comes from outside: URLs, fragments and response headers. Every
 * function here is total: bad input gives `undefined`, `NaN` or an error code, never an exception,
 * so a hostile link or server can only ever produce a verdict.
 */

/** A parsed URL, or why it could not be parsed (`BADURL`, with the text that failed). */
export type Parsed = { url: URL } | { error: string; detail: string };

/** Parses a URL as browsers do, e.g. `parseUrl('/b', 'https://a/x')` → `https://a/b`; never throws. */
export function parseUrl(raw: string, base?: string): Parsed {
  try {
    return { url: new URL(raw, base) };
  } catch {
    return { error: 'BADURL', detail: printable(raw) };
  }
}

/** Text safe to print in one report line: control characters escaped, at most 200 characters. */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return clean.length > 200 ? `${clean.slice(0, 199)}…` : clean;
}

/** Schemes a redirect may lead to; browsers refuse to follow any other (fetch's "HTTP(S) scheme"). */
const webSchemes = new Set(['http:', 'https:']);

/** Where a redirect leads: the next URL, or `BADLOCATION` / `SCHEME` with the Location as sent. */
export function parseLocation(location: string, current: string): Parsed {
  const parsed = parseUrl(location.trim(), current);
  if ('error' in parsed) return { error: 'BADLOCATION', detail: printable(location) };
  if (!webSchemes.has(parsed.url.protocol)) return { error: 'SCHEME', detail: `${parsed.url.protocol} (${printable(location)})` };
  return parsed;
}

/** The URL without its fragment, the unit a request is made for, e.g. `https://a/b#c` → `https://a/b`. */
export function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

/**
 * The fragment a browser scrolls to, as the URL parser leaves it, without a fragment directive
 * (`:~:text=…`); undefined when the URL has no `#` at all, `''` for a bare `#`.
 * @example fragmentOf('https://a/b#100%') → '100%'
 */
export function fragmentOf(url: string): string | undefined {
  const hash = url.indexOf('#');
  if (hash < 0) return undefined;
  const parsed = parseUrl(url);
  // The parser percent-encodes spaces and non-ASCII letters as browsers do; keep the raw text when it fails.
  const raw = 'url' in parsed ? parsed.url.hash.slice(1) : url.slice(hash + 1);
  const directive = raw.indexOf(':~:');
  return directive < 0 ? raw : raw.slice(0, directive);
}

/**
 * Milliseconds a `Retry-After` value asks for: `"2"` → 2000, an HTTP date → the time until it;
 * NaN when it is neither (then the usual back-off applies).
 */
export function retryAfterMs(value: string | undefined, now = Date.now()): number {
  if (!value) return Number.NaN;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Only an HTTP date; Date.parse alone would read "1" or "next week 3" as dates.
  if (!/^[A-Za-z]{3},? .*\d{2}:\d{2}:\d{2} GMT$/.test(text)) return Number.NaN;
  const at = Date.parse(text);
  return Number.isNaN(at) ? Number.NaN : Math.max(0, at - now);
}

/** A media type and its charset parameter, e.g. `Text/HTML; charset="ISO-8859-1"` → `{ mime: 'text/html', charset: 'iso-8859-1' }`. */
export interface ContentType {
  mime: string;
  charset?: string;
}

/** Parses a `Content-Type` header; undefined when absent or not a `type/subtype` (browsers then sniff). */
export function parseContentType(value: string | undefined): ContentType | undefined {
  if (!value) return undefined;
  const [essence, ...params] = value.split(';');
  const mime = essence.trim().toLowerCase();
  if (!/^[a-z0-9!#$%&'*+.^_`|~-]+\/[a-z0-9!#$%&'*+.^_`|~-]+$/.test(mime)) return undefined;
  let charset: string | undefined;
  for (const p of params) {
    const m = /^\s*charset\s*=\s*"?([^";]*)"?\s*$/i.exec(p);
    if (m && m[1].trim()) charset = m[1].trim().toLowerCase();
  }
  return { mime, charset };
}

/** Whether a media type is a page whose fragments name elements (HTML or XHTML). */
export const isHtmlType = (mime: string): boolean => mime === 'text/html' || mime === 'application/xhtml+xml';

/** One header value as text, whether Node gave a string, a list or nothing, e.g. `['a', 'b']` → `a`. */
export function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

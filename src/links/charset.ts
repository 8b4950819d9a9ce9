/**
 * Reads a page's bytes as a browser would: its byte order mark, then the charset of its
 * `Content-Type` header, then its `<meta charset>`, then UTF-8 when the bytes are valid UTF-8 and
 * windows-1252 otherwise (what browsers fall back to for unlabelled Western pages).
 */

/** A TextDecoder for a charset label, or undefined for a label no browser knows, e.g. `iso-8859-1` → windows-1252. */
function decoderFor(label: string | undefined): TextDecoder | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label.trim());
  } catch {
    return undefined;
  }
}

/** The encoding a byte order mark names, e.g. `EF BB BF` → `utf-8`. */
function bomCharset(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return undefined;
}

/**
 * The charset a `<meta>` in the first 1024 bytes declares (`<meta charset=…>` or
 * `<meta http-equiv="Content-Type" content="…; charset=…">`), as the HTML prescan looks for it.
 */
export function metaCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?\s*([^"'\s/>;]+)/i.exec(tag);
    if (direct) return direct[1].toLowerCase();
  }
  return undefined;
}

/** Whether the bytes decode as UTF-8 without a single invalid sequence. */
function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * The text of a page from its bytes and the charset of its header, e.g. ISO-8859-1 bytes with
 * `charset=iso-8859-1` → the accented letters they spell; never throws.
 */
export function decodeBody(bytes: Uint8Array, headerCharset?: string): string {
  const bom = bomCharset(bytes);
  if (bom) return new TextDecoder(bom).decode(bytes);
  const header = decoderFor(headerCharset);
  if (header) return header.decode(bytes);
  const meta = decoderFor(metaCharset(bytes));
  // A meta tag cannot truly mean UTF-16 (the prescan just read it as ASCII bytes); browsers use UTF-8 then.
  if (meta) return (meta.encoding.startsWith('utf-16') ? new TextDecoder('utf-8') : meta).decode(bytes);
  return new TextDecoder(isUtf8(bytes) ? 'utf-8' : 'windows-1252').decode(bytes);
}

/** Whether unlabelled bytes look like an HTML page, as browsers sniff a response without a type. */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  const start = Buffer.from(bytes.subarray(0, 512)).toString('latin1').replace(/^\ufeff|^\xef\xbb\xbf/, '').trimStart().toLowerCase();
  return /^<(!doctype html|html|head|body|script|iframe|h1|div|font|table|a|style|title|b|br|p|!--)[\s>]/.test(start);
}

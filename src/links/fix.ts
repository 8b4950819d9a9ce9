import { readFileSync, writeFileSync } from 'node:fs';
import { applyEdits, findNodeAtLocation, modify, parseTree, type FormattingOptions } from 'jsonc-parser';
import { lineColumn } from '../content/json-source.ts';

/** A permanent redirect to write into the registry. */
export interface Rewrite {
  id: string;
  from: string;
  to: string;
}

/** The file's own indentation, so edits look hand-written, e.g. two spaces → `{ tabSize: 2, insertSpaces: true }`. */
export function detectIndent(text: string): FormattingOptions {
  const m = /^([ \t]+)"/m.exec(text);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (m?.[1].startsWith('\t')) return { tabSize: 1, insertSpaces: false, eol };
  return { tabSize: m ? m[1].length : 2, insertSpaces: true, eol };
}

/** Today's date as the registry writes `until`, e.g. `2026-03-01`. */
export const today = (now = new Date()): string => now.toISOString().slice(0, 10);

/**
 * Rewrites each link's `url` to where it permanently moved and records the old address first in
 * its `history` (newest first), editing only those spots so the rest of the file stays as written.
 * A link whose URL no longer matches (edited since the check) is left alone.
 */
export function applyRewrites(text: string, rewrites: Rewrite[], date = today()): { text: string; applied: (Rewrite & { line: number })[] } {
  const formattingOptions = detectIndent(text);
  const applied: (Rewrite & { line: number })[] = [];
  for (const r of rewrites) {
    const tree = parseTree(text);
    const urlNode = tree && findNodeAtLocation(tree, ['links', r.id, 'url']);
    if (!urlNode || urlNode.value !== r.from) continue;
    const entry = { url: r.from, until: date, note: `Permanent redirect to the new address; updated by fieldguide check-links --fix.` };
    const history = findNodeAtLocation(tree, ['links', r.id, 'history']);
    const edits = history?.type === 'array'
      ? modify(text, ['links', r.id, 'history', 0], entry, { formattingOptions, isArrayInsertion: true })
      : modify(text, ['links', r.id, 'history'], [entry], { formattingOptions });
    text = applyEdits(text, edits);
    text = applyEdits(text, modify(text, ['links', r.id, 'url'], r.to, { formattingOptions }));
    applied.push({ ...r, line: lineColumn(text, findNodeAtLocation(parseTree(text)!, ['links', r.id, 'url'])!.offset).line });
  }
  return { text, applied };
}

/** Applies rewrites to a registry file in place; returns what changed. */
export function fixRegistry(file: string, rewrites: Rewrite[]): (Rewrite & { line: number })[] {
  const before = readFileSync(file, 'utf8');
  const { text, applied } = applyRewrites(before, rewrites);
  if (applied.length) writeFileSync(file, text);
  return applied;
}

import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import type { LinkEntry } from '../content/types.ts';

/** `value` as indented JSON whose lines after the first start at `indent`, e.g. for nesting inside a file. */
function nested(value: unknown, unit: string, indent: string): string {
  return JSON.stringify(value, null, unit).split('\n').join(`\n${indent}`);
}

/**
 * links.json with new entries appended at the end of `links`, leaving every existing byte as
 * it was, e.g. `addLinks(text, { cooling: { url, title } })`.
 */
export function addLinks(text: string, entries: Record<string, LinkEntry>): string {
  const ids = Object.keys(entries);
  if (ids.length === 0) return text;
  const links = findNodeAtLocation(parseTree(text)!, ['links'])!;
  const unit = /\n( +|\t)"/.exec(text)?.[1] ?? '  ';
  const last = links.children?.[links.children.length - 1];
  const lineStart = (offset: number) => text.lastIndexOf('\n', offset) + 1;
  const indent = last ? text.slice(lineStart(last.offset), last.offset) : `${text.slice(lineStart(links.offset), links.offset).match(/^\s*/)![0]}${unit}`;
  const body = ids.map((id) => `${JSON.stringify(id)}: ${nested(entries[id], unit, indent)}`).join(`,\n${indent}`);
  if (last) {
    const end = last.offset + last.length;
    return `${text.slice(0, end)},\n${indent}${body}${text.slice(end)}`;
  }
  const close = links.offset + links.length - 1;
  const outer = text.slice(lineStart(links.offset), links.offset).match(/^\s*/)![0];
  return `${text.slice(0, links.offset + 1)}\n${indent}${body}\n${outer}${text.slice(close)}`;
}

import { toLibValue, writeLibXliff, type LibDoc, type LibUnit } from './xliff-lib.ts';
import { toSegments } from './xliff-segments.ts';
import { uiPrefix, type Unit, type UnitState } from './xliff-units.ts';

/** The `<trans-unit>` of one unit: source and target with protected codes, the source hash in `extradata`. */
function libUnit(unit: Unit, glossary: readonly string[]): LibUnit {
  const ui = unit.id.startsWith(uiPrefix);
  const source = toSegments(unit.source, glossary, { ui });
  const target = toSegments(unit.target, glossary, { ui, like: source });
  const attributes: Record<string, string> = {};
  // The hash of the source the translator sees, so an import can tell what the translation was made from.
  if (unit.hash) attributes.extradata = unit.hash;
  if (unit.state.approved) attributes.approved = 'yes';
  return { source: toLibValue(source), target: toLibValue(target), additionalAttributes: attributes };
}

/** The xliff package's model of a locale's units: one `<file original>` per overlay file, in order. */
export function libDoc(units: Unit[], sourceLanguage: string, targetLanguage: string, glossary: readonly string[]): LibDoc {
  const resources: LibDoc['resources'] = {};
  for (const unit of units) (resources[unit.file] ??= {})[unit.id] = libUnit(unit, glossary);
  return { sourceLanguage, targetLanguage, resources };
}

const escapes: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };

/** Decodes the five predefined XML entities (and character references) of an attribute value. */
export function unescapeXml(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|apos);|&#(x[0-9a-f]+|\d+);/gi, (m, n?: string) =>
    n ? String.fromCodePoint(n[0].toLowerCase() === 'x' ? parseInt(n.slice(1), 16) : Number(n)) : escapes[m]);
}

/** One attribute, escaped, or nothing when the value is empty, e.g. ` state="new"`. */
const attr = (name: string, value: string | undefined) => (value ? ` ${name}="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"` : '');

/** A target's state attributes, e.g. ` state="translated" state-qualifier="mt-suggestion"`. */
export function stateAttributes(s: UnitState | undefined): string {
  return attr('state', s?.state) + attr('state-qualifier', s?.qualifier);
}

// The structural elements; inline codes (ph, bpt, ept, x, g, mrk) stay inside their text.
const structural = /<(\/?)(xliff|file|header|body|group|trans-unit|source|target|note)\b([^>]*)>/g;
const containers = new Set(['xliff', 'file', 'header', 'body', 'group', 'trans-unit']);

/**
 * XLIFF written on one line, laid out one element per line and indented, with each target's
 * state added: the xliff package writes no target attributes, and its own indenting would put
 * spaces inside source and target text. Text never holds a raw `<`, so matching tags is safe.
 */
export function layout(xml: string, states: Map<string, UnitState>): string {
  let depth = 0;
  let unit = '';
  let out = '';
  let last = 0;
  for (const m of xml.matchAll(structural)) {
    const [tag, closing, name, attrs] = m;
    out += xml.slice(last, m.index);
    last = m.index + tag.length;
    if (name === 'trans-unit' && !closing) unit = unescapeXml(/\bid="([^"]*)"/.exec(attrs)?.[1] ?? '');
    const text = name === 'target' && !closing ? `<target${stateAttributes(states.get(unit))}${attrs}>` : tag;
    if (closing) {
      if (containers.has(name)) out += `\n${'  '.repeat(--depth)}`;
      out += text;
    } else {
      if (m.index > 0) out += `\n${'  '.repeat(depth)}`;
      out += text;
      if (containers.has(name) && !attrs.endsWith('/')) depth++;
    }
  }
  return `${out}${xml.slice(last)}`;
}

/** A locale's units as an XLIFF 1.2 document, with states, source hashes and protected terms as locked codes. */
export async function exportXliff(units: Unit[], sourceLanguage: string, targetLanguage: string, glossary: readonly string[]): Promise<string> {
  const xml = await writeLibXliff(libDoc(units, sourceLanguage, targetLanguage, glossary));
  const states = new Map(units.map((u) => [u.id, u.state]));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${layout(xml, states)}\n`;
}

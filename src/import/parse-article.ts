import markdownIt, { type Token } from 'markdown-it';
import { Parser } from 'htmlparser2';
import type { Problem } from '../content/problems.ts';
import { ImportError, type DocsMeta, type ImportedDoc, type ImportedStep } from './types.ts';
import { inlineMarkdown, type InlineContext, type InlineResult } from './inline-markdown.ts';

// HTML on, so `<a name="…">` in the title arrives as its own token rather than as text.
const md = markdownIt({ html: true, linkify: false });

/** The `name` (or `id`) of the first HTML anchor in a fragment, e.g. `<a name="x"></a>` → `x`. */
export function anchorName(html: string): string | undefined {
  let found: string | undefined;
  const parser = new Parser({
    onopentag(name, attrs) {
      if (!found && name === 'a') found = attrs.name ?? attrs.id;
    },
  });
  parser.write(html);
  parser.end();
  return found;
}

/** The index of the token closing the one opened at `open` (same level, matching type). */
function closeOf(tokens: Token[], open: number): number {
  const type = tokens[open].type.replace(/_open$/, '_close');
  for (let i = open + 1; i < tokens.length; i++) if (tokens[i].type === type && tokens[i].level === tokens[open].level) return i;
  return tokens.length - 1;
}

/** Only `**label**`: the Docs way of titling the list that follows ("**Recommended steps**"). */
function isLabel(inline: Token): boolean {
  const c = (inline.children ?? []).filter((t) => !(t.type === 'text' && t.content === ''));
  return c.length === 3 && c[0].type === 'strong_open' && c[2].type === 'strong_close';
}

/** Markdown of one list item: its paragraphs, nested list items as `- ` lines, and code blocks. */
function itemMarkdown(tokens: Token[], from: number, to: number, inline: (t: Token) => InlineResult): InlineResult {
  const out: InlineResult = { text: '', plain: '', links: [], errors: [], names: [] };
  const lists: string[] = [];
  let sep = '';
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') lists.push(t.type === 'bullet_list_open' ? '-' : '1.');
    if (t.type === 'bullet_list_close' || t.type === 'ordered_list_close') lists.pop();
    let part: InlineResult | undefined;
    if (t.type === 'inline') part = inline(t);
    if (t.type === 'fence' || t.type === 'code_block') part = { text: `\`\`\`${t.info}\n${t.content}\`\`\``, plain: t.content, links: [], errors: [], names: [] };
    if (!part) continue;
    const bullet = lists.length > 0 && tokens[i - 2]?.type === 'list_item_open' ? `${'  '.repeat(lists.length - 1)}${lists[lists.length - 1]} ` : '';
    out.text += (out.text ? (bullet ? '\n' : '\n\n') : '') + bullet + part.text;
    out.plain += sep + part.plain;
    sep = ' ';
    out.links.push(...part.links);
    out.errors.push(...part.errors);
    out.names.push(...part.names);
  }
  return out;
}

/**
 * Reads a Docs-style article body: the first heading (its `<a name>` anchor is the article id),
 * the paragraphs before the steps as the introduction, and the first ordered list as the steps.
 */
export function parseArticle(file: string, body: string, bodyLine: number, meta: DocsMeta, ctx: Omit<InlineContext, 'drop'>): ImportedDoc {
  const tokens = md.parse(body, {});
  const warnings: Problem[] = [];
  const lineOf = (t: Token) => bodyLine + (t.map?.[0] ?? 0);
  let at: Token | undefined;
  const warn = (t: Token | undefined, message: string) => warnings.push({
    file, line: t ? lineOf(t) : 1, column: 1, path: '', message, severity: 'warning',
  });
  const inline = (t: Token) => inlineMarkdown(t.children ?? [], { ...ctx, drop: (what) => warn(at, `dropped ${what}`) });

  const doc: ImportedDoc = { file, meta, steps: [], warnings };
  const intro: string[] = [];
  let i = 0;
  for (; i < tokens.length; i++) {
    const t = tokens[i];
    at = t;
    if (t.type === 'ordered_list_open' && t.level === 0) break;
    if (t.type === 'heading_open') {
      const content = tokens[i + 1];
      if (doc.heading === undefined) {
        doc.anchor = (content.children ?? []).filter((c) => c.type === 'html_inline').map((c) => anchorName(c.content)).find(Boolean);
        doc.heading = (content.children ?? []).filter((c) => c.type !== 'html_inline').map((c) => c.content).join('').trim();
      }
      i = closeOf(tokens, i);
    } else if (t.type === 'paragraph_open') {
      const content = tokens[i + 1];
      i = closeOf(tokens, i);
      if (!(isLabel(content) && tokens[i + 1]?.type === 'ordered_list_open')) intro.push(inline(content).text);
    } else if (t.type === 'html_block') {
      warn(t, `dropped raw HTML ${t.content.trim().split('\n')[0]}`);
    } else if (t.type.endsWith('_open')) {
      warn(t, `dropped a ${t.type.replace(/_open$/, '').replace(/_/g, ' ')} before the steps (only paragraphs make the introduction)`);
      i = closeOf(tokens, i);
    }
  }
  if (i >= tokens.length) {
    throw new ImportError([{
      file, line: bodyLine, column: 1, path: '', severity: 'error',
      message: 'no steps found: an article needs an ordered list (1. 2. 3.) of recommended steps',
      hint: 'write the steps as a numbered list after the introduction',
    }]);
  }
  if (intro.length > 0) doc.intro = intro.join('\n\n');
  const listClose = closeOf(tokens, i);
  for (let k = i + 1; k < listClose; k++) {
    if (tokens[k].type !== 'list_item_open' || tokens[k].level !== 1) continue;
    at = tokens[k];
    const end = closeOf(tokens, k);
    const r = itemMarkdown(tokens, k + 1, end, inline);
    const step: ImportedStep = { ...r, line: lineOf(tokens[k]) };
    if (step.text.trim()) doc.steps.push(step);
    else warn(tokens[k], 'dropped an empty step');
    k = end;
  }
  const rest = tokens.slice(listClose + 1).find((t) => t.map);
  if (rest) warn(rest, 'content after the steps is not imported (an article ends with its steps)');
  return doc;
}

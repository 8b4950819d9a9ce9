import { parseDocument } from 'htmlparser2';

/**
 * Markdown of the HTML our own renderer writes (paragraphs, lists, links, code, emphasis, bidi
 * isolates), for the text exports. Raw HTML never reaches a page, so this small set is all there
 * is; anything else keeps its text. Links go through `link` so each export can point them where
 * its readers are (absolute, or relative to the export file).
 */

type Node = ReturnType<typeof parseDocument>['children'][number];
interface Element { type: string; name: string; attribs: Record<string, string>; children: Node[] }

const blocks = new Set(['p', 'div', 'ul', 'ol', 'li', 'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'tr']);

/** A code span that survives backticks in its text, e.g. ``a`b`` → ``` ``a`b`` ```. */
function codeSpan(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** The text of a node and its children, as written. */
function textOf(node: Node): string {
  if (node.type === 'text') return (node as unknown as { data: string }).data;
  const el = node as unknown as Element;
  return el.children ? el.children.map(textOf).join('') : '';
}

/** Inline Markdown of a run of nodes; white space collapses as a browser collapses it. */
function inline(nodes: Node[], link: (href: string) => string): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') {
      out += (node as unknown as { data: string }).data.replace(/\s+/g, ' ');
      continue;
    }
    if (node.type !== 'tag') continue;
    const el = node as unknown as Element;
    const inner = () => inline(el.children, link);
    if (el.name === 'code') out += codeSpan(textOf(node));
    else if (el.name === 'strong' || el.name === 'b') out += `**${inner()}**`;
    else if (el.name === 'em' || el.name === 'i') out += `*${inner()}*`;
    else if (el.name === 'br') out += '\n';
    else if (el.name === 'a' && el.attribs.href) out += `[${inner()}](${link(el.attribs.href)})`;
    else out += inner();
  }
  return out;
}

/** Markdown blocks of a run of nodes, separated by blank lines. */
function block(nodes: Node[], link: (href: string) => string): string[] {
  const out: string[] = [];
  let run: Node[] = [];
  const flush = () => {
    const text = inline(run, link).trim();
    if (text) out.push(text);
    run = [];
  };
  for (const node of nodes) {
    const el = node as unknown as Element;
    if (node.type !== 'tag' || !blocks.has(el.name)) {
      run.push(node);
      continue;
    }
    flush();
    if (el.name === 'ul' || el.name === 'ol') {
      const items = el.children.filter((c) => c.type === 'tag' && (c as unknown as Element).name === 'li');
      out.push(items.map((li, i) => {
        const marker = el.name === 'ol' ? `${i + 1}. ` : '- ';
        const body = block((li as unknown as Element).children, link).join('\n\n');
        return marker + body.split('\n').join(`\n${' '.repeat(marker.length)}`);
      }).join('\n'));
    } else if (el.name === 'blockquote') {
      out.push(block(el.children, link).join('\n\n').split('\n').map((l) => `> ${l}`.trimEnd()).join('\n'));
    } else if (el.name === 'pre') {
      out.push(`\`\`\`\n${textOf(node).replace(/\n$/, '')}\n\`\`\``);
    } else if (/^h[1-6]$/.test(el.name)) {
      const text = inline(el.children, link).trim();
      if (text) out.push(`**${text}**`);
    } else {
      out.push(...block(el.children, link));
    }
  }
  flush();
  return out;
}

/** Markdown of rendered HTML, e.g. `<p>See <a href="../x/">x</a>.</p>` → `See [x](../x/).` with `link` applied to `../x/`. */
export function htmlToMarkdown(html: string, link: (href: string) => string = (h) => h): string {
  return block(parseDocument(html, { decodeEntities: true }).children, link).join('\n\n');
}

import type { Token } from 'markdown-it';
import { schemeOf } from '../markdown/references.ts';

/** How the serializer turns what it meets into references. */
export interface InlineContext {
  /** Registry id for an external URL. */
  link: (url: string, text: string) => string;
  /** `<catalog>/<code>` for a bold or code-span name that is a catalog code. */
  code: (name: string) => string | undefined;
  /** Something that cannot be carried over, e.g. an image or a relative link. */
  drop: (what: string) => void;
}

/** Markdown text rebuilt from inline tokens, with what it refers to. */
export interface InlineResult {
  text: string;
  plain: string;
  links: string[];
  errors: string[];
  names: string[];
}

/** Escapes characters that would start markdown syntax, e.g. `a*b [c]` → `a\*b \[c\]`. */
export function escapeText(text: string): string {
  return text
    .replace(/[\\*`[\]<]/g, '\\$&')
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_');
}

/** A code span that survives backticks inside, e.g. ``a`b`` → ``` ``a`b`` ```. */
export function codeSpan(code: string): string {
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  const pad = code.startsWith('`') || code.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${code}${pad}${fence}`;
}

/** The one name inside `**…**`, when the bold holds nothing but one text or code span. */
function boldName(tokens: Token[], open: number): string | undefined {
  const inner = tokens[open + 1];
  const close = tokens[open + 2];
  if (!inner || close?.type !== 'strong_close') return undefined;
  return inner.type === 'text' || inner.type === 'code_inline' ? inner.content : undefined;
}

/**
 * Rebuilds markdown from markdown-it inline tokens: external links become `link:<id>`, bold or
 * code-span names that are catalog codes become `error:` references, other code spans stay
 * code spans (protected terms), and what the model cannot hold (images, raw HTML, relative links) is dropped.
 */
export function inlineMarkdown(tokens: Token[], ctx: InlineContext): InlineResult {
  const out: InlineResult = { text: '', plain: '', links: [], errors: [], names: [] };
  const closers: string[] = [];
  let inLink = 0;
  const reference = (name: string, ref: string) => {
    out.errors.push(ref);
    out.text += `[${escapeText(name)}](error:${ref})`;
    out.plain += name;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    switch (t.type) {
      case 'text':
        out.text += escapeText(t.content);
        out.plain += t.content;
        break;
      case 'softbreak':
        out.text += '\n';
        out.plain += ' ';
        break;
      case 'hardbreak':
        out.text += '\\\n';
        out.plain += ' ';
        break;
      case 'code_inline': {
        const ref = inLink ? undefined : ctx.code(t.content);
        if (ref) reference(t.content, ref);
        else {
          if (!inLink) out.names.push(t.content);
          out.text += codeSpan(t.content);
          out.plain += t.content;
        }
        break;
      }
      case 'strong_open': {
        const name = inLink ? undefined : boldName(tokens, i);
        const ref = name !== undefined ? ctx.code(name) : undefined;
        if (name !== undefined && ref) {
          reference(name, ref);
          i += 2;
          break;
        }
        if (name !== undefined && !inLink) out.names.push(name);
        out.text += t.markup;
        break;
      }
      case 'strong_close':
      case 'em_open':
      case 'em_close':
      case 's_open':
      case 's_close':
        out.text += t.markup;
        break;
      case 'link_open': {
        const href = String(t.attrGet('href') ?? '');
        const scheme = schemeOf(href);
        if (scheme === 'http' || scheme === 'https' || scheme === 'mailto') {
          const text = tokens.slice(i + 1, tokens.findIndex((x, k) => k > i && x.type === 'link_close')).map((x) => x.content).join('');
          const id = ctx.link(href, text);
          out.links.push(id);
          out.text += '[';
          closers.push(`](link:${id})`);
          inLink++;
        } else {
          ctx.drop(`link to "${href}" (only http:, https: and mailto: links can be registered; its text is kept)`);
          closers.push('');
        }
        break;
      }
      case 'link_close': {
        const closer = closers.pop() ?? '';
        if (closer) inLink--;
        out.text += closer;
        break;
      }
      case 'image':
        ctx.drop(`image "${t.attrGet('src') ?? ''}" (articles hold text only)`);
        break;
      case 'html_inline':
        ctx.drop(`raw HTML ${t.content.trim()}`);
        break;
      default:
        out.text += escapeText(t.content);
        out.plain += t.content;
    }
  }
  return out;
}

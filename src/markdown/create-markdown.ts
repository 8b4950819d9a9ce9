import markdownIt, { type MarkdownIt, type Token } from 'markdown-it';
import { referenceSchemes, schemeOf } from './references.ts';

/** What a resolved reference renders to. */
export interface ResolvedHref {
  href: string;
  title?: string;
  external?: boolean;
}

/** Render-time context: how to turn `link:`/`error:` targets into URLs for the page being rendered. */
export interface MarkdownEnv {
  [key: string | symbol]: unknown;
  resolve: (href: string) => ResolvedHref | undefined;
}

const recordSchemes = referenceSchemes();
const renderSchemes = new Set([...recordSchemes, 'http', 'https', 'mailto']);

/** True for link targets a rendered page may carry, e.g. `#step` or `link:x`; false for `javascript:`. */
export function isRenderableHref(href: string): boolean {
  const scheme = schemeOf(href);
  return scheme ? renderSchemes.has(scheme) : href.startsWith('#');
}

/**
 * The markdown renderer for text fields: raw HTML off, no linkify, references resolved through
 * `env.resolve`, and any link it cannot resolve rendered as plain text.
 */
export function createMarkdown(): MarkdownIt {
  const md = markdownIt({ html: false, linkify: false, typographer: false });
  md.validateLink = isRenderableHref;
  // Keep reference targets verbatim; mdurl would percent-encode odd characters in ids.
  const normalize = md.normalizeLink.bind(md);
  md.normalizeLink = (url: string) => (recordSchemes.has(/^([a-z]+):/.exec(url)?.[1] ?? '') ? url : normalize(url));
  md.disable(['image']);

  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    const resolved = (env as MarkdownEnv | undefined)?.resolve?.(String(token.attrGet('href') ?? ''));
    if (!resolved) {
      markUnresolved(tokens, idx);
      return '';
    }
    token.attrSet('href', resolved.href);
    if (resolved.title) token.attrSet('title', resolved.title);
    if (resolved.external) token.attrSet('class', 'ext');
    return self.renderToken(tokens, idx, options);
  };
  md.renderer.rules.link_close = (tokens, idx, options, _env, self) =>
    tokens[idx].meta?.unresolved ? '' : self.renderToken(tokens, idx, options);
  return md;
}

function markUnresolved(tokens: Token[], idx: number): void {
  let depth = 0;
  for (let i = idx + 1; i < tokens.length; i++) {
    if (tokens[i].type === 'link_open') depth++;
    if (tokens[i].type === 'link_close') {
      if (depth === 0) {
        tokens[i].meta = { ...(tokens[i].meta ?? {}), unresolved: true };
        return;
      }
      depth--;
    }
  }
}

/** A parser that keeps every link target as written, so validation can see and report bad ones. */
export function createInspectingMarkdown(): MarkdownIt {
  const md = markdownIt({ html: false, linkify: false });
  md.validateLink = () => true;
  md.normalizeLink = (url: string) => url;
  return md;
}

/** Every link target and image source in a markdown text, in order of appearance. */
export function linkTargets(md: MarkdownIt, text: string): { href: string; image: boolean }[] {
  const out: { href: string; image: boolean }[] = [];
  const walk = (tokens: Token[]) => {
    for (const t of tokens) {
      if (t.type === 'link_open') out.push({ href: String(t.attrGet('href') ?? ''), image: false });
      if (t.type === 'image') out.push({ href: String(t.attrGet('src') ?? ''), image: true });
      if (t.children) walk(t.children);
    }
  };
  walk(md.parse(text, {}));
  return out;
}

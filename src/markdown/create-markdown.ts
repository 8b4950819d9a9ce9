import markdownIt, { type MarkdownIt, type Token } from 'markdown-it';
import { parseReference, referenceSchemes, schemeOf } from './references.ts';
import { findTerms, termsToIsolate } from './glossary-terms.ts';

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
  /** Protected terms of site.json; with `dir`, decides which terms become isolated `<bdi>` islands. */
  glossary?: readonly string[];
  /** Direction of the page the text is rendered for. */
  dir?: 'ltr' | 'rtl';
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
    const href = String(token.attrGet('href') ?? '');
    const resolved = (env as MarkdownEnv | undefined)?.resolve?.(href);
    if (!resolved) {
      markUnresolved(tokens, idx);
      return '';
    }
    if ((env as MarkdownEnv).dir === 'rtl') markCodeName(tokens, idx, href);
    token.attrSet('href', resolved.href);
    if (resolved.title) token.attrSet('title', resolved.title);
    if (resolved.external) token.attrSet('class', 'ext');
    return self.renderToken(tokens, idx, options);
  };
  md.renderer.rules.link_close = (tokens, idx, options, _env, self) =>
    tokens[idx].meta?.unresolved ? '' : self.renderToken(tokens, idx, options);
  // A code span is always left to right: in Hebrew or Arabic text `gateway.conf`. must not
  // turn into .gateway.conf, and dir="ltr" makes the element a bidi isolate as well.
  md.renderer.rules.code_inline = (tokens, idx, _options, _env, self) =>
    `<code${self.renderAttrs(tokens[idx])} dir="ltr">${md.utils.escapeHtml(tokens[idx].content)}</code>`;
  md.renderer.rules.text = (tokens, idx, _options, env) => {
    const { content, meta } = tokens[idx];
    return meta?.isolate ? `<bdi>${md.utils.escapeHtml(content)}</bdi>` : isolateTerms(content, env as MarkdownEnv | undefined, md.utils.escapeHtml);
  };
  return md;
}

const isolatedByGlossary = new WeakMap<readonly string[], { ltr: string[]; rtl: string[] }>();

/** The terms to isolate for `env`, worked out once per glossary and direction. */
function isolated(env: MarkdownEnv | undefined): string[] {
  if (!env?.glossary?.length || !env.dir) return [];
  let byDir = isolatedByGlossary.get(env.glossary);
  if (!byDir) isolatedByGlossary.set(env.glossary, (byDir = { ltr: termsToIsolate(env.glossary, 'ltr'), rtl: termsToIsolate(env.glossary, 'rtl') }));
  return byDir[env.dir];
}

/** Escaped text with each glossary term to isolate wrapped in `<bdi>`, e.g. `ב־<bdi>Harbor Console</bdi>`. */
function isolateTerms(text: string, env: MarkdownEnv | undefined, escape: (s: string) => string): string {
  const terms = isolated(env);
  if (terms.length === 0) return escape(text);
  let out = '';
  let at = 0;
  for (const m of findTerms(text, terms)) {
    out += `${escape(text.slice(at, m.start))}<bdi>${escape(text.slice(m.start, m.end))}</bdi>`;
    at = m.end;
  }
  return out + escape(text.slice(at));
}

/**
 * Marks the text of an `error:` link written as the code itself, `[0x80070005](error:c/0x80070005)`,
 * to be isolated like a code span: it is a protected term, not a word of the sentence.
 */
function markCodeName(tokens: Token[], idx: number, href: string): void {
  const ref = parseReference(href);
  const text = tokens[idx + 1];
  if (ref?.kind !== 'code' || text?.type !== 'text' || tokens[idx + 2]?.type !== 'link_close') return;
  if (text.content.trim() === ref.ids[1]) text.meta = { ...(text.meta ?? {}), isolate: true };
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

import type { TFunction } from 'i18next';
import { htmlToText } from '../model/search-records.ts';
import { shorten } from '../model/search-model.ts';
import type { ArticlePage, CatalogPage, CodePage, HomePage, Page, ReferencesPage } from '../model/types.ts';
import { fromRoot, relativeHref, urls } from '../model/urls.ts';
import { htmlToMarkdown } from './html-to-markdown.ts';
import type { OutputFile } from './sitemap.ts';

/**
 * `llms.txt` and `llms-full.txt` in the llmstxt.org format, per locale: an H1 with the site's
 * name, its description as a blockquote, then sections of links with a note each. `llms.txt` is
 * the index (articles, then each catalog with its codes); `llms-full.txt` holds the text of
 * every article and code, so an assistant can answer from one file.
 */

/** Where links in an export file lead: absolute under the site's public root, else relative to the file. */
type Linker = { to: (rootPath: string) => string; fromPage: (page: Page, href: string) => string };

const base = 'http://fieldguide.invalid';

/** Links for the export at `fileUrl`; `root` is the site's public address when site.json has one. */
function linker(fileUrl: string, root?: string): Linker {
  const to = (rootPath: string) => (root ? new URL(fromRoot(rootPath), root).href : relativeHref(fileUrl, rootPath));
  return {
    to,
    // A page's own links are relative to it; outside links stay as they are.
    fromPage: (page, href) => {
      const target = new URL(href, base + page.url);
      return target.origin === base ? to(target.pathname + target.hash) : href;
    },
  };
}

/** One line of text as a note: no line breaks, at most `max` characters. */
const note = (html: string | undefined, max = 200) => (html ? shorten(htmlToText(html), max) : '');
const item = (label: string, href: string, text?: string) => `- [${label.replace(/[[\]]/g, '\\$&')}](${href})${text ? `: ${text}` : ''}`;
const codeLabel = (c: CodePage) => (c.title !== c.code ? `${c.code} – ${c.title}` : c.code);

interface LocalePages {
  home: HomePage;
  articles: ArticlePage[];
  catalogs: CatalogPage[];
  codes: Map<string, CodePage[]>;
  references?: ReferencesPage;
}

/** The pages of one locale the text exports describe. */
function localePages(pages: Page[], locale: string): LocalePages | undefined {
  const mine = pages.filter((p) => p.locale === locale && p.url.startsWith(`/${locale}/`));
  const home = mine.find((p): p is HomePage => p.kind === 'home');
  if (!home) return undefined;
  const codes = new Map<string, CodePage[]>();
  for (const c of mine.filter((p): p is CodePage => p.kind === 'code')) codes.set(c.catalog.id, [...(codes.get(c.catalog.id) ?? []), c]);
  return {
    home,
    articles: mine.filter((p): p is ArticlePage => p.kind === 'article'),
    catalogs: mine.filter((p): p is CatalogPage => p.kind === 'catalog'),
    codes,
    references: mine.find((p): p is ReferencesPage => p.kind === 'references'),
  };
}

/** The heading and blockquote every llms file starts with. */
function header(home: HomePage): string[] {
  const summary = home.descriptionHtml ? htmlToText(home.descriptionHtml) : '';
  return [`# ${home.siteTitle}`, '', ...(summary ? [`> ${summary}`, ''] : [])];
}

/** `/<locale>/llms.txt`: the site's pages in one language, each link with a one-line note. */
export function llmsTxt(pages: Page[], locale: { code: string; label: string }, t: TFunction, root?: string): OutputFile | undefined {
  const lp = localePages(pages, locale.code);
  if (!lp) return undefined;
  const link = linker(urls.llms(locale.code), root);
  const lines = [...header(lp.home), t('llms.intro', { file: 'llms-full.txt', language: locale.label }), ''];
  if (lp.articles.length) {
    lines.push(`## ${t('home.articles')}`, '', ...lp.articles.map((a) => item(a.title, link.to(a.url), note(a.summaryHtml))), '');
  }
  for (const c of lp.catalogs) {
    lines.push(`## ${c.title}`, '');
    if (c.summaryHtml) lines.push(htmlToText(c.summaryHtml), '');
    lines.push(item(c.title, link.to(c.url)), ...(lp.codes.get(c.catalogId) ?? []).map((p) => item(codeLabel(p), link.to(p.url), note(p.meaningHtml))), '');
  }
  lines.push('## Optional', '', item(t('llms.fullText'), link.to(urls.llmsFull(locale.code))));
  if (lp.references) lines.push(item(lp.references.title, link.to(lp.references.url), t('references.intro')));
  return { outputPath: fromRoot(urls.llms(locale.code)), body: `${lines.join('\n')}\n` };
}

/** The notices of a page (machine translation, untranslated text) as a quoted line each. */
const noticeLines = (page: Page) => page.notices.map((n) => `> ${n.text}`);

/** One article in full: summary, introduction and every step with its codes. */
function articleText(a: ArticlePage, link: Linker, t: TFunction): string[] {
  const md = (html: string) => htmlToMarkdown(html, (h) => link.fromPage(a, h));
  const out = [`## ${a.title}`, '', `${t('llms.page')}: ${link.to(a.url)}`, '', ...noticeLines(a)];
  if (a.notices.length) out.push('');
  if (a.summaryHtml) out.push(md(a.summaryHtml), '');
  if (a.introHtml) out.push(md(a.introHtml), '');
  for (const s of a.steps) {
    const n = t('step.number', { n: s.n });
    out.push(`### ${s.title ? `${n}: ${s.title}` : n}`, '', md(s.html), '');
    if (s.codes.length) out.push(`${t('step.codes')}: ${s.codes.map((c) => `[\`${c.code}\`](${link.fromPage(a, c.href)})`).join(', ')}`, '');
  }
  return out;
}

/** One code in full: severity, other names, meaning, action, and the steps that name it. */
function codeText(c: CodePage, link: Linker, t: TFunction): string[] {
  const md = (html: string) => htmlToMarkdown(html, (h) => link.fromPage(c, h));
  const facts = [`${t('catalog.severity')}: ${t(`severity.${c.severity}`)}`];
  if (c.aliases.length) facts.push(`${t('code.aliases')}: ${c.aliases.map((a) => `\`${a}\``).join(', ')}`);
  const out = [`### ${c.title !== c.code ? `\`${c.code}\` – ${c.title}` : `\`${c.code}\``}`, '', `${t('llms.page')}: ${link.to(c.url)}`, '', ...noticeLines(c)];
  if (c.notices.length) out.push('');
  out.push(facts.join(' · '), '', `**${t('code.meaning')}**`, '', md(c.meaningHtml), '');
  if (c.actionHtml) out.push(`**${t('code.action')}**`, '', md(c.actionHtml), '');
  if (c.steps.length) out.push(`${t('code.steps')}: ${c.steps.map((s) => `[${s.label}](${link.fromPage(c, s.href)})`).join(', ')}`, '');
  return out;
}

/** `/<locale>/llms-full.txt`: the text of every article and code of one language, in Markdown. */
export function llmsFullTxt(pages: Page[], locale: string, t: TFunction, root?: string): OutputFile | undefined {
  const lp = localePages(pages, locale);
  if (!lp) return undefined;
  const link = linker(urls.llmsFull(locale), root);
  const lines = [...header(lp.home)];
  for (const a of lp.articles) lines.push(...articleText(a, link, t));
  for (const c of lp.catalogs) {
    const md = (html: string) => htmlToMarkdown(html, (h) => link.fromPage(c, h));
    lines.push(`## ${c.title}`, '', `${t('llms.page')}: ${link.to(c.url)}`, '');
    if (c.summaryHtml) lines.push(md(c.summaryHtml), '');
    for (const code of lp.codes.get(c.catalogId) ?? []) lines.push(...codeText(code, link, t));
  }
  return { outputPath: fromRoot(urls.llmsFull(locale)), body: `${lines.join('\n').replace(/\n+$/, '')}\n` };
}

/** `/llms.txt` at the root: the site's languages, each with its two files. */
export function rootLlmsTxt(pages: Page[], locales: { code: string; label: string }[], t: TFunction, root?: string): OutputFile | undefined {
  const home = pages.find((p): p is HomePage => p.kind === 'home');
  if (!home) return undefined;
  const link = linker(urls.llms(), root);
  const lines = [...header(home), t('llms.rootIntro'), '', `## ${t('a11y.languages')}`, ''];
  for (const l of locales) {
    lines.push(item(l.label, link.to(urls.llms(l.code))), item(`${l.label}: ${t('llms.fullText')}`, link.to(urls.llmsFull(l.code))));
  }
  return { outputPath: fromRoot(urls.llms()), body: `${lines.join('\n')}\n` };
}

import { pageIds } from './page-ids.ts';
import type { TFunction } from 'i18next';
import { recordKey } from '../content/kinds.ts';
import type { Content } from '../content/types.ts';
import { codeListPath } from './code-list.ts';
import type { LocaleContext } from './context.ts';
import type { DiagnosePage, GoPage, RootPage } from './types.ts';
import { outputPathOf, relativeHref, urls } from './urls.ts';

/**
 * The pages that reach a code from outside: the lookup address `go/#<code>` (at the root, it picks
 * the reader's language; per locale, it opens the code) and "paste your log" (`<locale>/diagnose/`).
 * Both read the locale's code list in the browser; the model gives them their strings.
 */

const severities = ['error', 'warning', 'info', 'success'] as const;

/** Every plural form of a UI string the locale has, as i18next keys them, `{{count}}` left for the script. */
function plurals(t: TFunction, locale: string, key: string): Record<string, string> {
  return Object.fromEntries(new Intl.PluralRules(locale).resolvedOptions().pluralCategories.map((c) => [c, t(`${key}_${c}`, { count: '{{count}}' })]));
}

/** `{{name}}`-style placeholders the script fills in itself, kept through i18next. */
const keep = { name: '{{name}}', n: '{{n}}', lines: '{{lines}}' };

/** The root lookup address `go/`: a list of languages, each leading to its own `go/`, that script follows with the `#code`. */
export function goRootPage(content: Content, t: TFunction): RootPage {
  const site = content.site.value;
  const url = urls.go();
  const source = site.locales.find((l) => l.code === site.defaultLocale)!;
  return {
    kind: 'root', url, outputPath: outputPathOf(url), locale: source.code, dir: source.dir ?? 'ltr',
    title: t('go.title'), docTitle: `${t('go.title')} – ${site.title}`, robots: site.robots, siteTitle: site.title,
    homeHref: relativeHref(url, urls.home(site.defaultLocale)),
    stylesheet: relativeHref(url, urls.asset('site.css')),
    favicon: relativeHref(url, urls.asset('favicon.svg')),
    breadcrumbs: [], notices: [], nav: [], alternates: [], sourceDir: source.dir ?? 'ltr',
    heading: { text: t('go.title') }, meta: [],
    languagesHeading: pageIds(t).heading('choose-language', t('root.title')),
    intro: t('go.rootIntro'),
    defaultLocale: site.defaultLocale,
    languages: site.locales.map((l) => ({ label: l.label, lang: l.code, href: relativeHref(url, urls.go(l.code)) })),
    // With one language too: a meta refresh would drop the #code the reader came with.
    scripts: [relativeHref(url, urls.asset('locale-choice.js')), relativeHref(url, urls.asset('choose-language.js'))],
  };
}

/** The lookup page of one locale: opens `#<code>`, or offers the codes of that name, or the nearest ones. */
export function goPage(ctx: LocaleContext): GoPage {
  const url = urls.go(ctx.code);
  const title = ctx.t('go.title');
  const base = ctx.base('go', url, title, [{ label: ctx.t('nav.home'), href: ctx.hrefOf('site', url) }, { label: title }]);
  const strings = {
    loading: ctx.t('go.loading'), failed: ctx.t('go.failed'), prompt: ctx.t('go.prompt'),
    several: ctx.t('go.several', keep), nearest: ctx.t('go.nearest', keep), none: ctx.t('go.none', keep),
    ...Object.fromEntries(severities.map((s) => [`severity.${s}`, ctx.t(`severity.${s}`)])),
  };
  const example = [...ctx.index.catalogs.values()][0]?.value.codes[0]?.code ?? 'code';
  return {
    ...base,
    kind: 'go',
    notices: ctx.pageNotices(['site'], url, ['machine']),
    intro: ctx.t('go.intro', { example }),
    root: relativeHref(url, urls.root()),
    strings: JSON.stringify(strings),
    catalogs: [...ctx.index.catalogs.values()].map(({ value: c }) => ({ title: c.title, href: ctx.hrefOf(recordKey('catalog', [c.id]), url) })),
    scripts: [...base.scripts, ...['code-finder.js', 'code-lookup.js', 'go.js'].map((s) => relativeHref(url, urls.asset(s)))],
  };
}

/** "Paste your log" of one locale: the code list and the reader are loaded with the page, before any text is pasted. */
export function diagnosePage(ctx: LocaleContext): DiagnosePage {
  const url = urls.diagnose(ctx.code);
  const title = ctx.t('diagnose.title');
  const base = ctx.base('diagnose', url, title, [{ label: ctx.t('nav.home'), href: ctx.hrefOf('site', url) }, { label: title }]);
  const strings = {
    locale: ctx.code,
    failed: ctx.t('go.failed'), none: ctx.t('diagnose.none'),
    found: plurals(ctx.t, ctx.code, 'diagnose.found'),
    line: ctx.t('diagnose.line', keep), alsoOn: ctx.t('diagnose.alsoOn', keep), foundAs: ctx.t('diagnose.foundAs', keep),
    severities: Object.fromEntries(severities.map((s) => [s, ctx.t(`severity.${s}`)])),
  };
  return {
    ...base,
    kind: 'diagnose',
    notices: ctx.pageNotices(['site'], url, ['machine']),
    root: relativeHref(url, urls.root()),
    strings: JSON.stringify(strings),
    catalogs: [...ctx.index.catalogs.values()].map(({ value: c }) => ({ title: c.title, href: ctx.hrefOf(recordKey('catalog', [c.id]), url) })),
    scripts: [...base.scripts, relativeHref(url, `/${codeListPath(ctx.code)}`), ...['code-lookup.js', 'log-reader.js'].map((s) => relativeHref(url, urls.asset(s)))],
  };
}

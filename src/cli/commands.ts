import { defaultCacheFile, defaultStatusFile } from '../core/link-status.ts';
import type { CommandTable, Handler, OptionSpec } from './table.ts';

/**
 * A handler loaded when its command runs: each command imports only its own code, so `--help`,
 * `init` or `i18n status` start without loading Eleventy, Pagefind or the link checker.
 */
function lazy<K extends string>(load: () => Promise<Record<K, Handler>>, name: K): Handler {
  return async (values, positionals) => (await load())[name](values, positionals);
}

/** `--data DIR`, the content folder: checked to exist before the command runs. */
const data = (description = 'content folder'): OptionSpec => ({ type: 'string', value: 'DIR', description, default: 'data', kind: 'dataDir' });

/**
 * Every command of `fieldguide`, in the order `fieldguide --help` lists them: its options (parsed
 * strictly, and the only source of its help's options section), its help text and its handler.
 * `help` is added by the dispatcher (`withHelp`).
 */
/** The link-status file `check-links` wrote: the pages then show each reference's health. */
const linkStatus = {
  type: 'string', value: 'FILE',
  description: `link health to show readers: the file check-links wrote (by default ${defaultStatusFile}); without it no reference shows its health`,
} satisfies OptionSpec;

export const commands: CommandTable = {
  init: {
    summary: 'start a knowledge base: an example site, schemas, CI and hosting files',
    usage: 'fieldguide init [DIR] [--title TEXT] [--locales en,de] [--force]',
    description: `Writes a small knowledge base into DIR (default: the current folder) that builds as it is:
the example of Kestrel Backup, a made-up product (data/site.json with a glossary, one
article of four steps, one error catalog with phases, links.json), a German translation
with one stale step and one code not yet translated so every translation notice shows,
data/schemas/ with .vscode/settings.json mapping each data file to its schema, a README
for authors, package.json and .gitignore, the CI recipes (.github/workflows/links.yml,
azure-pipelines.yml, .gitlab-ci.yml) and the hosting recipes (Dockerfile, deploy/nginx.conf,
deploy/iis/web.config, deploy/apache/.htaccess). Then prints the commands that build and
serve it.

On a terminal it asks for what the options leave out; otherwise (CI, scripts) it uses
the defaults and asks nothing.`,
    options: {
      title: {
        type: 'string', value: 'TEXT',
        description: 'the site\'s title (default: the example\'s, "Kestrel Backup troubleshooting"); a new title leaves the site record untranslated in the other languages',
      },
      locales: {
        type: 'string', value: 'LIST',
        description: 'languages, comma-separated, the source first; the example is written in English, so the list starts with en (default: en,de). de gets the example\'s German translation; any other gets a ui.json to translate',
      },
      force: {
        type: 'boolean',
        description: 'write into a folder that is not empty, adding only the files it lacks and keeping every file it has; when it already has data/site.json, none of the example\'s content is added, so it never mixes with yours',
      },
    },
    positionals: '[DIR]',
    notes: `A folder holding only .git, node_modules, package.json, package-lock.json or .npmrc counts
as empty, so 'npm install fieldguide && npx fieldguide init' works in a new folder.`,
    exits: `Exit codes: 0 written, 1 the folder is not empty (without --force) or is a file, or the questions
were ended (Ctrl+D) before an answer, 2 usage errors.`,
    run: lazy(() => import('./init.ts'), 'initCommand'),
  },

  build: {
    summary: 'validate data/ and build the site into _site/',
    usage: 'fieldguide build [--data DIR] [--out DIR] [--link-status FILE]',
    description: `Validates every file of the data folder, reporting all problems at once, then renders
the site into a temporary folder, checks every internal link and #fragment, builds the
search index (one per language, with Pagefind), and only then replaces the output
folder. A failed build leaves the previous output untouched.`,
    options: {
      data: data(),
      out: { type: 'string', value: 'DIR', description: 'output folder', default: '_site' },
      'link-status': linkStatus,
    },
    exits: `Exit codes: 0 built, 1 content errors, broken internal links or a search index error
(report on stderr), 2 usage errors (such as a missing data folder).`,
    run: lazy(() => import('./build.ts'), 'buildCommand'),
  },

  serve: {
    summary: 'build, then serve on http://127.0.0.1:8080 and rebuild on edits',
    usage: 'fieldguide serve [--data DIR] [--out DIR] [--port N] [--host ADDR] [--link-status FILE]',
    description: `Builds the site and serves it with live reload; an edit to the data folder re-renders only
the pages it changed, an edit to the templates in _includes/ every page, and the browser
reloads; search is re-indexed after the pages are served. Content errors are printed
and the last good pages stay served. A change to Fieldguide's own code (src/*.ts,
eleventy.config.ts) restarts the server process, since running code cannot reload.`,
    options: {
      data: data(),
      out: { type: 'string', value: 'DIR', description: 'output folder', default: '_site' },
      port: { type: 'string', value: 'N', description: 'port', default: '8080' },
      host: { type: 'string', value: 'ADDR', description: 'address to listen on; use 0.0.0.0 to share on your network', default: '127.0.0.1' },
      'link-status': linkStatus,
    },
    exits: 'Exit codes: 0 stopped (Ctrl+C), 2 usage errors (such as a missing data folder).',
    run: lazy(() => import('./serve.ts'), 'serveCommand'),
  },

  bundle: {
    summary: 'zip the built site for reading offline, from disk, with search',
    usage: 'fieldguide bundle [--site DIR] [--out FILE.zip]',
    description: `Writes a zip of a built site that works when unzipped and opened straight from disk
(file://): every link names its index.html, and search works with no server and no
network. The zip holds a README.txt saying which file to open. Prints the zip's size.`,
    options: {
      site: { type: 'string', value: 'DIR', description: 'built site to bundle; run \'fieldguide build\' first', default: '_site' },
      out: { type: 'string', value: 'FILE.zip', description: 'zip to write; the site sits in a folder named after the file, e.g. site/index.html', default: 'dist/site.zip' },
    },
    exits: `Exit codes: 0 written, 1 the folder is not a built site or the zip cannot be written,
2 usage errors.`,
    run: lazy(() => import('./bundle.ts'), 'bundleCommand'),
  },

  'check-links': {
    summary: 'check the link registry and every link of the built site',
    usage: `fieldguide check-links [--site DIR] [--data DIR] [--offline] [--format FORMAT]
         [--output FILE] [--cache FILE | --no-cache] [--status FILE] [--fix]
         [--timeout MS] [--concurrency N] [--ttl HOURS] [--indeterminate-days N] [--max-time S]`,
    description: `Checks every URL of the link registry (current addresses and archive copies) and every
link of the built site, internal links and #fragments included, as a browser sees them.
Each unique URL is requested once (URLs differing only in #fragment share the request), at
most N at a time and at most 4 per host, with a User-Agent naming Fieldguide and a cookie
jar for the run; HEAD first, GET when HEAD fails. 429 is retried after its Retry-After (up to
60 s, never past --max-time), 5xx and network errors twice with back-off (1 s, 2 s).
Redirects are followed and recorded, to http: and https: addresses only. Fragments are
checked on HTML pages only (by Content-Type, in the page's charset); # and #top always exist.

Verdicts: ok; redirected (permanent 301/308 or temporary); broken (404, 410, unknown host,
connection refused, missing #fragment, redirect loop, a redirect to an unparseable or
non-web address); indeterminate (429 or 5xx after retries, timeout, 401/403/999 from bot
protection, 451, no network). Only broken fails the run; a URL that stays indeterminate for
more than --indeterminate-days becomes broken.`,
    options: {
      site: { type: 'string', value: 'DIR', description: 'built site to crawl', default: '_site' },
      data: data('content folder with links.json'),
      offline: { type: 'boolean', description: 'check internal links and #fragments only; no network' },
      format: { type: 'string', value: 'FORMAT', description: 'text, json, junit, markdown or github', default: 'text' },
      output: { type: 'string', value: 'FILE', description: 'write the report to FILE instead of stdout' },
      cache: { type: 'string', value: 'FILE', description: 'results kept between runs', default: defaultCacheFile },
      'no-cache': { type: 'boolean', description: 'neither read nor write the cache' },
      status: { type: 'string', value: 'FILE', description: 'link status for readers, the file to name in \'fieldguide build\' and \'serve\' to show it', default: defaultStatusFile },
      fix: { type: 'boolean', description: 'rewrite permanent redirects into links.json, keeping the old URL in the link\'s history; broken and indeterminate links are left alone' },
      timeout: { type: 'string', value: 'MS', description: 'per-request timeout', default: '15000' },
      concurrency: { type: 'string', value: 'N', description: 'requests at once overall', default: '8' },
      ttl: { type: 'string', value: 'HOURS', description: 'a URL found ok within this time is not requested again', default: '24' },
      'indeterminate-days': { type: 'string', value: 'N', description: 'days an indeterminate URL is tolerated', default: '7' },
      'max-time': { type: 'string', value: 'S', description: 'bound on the whole run, waits and retries included; URLs not reached in time are indeterminate', default: '900' },
    },
    notes: `When no host outside this machine can be reached (every one fails to resolve or connect,
or the resolver does not answer), the run says "no network: N external links not
checked", gives them indeterminate and leaves the link status file as it was.

Progress goes to stderr: a bar on a terminal, plain lines otherwise.`,
    exits: `Exit codes:
  0 no broken links (warnings allowed)
  1 broken links or content errors
  2 usage or configuration errors (such as a missing site or data folder)
  3 no network: external links could not be checked, and nothing else was broken`,
    run: lazy(() => import('./check-links.ts'), 'checkLinksCommand'),
  },

  i18n: {
    summary: 'translation status, review stamps, new languages, XLIFF export and import',
    usage: `fieldguide i18n status [--data DIR] [--format text|json] [--check]
       fieldguide i18n stamp <locale> <record-id | prefix/* | overlay-file>... [--data DIR] [--method METHOD]
       fieldguide i18n stamp <locale> --all [--data DIR] [--method METHOD]
       fieldguide i18n init <locale> [--data DIR]
       fieldguide i18n export <locale> [--format xliff] [--output FILE] [--data DIR]
       fieldguide i18n import <file.xlf> [--data DIR] [--locale LOCALE] [--dry-run]`,
    description: `status  Reports, for every locale but the source one, how many records are translated,
        stale (the source text changed since), missing (shown in the source language)
        and machine-translated, and every protected term a translation lost, each
        with its file and line. The built site has the same report at
        /<locale>/translation-status/.
        --check exits 1 when a locale exceeds a threshold set in site.json
        (translationPolicy.thresholds; by default no stale human translation and no
        protected-term violation is allowed).

stamp   Records that translations were checked against the current source: sets each
        record's source hash to the current text's hash and its method to reviewed (or
        --method), keeping the file's formatting. Record ids are the keys listed by
        status, e.g. step/<article>/<step>, code/<catalog>/<code>, article/<id>,
        catalog/<id>, phase/<catalog>/<id>, link/<id>, site. A key prefix ending in /*
        (step/<article>/*), an overlay file (data/translations/<locale>/articles/<id>.json)
        or --all stamps many at once: only records that have a translation are stamped,
        records already current are listed as such, untranslated ones as skipped.

init    Adds a language: lists it in site.json (label: the language's own name, e.g.
        Deutsch; dir from its script) unless it is there, writes
        translations/<locale>/ui.json with every UI string the locale needs (its own
        plural forms) in the source language as a guide (an existing ui.json only
        gets the keys it lacks), and lists per kind the records without a translation
        and the overlay files they go in. UI strings still identical to the source
        count as untranslated until translated (or listed in "$sameAsSource").
        Refuses a code that is not a BCP 47 tag and the source locale.

export  Writes the locale's translation as XLIFF 1.2 for a translation tool (to stdout,
        or --output FILE): one <file> per overlay file, one <trans-unit> per field of
        each record (id <record-id>#<field>, e.g. step/<article>/<step>#text) and per UI
        string (ui/<key>), with the source text, the current translation and its state:
        new (missing), needs-review-translation (stale), translated (human; machine ones
        with state-qualifier mt-suggestion) or final (reviewed). Protected terms (code
        spans, link:/error: targets, glossary terms, {{placeholders}}) are locked <ph>,
        <bpt>/<ept> codes; extradata holds the hash of the source the unit was made from.

import  Writes a translated XLIFF file back into the overlays, editing each file in place
        (missing files are created with "$schema" and a translation block), and prints
        one line per changed record and UI string, then a count. Units whose target and
        state are unchanged are left alone, so importing an export unedited changes
        nothing. A confirmed unit (final or signed-off: reviewed; translated: human, or
        machine with mt-suggestion) is stamped with the hash the unit carries, so a
        translation of an older source shows as stale; other states are written as
        drafts, not stamped. Empty targets change nothing. Refused, with the file, line
        and column and nothing written: malformed XML, a target-language that is not a
        translated locale of the site (or not --locale), unknown unit ids, and targets
        the build would refuse (lost protected terms, link targets other than link:,
        error: and #anchors, lost {{placeholders}}). --dry-run prints the changes only.`,
    options: {
      data: data(),
      format: { type: 'string', value: 'FORMAT', description: 'status output: text (default) or json; export: xliff (default)' },
      output: { type: 'string', value: 'FILE', description: 'export: write the XLIFF to FILE instead of stdout' },
      locale: { type: 'string', value: 'LOCALE', description: 'import: refuse a file that translates into another locale' },
      'dry-run': { type: 'boolean', description: 'import: print what would change; write nothing' },
      check: { type: 'boolean', description: 'status: exit 1 when a threshold is exceeded' },
      method: { type: 'string', value: 'METHOD', description: 'stamp: reviewed (default), human or machine' },
      all: { type: 'boolean', description: 'stamp: every translated record of the locale' },
    },
    positionals: 'status|stamp|init|export|import [ARG]...',
    exits: 'Exit codes: 0 ok, 1 content errors, a refused import or thresholds exceeded, 2 usage errors.',
    run: lazy(() => import('./i18n.ts'), 'i18nCommand'),
  },

  import: {
    summary: 'bring Docs-style markdown articles and translations into data/',
    usage: `fieldguide import <file.md>... [--data DIR] [--translation-of ARTICLE-ID]
         [--locale LOCALE] [--dry-run]`,
    description: `Imports Microsoft Docs-style markdown: YAML front matter, a title (its <a name="..."> anchor
becomes the article id), an introduction and an ordered list of steps. Inline links go into
links.json (an entry whose URL or history holds the address is reused; new ones get ids
from their path); bold or code-span names that are codes of a catalog become error:
references. Front matter: ms.date -> updated, ms.author/author -> owner, audience,
ROBOTS -> robots, description -> summary.

With --translation-of, each file becomes the translation overlay of that article in its
locale (ms.contentlocale, or --locale): steps are matched to the source's steps by position
and by the links and codes they share, ms.translationtype MT/HT -> machine/human,
ms.lasthandoff -> date, and ms.openlocfilehash, ms.sourcegitcommit and ms.locfileid are kept
under translation.imported. Protected terms the translation lost are listed.

Everything is validated with the data folder before anything is written; on any error
nothing is written. Importing the same file again changes nothing.`,
    options: {
      data: data(),
      'translation-of': { type: 'string', value: 'ARTICLE-ID', description: 'import as a translation of this article' },
      locale: { type: 'string', value: 'LOCALE', description: 'the translation\'s locale when the front matter has none' },
      'dry-run': { type: 'boolean', description: 'print the files that would be written; write nothing' },
    },
    positionals: '<file.md>...',
    exits: `Exit codes: 0 imported (lost protected terms are reported on stderr), 1 a file cannot be
imported or the result would not be valid, 2 usage errors.`,
    run: lazy(() => import('./import.ts'), 'importCommand'),
  },

  schemas: {
    summary: 'write the JSON Schemas editors use into data/schemas/',
    usage: 'fieldguide schemas [DIR] [--check]',
    description: `Writes the JSON Schemas of this version of Fieldguide into DIR/schemas/, where DIR is the
data folder (default: data): one for each source file (site, article, catalog, links) and
one for each translation overlay and ui.json. Every data file names its schema with a
relative "$schema" path into that folder ("../schemas/article.schema.json"), and so does
every file Fieldguide writes (init, import, i18n init and import), so editors find them in
any checkout or copy of the data folder, without node_modules. The build always validates
against Fieldguide's own copy; run this after upgrading Fieldguide so editors agree with it.`,
    options: {
      check: { type: 'boolean', description: 'write nothing; exit 1 when a schema is missing or differs' },
    },
    positionals: '[DIR]',
    exits: `Exit codes: 0 written or current, 1 out of date (--check), 2 usage errors (DIR has no
site.json).`,
    run: lazy(() => import('./schemas.ts'), 'schemasCommand'),
  },
};

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Markup, script and template syntax an author or an importer might paste into any text field. */
export const xssCorpus = [
  '<script>alert("xss-script")</script>',
  '<img src=x onerror=alert("xss-img")>',
  '<svg onload=alert("xss-svg")><script>alert("xss-svg-script")</script></svg>',
  '"><script>alert("xss-attr-break")</script>',
  "'><img src=x onerror=alert('xss-single-quote')>",
  '<a href="javascript:alert(\'xss-anchor\')">click</a>',
  '&lt;script&gt;alert("xss-entity")&lt;/script&gt; &#60;img src=x onerror=alert(1)&#62; &amp;amp;',
  '<iframe src="javascript:alert(\'xss-iframe\')"></iframe>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert("xss-mxss")>',
  '<!-- --><script>alert("xss-comment")</script><!-- -->',
  '<b onmouseover=alert("xss-broken")>broken <i>markup',
  '{{ 7*7 }} {% raw %} ${alert("xss-template")} {{ constructor.constructor("alert(1)")() }}',
  '</textarea></title></style></noscript><script>alert("xss-close")</script>',
  '<details open ontoggle=alert("xss-details")>',
  '<object data="data:text/html,<script>alert(\'xss-object\')</script>"></object>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(\'xss-meta\')">',
  '<base href="javascript:alert(\'xss-base\')//">',
  '<form action="javascript:alert(\'xss-form\')"><button>go</button></form>',
];

/** Link targets that must never reach a rendered href, written the ways markdown accepts them. */
export const linkPayloads = [
  '[plain](javascript:alert("xss-md-js"))',
  '[mixed case](JaVaScRiPt:alert(1))',
  '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[vb](vbscript:msgbox(1))',
  '[entity](jav&#x61;script:alert(1))',
  '[escaped](java\\tscript:alert(1))',
  '[angle](<javascript:alert(1)>)',
  '<javascript:alert("xss-autolink")>',
  '![image](javascript:alert(1))',
  '[reference][r]\n\n[r]: javascript:alert(1)',
];

/** Text that is legitimate but stresses layout and bidi handling. */
export const edgeText = {
  longWord: 'x'.repeat(300),
  rtlOverride: 'Restart \u202egnirts desrever\u202c the Widget',
  zeroWidth: 'zero\u200bwidth\u200cnon\u200djoiner\u2060word\ufeffend',
  megabyte: `${'The Widget lost power. '.repeat(45_590)}End.`,
};

type Tree = Record<string, unknown>;

const write = (dir: string, file: string, value: unknown) => {
  mkdirSync(dirname(join(dir, file)), { recursive: true });
  writeFileSync(join(dir, file), JSON.stringify(value, null, 2));
};

/** A corpus string by position, wrapping around, e.g. `pick(0)` → the first. */
const pick = (n: number) => xssCorpus[n % xssCorpus.length];

/** Source records: every kind of text field holds a corpus string; one article and one code hold the edge cases. */
function sourceFiles(extraMarkdown: string): Record<string, Tree> {
  const refs = 'see [the manual](link:widget-manual) and [w-0](error:widget-codes/w-0)';
  const md = (n: number) => `${pick(n)} ${refs}${extraMarkdown}`;
  const codes = xssCorpus.map((_, n) => ({
    code: `w-${n}`, title: pick(n + 1), severity: (['error', 'warning', 'info', 'success'] as const)[n % 4], phases: ['start'],
    meaning: md(n), action: md(n + 2), related: [`widget-codes/w-${(n + 1) % xssCorpus.length}`], links: ['widget-manual', 'write-to-us'],
  }));
  codes.push({
    code: `w-${'9'.repeat(98)}`, title: edgeText.longWord, severity: 'error', phases: ['start'],
    meaning: `${edgeText.megabyte} ${edgeText.longWord}`, action: `${edgeText.rtlOverride} ${edgeText.zeroWidth}`, related: [], links: [],
  });
  return {
    'site.json': {
      title: `Widget ${pick(0)}`, description: pick(1), defaultLocale: 'en',
      locales: [{ code: 'en', label: `English ${pick(2)}` }, { code: 'id', label: 'Bahasa Indonesia' }],
      translationPolicy: { protectedTerms: 'warning' },
    },
    'links.json': {
      links: {
        'widget-manual': {
          url: 'https://example.test/manual', title: pick(3), publisher: pick(4), archive: 'https://archive.example.test/manual',
          history: [{ url: 'http://old.example.test/manual', until: '2022', note: pick(5) }],
        },
        'write-to-us': { url: 'mailto:help@example.test', title: pick(6) },
      },
    },
    'articles/hostile.json': {
      id: 'hostile', title: pick(7), summary: md(8), intro: md(9), updated: '2024-05-01',
      steps: xssCorpus.map((_, n) => ({ id: `s-${n}`, title: pick(n), text: md(n), errors: [`widget-codes/w-${n}`], links: ['widget-manual'] })),
    },
    'articles/edge.json': {
      id: 'edge', title: `${edgeText.rtlOverride} ${edgeText.zeroWidth}`, summary: edgeText.longWord, intro: edgeText.zeroWidth,
      steps: [
        { id: 'long-word', title: edgeText.longWord, text: `${edgeText.longWord} \`${edgeText.longWord}\``, errors: [`widget-codes/w-${'9'.repeat(98)}`] },
        { id: 'bidi', title: edgeText.rtlOverride, text: `${edgeText.rtlOverride} ${edgeText.zeroWidth}` },
      ],
    },
    'errors/widget-codes.json': {
      id: 'widget-codes', title: pick(10), summary: md(11), product: pick(12),
      phases: [{ id: 'start', title: pick(13), summary: md(14) }], codes,
    },
  };
}

/** Translation overlays: the corpus again, plus every link payload, which only render-time escaping stops here. */
function overlayFiles(): Record<string, Tree> {
  const translation = { method: 'human', date: '2024-06-01' };
  const md = (n: number) => `${pick(n)} [manual](link:widget-manual) [w-0](error:widget-codes/w-0) ${linkPayloads.join(' ')}`;
  return {
    'translations/id/site.json': { translation, title: pick(14), description: pick(15) },
    'translations/id/links.json': { translation, links: { 'widget-manual': { title: pick(16) }, 'write-to-us': { title: pick(17) } } },
    'translations/id/articles/hostile.json': {
      translation, title: pick(1), summary: md(2), intro: md(3),
      steps: Object.fromEntries(xssCorpus.map((_, n) => [`s-${n}`, { title: pick(n + 3), text: md(n + 4) }])),
    },
    'translations/id/errors/widget-codes.json': {
      translation, title: pick(5), summary: md(6), phases: { start: { title: pick(7), summary: md(8) } },
      codes: Object.fromEntries(xssCorpus.map((_, n) => [`w-${n}`, { title: pick(n + 5), meaning: md(n + 6), action: md(n + 7) }])),
    },
  };
}

/**
 * Writes the hostile site into `dir`. With `linksInSource`, the markdown link payloads go into
 * the source text too, which validation must refuse; otherwise only the overlays carry them.
 */
export function writeHostileSite(dir: string, options: { linksInSource?: boolean } = {}): void {
  const extra = options.linksInSource ? ` ${linkPayloads.join(' ')}` : '';
  const files = { ...sourceFiles(extra), ...(options.linksInSource ? {} : overlayFiles()) };
  for (const [file, value] of Object.entries(files)) write(dir, file, value);
}

import { problemAt, type JsonSource } from './json-source.ts';
import type { Problem } from './problems.ts';

/** The placeholders a `feedback` URL template may hold; each is filled in per page and answer. */
export const feedbackPlaceholders = ['page', 'locale', 'code', 'catalog', 'answer'] as const;

export type FeedbackValues = Record<(typeof feedbackPlaceholders)[number], string>;

/** The site's public root as the exports write it: always ending in `/`, e.g. `https://x/kb` → `https://x/kb/`. */
export function siteRoot(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/** Why `url` in site.json cannot be the site's public root, or undefined when it can. */
export function siteUrlProblem(url: string): { message: string; hint: string } | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { message: `"${url}" is not an absolute URL`, hint: 'write the address readers open the site at, e.g. https://intranet.example/kb/' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { message: `URL scheme "${parsed.protocol}" is not allowed for the site's address`, hint: 'the site is served over http: or https:' };
  }
  if (parsed.search || parsed.hash || url.includes('#') || url.includes('?')) {
    return { message: `the site's address "${url}" has a query or fragment`, hint: 'give the folder the site is served from, e.g. https://intranet.example/kb/' };
  }
  return undefined;
}

/** Every `{name}` in a template, e.g. `a?p={page}&x={y}` → `['page', 'y']`. */
function placeholdersIn(template: string): string[] {
  return [...template.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]);
}

/** Why the `feedback` setting is refused, or undefined when it is a mailto: address or an http(s) URL template. */
export function feedbackProblems(template: string): { message: string; hint: string }[] {
  const out: { message: string; hint: string }[] = [];
  const allowed = `use ${feedbackPlaceholders.map((p) => `{${p}}`).join(', ')}`;
  for (const name of placeholdersIn(template)) {
    if (!(feedbackPlaceholders as readonly string[]).includes(name)) out.push({ message: `unknown placeholder "{${name}}" in feedback`, hint: allowed });
  }
  const filled = template.replace(/\{[^{}]*\}/g, 'x');
  let parsed: URL | undefined;
  try {
    parsed = new URL(filled);
  } catch {
    out.push({ message: `feedback "${template}" is not an absolute URL`, hint: 'write a mailto: address or an https:// form address, e.g. https://tickets.example/new?page={page}' });
    return out;
  }
  if (!['mailto:', 'http:', 'https:'].includes(parsed.protocol)) {
    out.push({ message: `URL scheme "${parsed.protocol}" is not allowed for feedback`, hint: 'only mailto:, http: and https: are accepted' });
  }
  return out;
}

/** The site settings that are addresses: the public root (`url`) and the feedback target. */
export function checkSiteAddresses(source: JsonSource, site: Record<string, unknown>, out: Problem[]): void {
  if (typeof site.url === 'string' && site.url) {
    const p = siteUrlProblem(site.url);
    if (p) out.push(problemAt(source, ['url'], p.message, { hint: p.hint }));
  }
  if (typeof site.feedback === 'string' && site.feedback) {
    for (const p of feedbackProblems(site.feedback)) out.push(problemAt(source, ['feedback'], p.message, { hint: p.hint }));
  }
}

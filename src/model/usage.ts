import { createInspectingMarkdown, linkTargets } from '../markdown/create-markdown.ts';
import { parseReference } from '../markdown/references.ts';
import type { Article, Catalog, Content, ErrorCode, Step } from '../content/types.ts';

/** A record that uses an external link, by id (so each locale can show its own titles). */
export type LinkUser =
  | { kind: 'article'; article: string }
  | { kind: 'step'; article: string; step: string; n: number }
  | { kind: 'catalog'; catalog: string }
  | { kind: 'code'; catalog: string; code: string };

/** Key of a step in usage maps, e.g. `configure-mim-sync-service/pcns-event-6025`. */
export const stepKey = (article: Article | string, step: Step | string): string =>
  `${typeof article === 'string' ? article : article.id}/${typeof step === 'string' ? step : step.id}`;

/** Key of a code in usage maps, e.g. `mim-related/6025`. */
export const codeKey = (catalog: Catalog | string, code: ErrorCode | string): string =>
  `${typeof catalog === 'string' ? catalog : catalog.id}/${typeof code === 'string' ? code : code.code}`;

/** Who points at what, computed once per build so no page scans the whole site. */
export interface Usage {
  /** `<catalog>/<code>` keys a step names, explicit list first, then inline references. */
  codesOfStep: Map<string, string[]>;
  linksOfStep: Map<string, string[]>;
  linksOfCode: Map<string, string[]>;
  /** Steps naming a code, keyed `<catalog>/<code>`. */
  stepsOfCode: Map<string, { article: string; step: string; n: number }[]>;
  /** Related codes both ways: a code lists B, so B's page shows it too. */
  relatedOfCode: Map<string, string[]>;
  usersOfLink: Map<string, LinkUser[]>;
}

const inspector = createInspectingMarkdown();

function refsIn(...texts: (string | undefined)[]): { links: string[]; codes: string[] } {
  const links: string[] = [];
  const codes: string[] = [];
  for (const text of texts) {
    if (!text) continue;
    for (const { href } of linkTargets(inspector, text)) {
      const ref = parseReference(href);
      if (ref?.kind === 'link') links.push(ref.id);
      if (ref?.kind === 'error') codes.push(`${ref.catalog}/${ref.code}`);
    }
  }
  return { links, codes };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const unique = <T>(xs: T[]): T[] => [...new Set(xs)];

/** Computes every reverse index the pages need, in one pass over the content. */
export function computeUsage(content: Pick<Content, 'articles' | 'catalogs'>): Usage {
  const usage: Usage = {
    codesOfStep: new Map(), linksOfStep: new Map(), linksOfCode: new Map(),
    stepsOfCode: new Map(), relatedOfCode: new Map(), usersOfLink: new Map(),
  };
  for (const { value: article } of content.articles) {
    for (const id of unique(refsIn(article.summary, article.intro).links)) push(usage.usersOfLink, id, { kind: 'article', article: article.id });
    article.steps.forEach((step, i) => {
      const inline = refsIn(step.text);
      const codes = unique([...(step.errors ?? []), ...inline.codes]);
      const links = unique([...inline.links, ...(step.links ?? [])]);
      usage.codesOfStep.set(stepKey(article, step), codes);
      usage.linksOfStep.set(stepKey(article, step), links);
      const user = { article: article.id, step: step.id, n: i + 1 };
      for (const key of codes) push(usage.stepsOfCode, key, user);
      for (const id of links) push(usage.usersOfLink, id, { kind: 'step', ...user });
    });
  }
  for (const { value: catalog } of content.catalogs) {
    const phaseTexts = (catalog.phases ?? []).map((p) => p.summary);
    for (const id of unique(refsIn(catalog.summary, ...phaseTexts).links)) push(usage.usersOfLink, id, { kind: 'catalog', catalog: catalog.id });
    for (const code of catalog.codes) {
      const key = codeKey(catalog, code);
      const inline = refsIn(code.meaning, code.action);
      const links = unique([...inline.links, ...(code.links ?? [])]);
      usage.linksOfCode.set(key, links);
      for (const id of links) push(usage.usersOfLink, id, { kind: 'code', catalog: catalog.id, code: code.code });
      for (const other of unique([...(code.related ?? []), ...inline.codes])) {
        if (other === key) continue;
        push(usage.relatedOfCode, key, other);
        push(usage.relatedOfCode, other, key);
      }
    }
  }
  for (const [key, list] of usage.relatedOfCode) usage.relatedOfCode.set(key, unique(list));
  return usage;
}

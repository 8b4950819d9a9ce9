import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Evaluator, Lexer, Parser, data } from '@actions/expressions';
import { truthy } from '@actions/expressions/result';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parse } from 'yaml';
import { root } from './helpers.ts';

/** A CI recipe of the package, read and parsed, e.g. `recipe('.gitlab-ci.yml')`. */
export function recipe(path: string): { text: string; doc: any } {
  const text = readFileSync(join(root, path), 'utf8');
  return { text, doc: parse(text) };
}

/** Every shell line under a `run` or `script` key, in file order, split at `&&`. */
export function shellLines(doc: unknown): string[] {
  const out: string[] = [];
  const walk = (value: unknown, key?: string): void => {
    if (Array.isArray(value)) return value.forEach((v) => walk(v, key));
    if (value && typeof value === 'object') return Object.entries(value).forEach(([k, v]) => walk(v, k));
    if (typeof value === 'string' && (key === 'run' || key === 'script')) {
      for (const line of value.split('\n')) out.push(...line.split('&&').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')));
    }
  };
  walk(doc);
  return out;
}

/** The `npx fieldguide …` commands of a recipe as argument lists, shell redirections left off, e.g. `['build']`. */
export function fieldguideCommands(doc: unknown): string[][] {
  return shellLines(doc).filter((l) => l.startsWith('npx fieldguide ')).map((l) => {
    const words = l.split(/\s+/).slice(2);
    const end = words.findIndex((w) => /^[>|<]/.test(w));
    return end < 0 ? words : words.slice(0, end);
  });
}

/**
 * The value of a GitLab `rules: if:` expression, for the forms the recipe uses: `$VAR`,
 * `$VAR == "x"`, `$VAR != "x"`, joined by `&&` or `||`. Anything else throws, so the recipe
 * cannot grow a rule this test would misread.
 */
export function gitlabIf(expr: string, vars: Record<string, string>): boolean {
  return expr.split('||').some((any) => any.split('&&').every((atom) => {
    const m = /^\s*\$(\w+)\s*(?:(==|!=)\s*"([^"]*)")?\s*$/.exec(atom);
    if (!m) throw new Error(`rule expression not understood by this test: ${atom.trim()}`);
    const value = vars[m[1]];
    if (!m[2]) return value !== undefined && value !== '';
    return m[2] === '==' ? value === m[3] : value !== m[3];
  }));
}

/** Whether GitLab's first matching rule includes the job (or pipeline); no match excludes it. */
function rulesInclude(rules: { if?: string; when?: string }[] | undefined, vars: Record<string, string>): boolean {
  if (!rules) return true;
  const hit = rules.find((r) => r.if === undefined || gitlabIf(r.if, vars));
  return hit !== undefined && hit.when !== 'never';
}

const gitlabKeywords = new Set(['workflow', 'default', 'stages', 'variables', 'include', 'image', 'services', 'before_script', 'after_script', 'cache']);

/** The jobs of a GitLab pipeline (names, in file order), or none when its workflow rules create no pipeline. */
export function gitlabJobs(doc: any, vars: Record<string, string>): string[] {
  if (!rulesInclude(doc.workflow?.rules, vars)) return [];
  return Object.keys(doc).filter((k) => !gitlabKeywords.has(k) && !k.startsWith('.')).filter((k) => rulesInclude(doc[k].rules, vars));
}

/** The value of an Azure Pipelines condition of the forms the recipe uses: `eq(variables['X'], 'v')` and `ne(…)`. */
export function azureCondition(expr: string, vars: Record<string, string>): boolean {
  const m = /^(eq|ne)\(variables\['([\w.]+)'\], '([^']*)'\)$/.exec(expr.trim());
  if (!m) throw new Error(`condition not understood by this test: ${expr}`);
  return (vars[m[2]] === m[3]) === (m[1] === 'eq');
}

/** The jobs an Azure pipeline runs for a `Build.Reason` such as `IndividualCI`, `PullRequest` or `Schedule`. */
export function azureJobs(doc: any, reason: string): string[] {
  return (doc.jobs as { job: string; condition?: string }[]).filter((j) => j.condition === undefined || azureCondition(j.condition, { 'Build.Reason': reason })).map((j) => j.job);
}

/** A GitHub workflow (a path from the repository's root, or absolute) parsed and validated by GitHub's own parser and schema (@actions/workflow-parser). */
export async function githubWorkflow(path: string): Promise<{ errors: string[]; workflow: any }> {
  const parsed = parseWorkflow({ name: path, content: readFileSync(resolve(root, path), 'utf8') }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((e: { message: string }) => e.message);
  const workflow = parsed.value ? await convertWorkflowTemplate(parsed.context, parsed.value) : undefined;
  return { errors, workflow };
}

/** The value of a GitHub Actions expression with `github.event_name` set, evaluated by GitHub's own evaluator. */
export function githubIf(source: string, eventName: string): boolean {
  const { tokens } = new Lexer(source).lex();
  const expr = new Parser(tokens, ['github'], []).parse();
  const context = new data.Dictionary({ key: 'github', value: new data.Dictionary({ key: 'event_name', value: new data.StringData(eventName) }) });
  return truthy(new Evaluator(expr, context).evaluate());
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { listFiles } from '../../src/core/files.ts';
import { root } from './helpers.ts';

/** Every html-validate error in the built site under the project's .htmlvalidate.json, as `file:line:col rule: message`. */
export async function htmlErrors(siteDir: string): Promise<{ pages: number; errors: string[] }> {
  const validator = new HtmlValidate(JSON.parse(readFileSync(join(root, '.htmlvalidate.json'), 'utf8')));
  const pages = listFiles(siteDir).filter((f) => f.endsWith('.html'));
  const errors: string[] = [];
  for (const file of pages) {
    const result = await validator.validateString(readFileSync(join(siteDir, file), 'utf8'), file);
    for (const m of result.results.flatMap((r) => r.messages)) errors.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
  }
  return { pages: pages.length, errors };
}

import { basename } from 'node:path';
import type { Problem } from '../content/problems.ts';
import type { Method } from '../i18n/overlay-types.ts';
import type { FrontMatter } from './front-matter.ts';
import { ImportError, type DocsMeta } from './types.ts';

/**
 * A Docs date as YYYY-MM-DD, e.g. `02/19/2021` → `2021-02-19`, `2021-2-9` → `2021-02-09`;
 * undefined when it is not a real date.
 */
export function isoDate(text: string): string | undefined {
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  const parts = us ? [us[3], us[1], us[2]] : iso ? [iso[1], iso[2], iso[3]] : undefined;
  if (!parts) return undefined;
  const [y, m, d] = parts;
  const out = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${out}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(out) ? out : undefined;
}

/** A ROBOTS value as a robots policy, e.g. `NOINDEX,NOFOLLOW` → `noindex, nofollow`. */
export function robotsPolicy(text: string): string {
  return text.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean).join(', ');
}

const methods: Record<string, Method> = { MT: 'machine', HT: 'human' };

function text(fm: FrontMatter, key: string): string | undefined {
  const v = fm.values[key];
  const s = Array.isArray(v) ? v.join(', ') : v;
  return s && s.trim() ? s.trim() : undefined;
}

/** Maps Docs front matter (`ms.date`, `ms.author`, `ROBOTS`, `ms.translationtype`…) onto the content model. */
export function docsMeta(file: string, fm: FrontMatter): DocsMeta {
  const problems: Problem[] = [];
  const bad = (key: string, message: string, hint: string) => {
    const at = fm.positions[key] ?? { line: 1, column: 1 };
    problems.push({ file, line: at.line, column: at.column, path: '', message, hint, severity: 'error' });
  };
  const dateOf = (key: string) => {
    const raw = text(fm, key);
    if (raw === undefined) return undefined;
    const iso = isoDate(raw);
    if (!iso) bad(key, `front matter ${key} "${raw}" is not a date`, 'write MM/DD/YYYY as Docs does, or YYYY-MM-DD');
    return iso;
  };
  const robots = text(fm, 'ROBOTS') ?? text(fm, 'robots');
  const meta: DocsMeta = {
    title: text(fm, 'title'),
    summary: text(fm, 'description'),
    updated: dateOf('ms.date'),
    owner: text(fm, 'ms.author') ?? text(fm, 'author'),
    audience: text(fm, 'audience')?.toLowerCase(),
    robots: robots ? robotsPolicy(robots) : undefined,
  };
  const type = text(fm, 'ms.translationtype');
  const locale = text(fm, 'ms.contentlocale');
  if (type && !methods[type.toUpperCase()]) bad('ms.translationtype', `front matter ms.translationtype "${type}" is neither MT nor HT`, 'MT is a machine translation, HT a human one');
  const lastHandoff = dateOf('ms.lasthandoff');
  if (problems.length > 0) throw new ImportError(problems);
  if (type || locale) {
    meta.translation = {
      locale,
      method: type ? methods[type.toUpperCase()] : undefined,
      date: lastHandoff,
      provenance: {
        file: basename(file),
        contentLocale: locale,
        translationType: type,
        lastHandoff,
        openLocFileHash: text(fm, 'ms.openlocfilehash'),
        sourceGitCommit: text(fm, 'ms.sourcegitcommit'),
        locFileId: text(fm, 'ms.locfileid'),
      },
    };
  }
  return meta;
}

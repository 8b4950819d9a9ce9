import type { TFunction } from 'i18next';
import type { FeedbackValues } from '../content/site-addresses.ts';
import type { Feedback, Page } from './types.ts';

/**
 * "Did this solve your problem? Yes / No" under article and code pages, when site.json names a
 * `feedback` target: plain links, so it works without JavaScript and sends nothing by itself.
 */

/** The pages that ask: the ones a reader follows to fix something. */
const asking = new Set<Page['kind']>(['article', 'code']);

/** A feedback template filled in for one answer, every value percent-encoded, e.g. `…?p={page}` → `…?p=en%2Farticles%2Fa%2F`. */
export function fillFeedback(template: string, values: FeedbackValues, mail: { subject: string; body: string }): string {
  const filled = template.replace(/\{(page|locale|code|catalog|answer)\}/g, (_, name: keyof FeedbackValues) => encodeURIComponent(values[name]));
  if (template.startsWith('mailto:')) {
    // An address alone: the mail says which page and which answer in its subject and body.
    if (filled.includes('?')) return filled;
    return `${filled}?subject=${encodeURIComponent(mail.subject)}&body=${encodeURIComponent(mail.body)}`;
  }
  if (template.includes('{answer}')) return filled;
  // Without {answer} the two links would be the same; the answer goes in the query instead.
  const hashAt = filled.indexOf('#');
  const [head, hash] = hashAt < 0 ? [filled, ''] : [filled.slice(0, hashAt), filled.slice(hashAt)];
  return `${head}${head.includes('?') ? '&' : '?'}answer=${values.answer}${hash}`;
}

/** The question and its two answers for one page; `pageAddress` is how the form should name the page. */
export function feedbackOf(page: Page, template: string, pageAddress: string, t: TFunction): Feedback {
  const question = t('feedback.question');
  const code = page.kind === 'code' ? { code: page.code, catalog: page.catalog.id } : { code: '', catalog: '' };
  const answer = (value: 'yes' | 'no') => {
    const label = t(`feedback.${value}`);
    return {
      value, label,
      href: fillFeedback(template, { page: pageAddress, locale: page.locale, ...code, answer: value }, {
        subject: `${question} ${label} – ${page.docTitle}`,
        body: `${pageAddress}\n`,
      }),
    };
  };
  return { question, answers: [answer('yes'), answer('no')] };
}

/** Adds the feedback question to every article and code page; `address` names a page for the form (absolute with site.json's `url`). */
export function addFeedback(pages: Page[], template: string | undefined, address: (page: Page) => string, t: (locale: string) => TFunction): void {
  if (!template) return;
  for (const page of pages) if (asking.has(page.kind)) page.feedback = feedbackOf(page, template, address(page), t(page.locale));
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { root } from './helpers.ts';

/** What the site itself carries inline, on its 404 pages: the locator script and the stylesheet, byte for byte. */
const ownInline = { script: readFileSync(join(root, 'src/assets/not-found.js'), 'utf8'), style: readFileSync(join(root, 'src/assets/site.css'), 'utf8') };

/** What a page carries that content must never produce: script from data, handlers, odd URLs. */
export interface PageAudit {
  /** Attributes named on…, e.g. `img[onerror]`. */
  handlers: string[];
  /** URLs in href/src/action/… whose scheme is not http, https or mailto, nor relative. */
  badUrls: string[];
  /** Scripts that are not the site's own files (assets/ and pagefind/). */
  foreignScripts: string[];
  /** Elements content has no business creating. */
  foreignElements: string[];
  /** Set when a corpus payload managed to run. */
  ran: boolean;
}

/** Records any call of the functions the corpus payloads call, before any page script runs. */
export const trapScript = `
  window.__fieldguideRan = false;
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    window[name] = () => { window.__fieldguideRan = true; };
  }
`;

/** Inspects the live DOM of a page (after its own scripts ran). */
export function auditPage(page: Page): Promise<PageAudit> {
  return page.evaluate((own) => {
    const all = [...document.querySelectorAll('*')];
    const handlers = all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.localName}[${a.name}]`));
    const urlAttrs = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'srcset', 'background'];
    const badUrls = all.flatMap((el) => urlAttrs.flatMap((name) => {
      const value = el.getAttribute(name);
      if (value === null) return [];
      const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(value.replace(/[\u0000-\u0020]/g, ''))?.[1]?.toLowerCase();
      return scheme && !['http', 'https', 'mailto'].includes(scheme) ? [`${el.localName}[${name}="${value.slice(0, 60)}"]`] : [];
    }));
    const foreignScripts = [...document.scripts]
      .filter((s) => s.src ? !/\/(assets|pagefind)\/[\w.-]+\.js$/.test(new URL(s.src, location.href).pathname) || s.text.trim() !== '' : s.text !== own.script)
      .map((s) => s.outerHTML.slice(0, 80));
    // The site's own forms: search, the lookup box of go/ and the log reader's text box.
    const foreignElements = [...document.querySelectorAll('iframe, object, embed, base, svg, math, form:not(.search-form):not(.go-form):not(.log-form), img, meta[http-equiv]:not([content^="0; url="]), style, textarea:not(#fg-log), details:not(.site-menu, .toc), mglyph')]
      .filter((el) => !(el.localName === 'style' && el.textContent === own.style && el.parentElement === document.head))
      .map((el) => el.outerHTML.slice(0, 80));
    return { handlers, badUrls, foreignScripts, foreignElements, ran: (window as unknown as { __fieldguideRan: boolean }).__fieldguideRan };
  }, ownInline);
}

import { Parser } from 'htmlparser2';
import type { SiteLocator } from '../model/types.ts';

export interface SelfLocatingOptions {
  locator: SiteLocator;
  /** The text of one of the site's stylesheets, by its path from the site root, e.g. `assets/site.css`. */
  stylesheet: (path: string) => string;
  /** The text of the locator script (src/assets/not-found.js). */
  script: string;
}

/** A stretch of the HTML to replace, by offsets. */
interface Cut {
  start: number;
  end: number;
  text: string;
}

const attribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Text put inside a raw-text element verbatim, refused when it would end the element early. */
function rawText(text: string, element: 'style' | 'script', what: string): string {
  if (new RegExp(`</${element}`, 'i').test(text)) throw new Error(`${what} contains "</${element}" and cannot be carried inline`);
  return text;
}

/**
 * A rendered "page not found" page made to work wherever a server shows it: each stylesheet link
 * becomes an inline `<style>` holding the file's text byte for byte (styled with or without
 * JavaScript, and allowed by a policy through the file's hash), and each script is taken out and
 * handed to the inline locator script, which loads it once it has found the site's root folder.
 */
export function selfLocating(html: string, options: SelfLocatingOptions): string {
  const { locator } = options;
  const cuts: Cut[] = [];
  const scripts: string[] = [];
  let scriptAt = -1;
  const fromRoot = (href: string) => new URL(href, `http://site/${locator.base}`).pathname.slice(1);
  const parser = new Parser({
    onopentag(name, attrs) {
      if (name === 'link' && /(^|\s)stylesheet(\s|$)/i.test(attrs.rel ?? '') && attrs.href) {
        const path = fromRoot(attrs.href);
        const css = rawText(options.stylesheet(path), 'style', path);
        cuts.push({ start: parser.startIndex, end: parser.endIndex + 1, text: `<style>${css}</style>` });
      } else if (name === 'script' && attrs.src) {
        scripts.push(attrs.src);
        scriptAt = parser.startIndex;
      }
    },
    onclosetag(name) {
      if (name !== 'script' || scriptAt < 0) return;
      const end = parser.endIndex + 1;
      cuts.push({ start: scriptAt, end: html[end] === '\n' ? end + 1 : end, text: '' });
      scriptAt = -1;
    },
  });
  parser.end(html);
  const bodyEnd = html.lastIndexOf('</body>');
  if (bodyEnd < 0) throw new Error('the page has no </body> to put the locator script before');
  const data = { locales: locator.locales.join(' '), base: locator.base, probe: locator.probe, scripts: scripts.join(' ') };
  const attrs = Object.entries(data).map(([k, v]) => ` data-${k}="${attribute(v)}"`).join('');
  cuts.push({ start: bodyEnd, end: bodyEnd, text: `<script${attrs}>${rawText(options.script, 'script', 'the locator script')}</script>\n` });
  let out = '';
  let at = 0;
  for (const cut of cuts.sort((a, b) => a.start - b.start)) {
    out += html.slice(at, cut.start) + cut.text;
    at = cut.end;
  }
  return out + html.slice(at);
}

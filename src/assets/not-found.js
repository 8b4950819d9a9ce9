// @ts-check
/**
 * Carried inline, byte for byte, at the end of every "page not found" page, so that a
 * Content-Security-Policy can allow it by one hash. A server shows that page at whatever address
 * was missing (`/kb/en/errors/x/y/`), where links written relative to the page's own folder lead
 * nowhere. This finds the site's root folder, points every relative link of the page at it and
 * loads the page's scripts from there. Without it the page is still styled (its stylesheet is
 * inline too) and says what to do.
 */
(() => {
  const me = document.currentScript;
  if (!(me instanceof HTMLScriptElement)) return;
  const { locales = '', base = '', probe = '', scripts = '' } = me.dataset;

  /** Loads the page's scripts, in order, resolved against the folder its links were written from. */
  const load = (/** @type {string} */ from) => {
    for (const src of scripts.split(' ').filter(Boolean)) {
      const s = document.createElement('script');
      s.src = new URL(src, from).href;
      s.async = false;
      document.body.append(s);
    }
  };

  // From disk the page is only ever opened as itself, where its links are right as written.
  if (!/^https?:$/.test(location.protocol)) return load(location.href);

  const dirs = location.pathname.split('/').slice(1, -1);
  const rootAt = (/** @type {number} */ n) => `/${dirs.slice(0, n).map((d) => `${d}/`).join('')}`;
  const codes = locales.split(' ');
  // The site's pages start at a folder named after a locale; failing that, each folder is tried,
  // the nearest first, so a site under another site's folder is not mistaken for its parent.
  const guesses = [...new Set([
    ...dirs.flatMap((d, i) => (codes.includes(d) ? [rootAt(i)] : [])),
    ...dirs.map((_, i) => rootAt(dirs.length - i)),
    '/',
  ])];

  /** Points the page at the root folder `root`, e.g. `/kb/`. */
  const found = (/** @type {string} */ root) => {
    const from = new URL(root + base, location.href).href;
    for (const el of document.querySelectorAll('[href], [src], [data-root]')) {
      for (const attr of ['href', 'src', 'data-root']) {
        const value = el.getAttribute(attr);
        // Fragments, root-absolute paths and other schemes mean the same from any address.
        if (!value || /^([a-z][a-z0-9+.-]*:|[#/?])/i.test(value)) continue;
        const url = new URL(value, from);
        el.setAttribute(attr, url.pathname + url.search + url.hash);
      }
    }
    // What the page says for when its links cannot be trusted is no longer true.
    for (const el of document.querySelectorAll('[data-unlocated]')) if (el instanceof HTMLElement) el.hidden = true;
    load(from);
  };

  /**
   * Loads the stylesheet from the i-th guess: only the root folder has it, served as CSS. It stays
   * once found, which also styles the page where a policy refused its inline copy.
   */
  const attempt = (/** @type {number} */ i) => {
    if (i >= guesses.length) return;
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = guesses[i] + probe;
    link.onload = () => found(guesses[i]);
    link.onerror = () => {
      link.remove();
      attempt(i + 1);
    };
    document.head.append(link);
  };
  attempt(0);
})();

// @ts-check
/**
 * Which of the site's languages a reader gets, in one place for every page that decides it (the
 * root page and the lookup address go/): the language they chose before on this site, else the
 * best match among their browser's preferences, else the site's default language.
 *
 * Matching follows the "lookup" of RFC 4647 for each preference in turn: the tag itself, then the
 * tag shortened one subtag at a time (de-CH-1996 → de-CH → de); failing that, the same language
 * in another region the site has (a de-DE reader on a site with de-AT). Tags compare without case.
 *
 *   fieldguideLocale.pick(['en', 'de'], 'en')                  the reader's language among these
 *   fieldguideLocale.pick(['en', 'de'], 'en', ['de-DE'])       with the preferences given: 'de'
 *   fieldguideLocale.remember('de')                            keep an explicit choice for next time
 */
(() => {
  // language-switch.js keeps a choice made in the language switcher under the same key.
  const key = 'fieldguide.language';

  /** The language the reader chose before, or null when none was kept (or storage is blocked). */
  const stored = () => {
    try {
      return window.localStorage.getItem(key);
    } catch {
      return null;
    }
  };

  /** Keeps an explicit choice; where storage is blocked there is nothing to keep it in. */
  const remember = (/** @type {string} */ locale) => {
    try {
      window.localStorage.setItem(key, locale);
    } catch {
      /* storage blocked */
    }
  };

  /** The reader's preferences, their own earlier choice first. */
  const preferences = () => {
    const own = stored();
    const browser = navigator.languages && navigator.languages.length ? [...navigator.languages] : [navigator.language];
    return own ? [own, ...browser] : browser;
  };

  /** The best of `available` for the preferences `wanted`, else `fallback`. */
  const pick = (/** @type {string[]} */ available, /** @type {string} */ fallback, wanted = preferences()) => {
    const lower = available.map((l) => l.toLowerCase());
    for (const tag of wanted) {
      if (!tag || tag === '*') continue;
      // Shorten from the end; a single-letter subtag (an extension's or private use's) goes with what follows it.
      for (let range = String(tag).toLowerCase(); range; range = range.replace(/(-[a-z0-9])?-[a-z0-9]*$/, '')) {
        const i = lower.indexOf(range);
        if (i >= 0) return available[i];
        if (!range.includes('-')) break;
      }
      const primary = String(tag).toLowerCase().split('-')[0];
      const near = lower.findIndex((l) => l.split('-')[0] === primary);
      if (near >= 0) return available[near];
    }
    return fallback;
  };

  /** @type {any} */ (self).fieldguideLocale = { pick, remember, stored };
})();

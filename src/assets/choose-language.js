// @ts-check
// On the site's root page (and at the lookup address go/): sends the reader on to their language,
// chosen by locale-choice.js (their earlier choice, else their browser's best match, else the
// site's default), carrying any #fragment along. Without script the page is a plain list of languages.
(() => {
  const list = document.querySelector('.languages[data-default-locale]');
  const choice = /** @type {any} */ (self).fieldguideLocale;
  if (!(list instanceof HTMLElement) || !choice) return;
  const links = /** @type {HTMLAnchorElement[]} */ ([...list.querySelectorAll('a[hreflang]')]);
  for (const a of links) a.addEventListener('click', () => choice.remember(a.hreflang));
  const locale = choice.pick(links.map((a) => a.hreflang), list.dataset.defaultLocale);
  const hit = links.find((a) => a.hreflang === locale);
  if (hit) window.location.replace(hit.href + window.location.hash);
})();

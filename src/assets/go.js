// @ts-check
/**
 * The lookup address of one language, `<locale>/go/#<code>` or `#<catalog>/<code>` (the root's
 * go/ picks the language and comes here): opens the page of the code or alias named after `#`,
 * offers every catalog's code when the name is in several, and the nearest codes and a lookup box
 * when it is in none. It reads the locale's code list with code-finder.js and code-lookup.js, so
 * it needs no server rules and works from the offline zip on file://. Strings come from the page.
 */
(() => {
  const box = document.querySelector('[data-go]');
  if (!(box instanceof HTMLElement)) return;
  /** @type {Record<string, string>} */
  const strings = JSON.parse(box.dataset.strings ?? '{}');
  const root = box.dataset.root ?? './';
  const locale = box.dataset.locale ?? '';
  const fromDisk = location.protocol === 'file:';
  const status = /** @type {HTMLElement} */ (box.querySelector('[role=status]'));
  const list = /** @type {HTMLElement} */ (box.querySelector('.go-results'));
  const form = /** @type {HTMLFormElement} */ (box.querySelector('form'));
  const input = /** @type {HTMLInputElement} */ (form.querySelector('input'));
  const g = /** @type {any} */ (self);

  /** A page of the site from this page, e.g. `en/errors/x/y/` → `../../en/errors/x/y/`; from disk it names its index.html. */
  const hrefOf = (/** @type {string} */ path) => `${root}${fromDisk && path.endsWith('/') ? `${path}index.html` : path}`;

  /** The name after `#`, and its catalog when written `#<catalog>/<code>`. */
  const wanted = () => {
    let raw = location.hash.slice(1);
    try {
      raw = decodeURIComponent(raw);
    } catch {
      /* a lone % stays as written */
    }
    const name = raw.trim();
    const slash = name.indexOf('/');
    return slash > 0 ? { catalog: name.slice(0, slash), name: name.slice(slash + 1).trim() } : { catalog: undefined, name };
  };

  /** One code as a list item: its name linked to its page, its title, severity and catalog, all as text. */
  const item = (/** @type {any} */ entry, /** @type {any} */ catalogs) => {
    const li = document.createElement('li');
    const link = document.createElement('a');
    link.href = hrefOf(entry.href);
    const code = document.createElement('code');
    code.dir = 'ltr';
    code.textContent = entry.code;
    link.append(code);
    li.append(link);
    if (entry.title && entry.title !== entry.code) li.append(` ${entry.title}`);
    const facts = document.createElement('span');
    facts.className = 'go-facts';
    facts.textContent = ` ${strings[`severity.${entry.severity}`] ?? entry.severity} · ${catalogs[entry.catalog]?.title ?? entry.catalog}`;
    li.append(facts);
    return li;
  };

  /** Shows a message and a list of codes (or none). */
  const show = (/** @type {string} */ message, /** @type {HTMLElement[]} */ items) => {
    status.textContent = message;
    list.replaceChildren(...items);
    list.hidden = items.length === 0;
  };

  const say = (/** @type {string} */ key, /** @type {string} */ name) => (strings[key] ?? key).replace('{{name}}', name);

  /** Opens the code named after `#`, or says what there is instead. */
  const resolve = (/** @type {any} */ finder, /** @type {any} */ names) => {
    const { catalog, name } = wanted();
    input.value = catalog ? `${catalog}/${name}` : name;
    if (!name) return show(strings.prompt ?? '', []);
    const hits = names.get(name, catalog && catalog in finder.list.catalogs ? catalog : undefined);
    if (hits.length === 1) {
      // Replace, so Back leaves the lookup address behind.
      location.replace(hrefOf(hits[0].href));
      return;
    }
    const catalogs = finder.list.catalogs;
    if (hits.length > 1) return show(say('several', name), hits.map((/** @type {any} */ e) => item(e, catalogs)));
    const near = finder.find(name).slice(0, 10).map((/** @type {any} */ hit) => hit.entry);
    show(say(near.length ? 'nearest' : 'none', name), near.map((/** @type {any} */ e) => item(e, catalogs)));
    input.focus();
  };

  show(strings.loading ?? '', []);
  g.fieldguideCodeFinder.load(root, locale).then((/** @type {any} */ finder) => {
    const names = g.fieldguideCodeLookup.index(finder.list);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const value = input.value.trim();
      if (`#${encodeURIComponent(value)}` === location.hash || `#${value}` === location.hash) resolve(finder, names);
      else location.hash = encodeURIComponent(value).replace(/%2F/gi, '/');
    });
    window.addEventListener('hashchange', () => resolve(finder, names));
    resolve(finder, names);
  }, () => show(strings.failed ?? '', []));
})();

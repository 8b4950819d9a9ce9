// @ts-check
/**
 * Fieldguide's search box. It stays hidden without JavaScript, loads Pagefind only when the reader
 * starts typing, and builds every result link relative to the current page, so search works at any
 * sub-path and from a folder opened from disk (where the offline bundle's classic-script Pagefind
 * replaces the ES module that file:// cannot import). Every string comes from the page.
 */
(() => {
  const box = document.querySelector('search.site-search');
  if (!(box instanceof HTMLElement)) return;
  /** @type {{ locale: string, loading: string, failed: string, none: string, results: Record<string, string>, kinds: Record<string, string>, severities: Record<string, string> }} */
  const strings = JSON.parse(box.dataset.strings ?? '{}');
  const root = box.dataset.root ?? './';
  // A bundle copy says so: its index is wrapped in classic scripts, its links name index.html.
  const fromDisk = location.protocol === 'file:' || box.dataset.offline !== undefined;
  const form = /** @type {HTMLFormElement} */ (box.querySelector('form'));
  const input = /** @type {HTMLInputElement} */ (box.querySelector('input[type=search]'));
  const kind = /** @type {HTMLSelectElement} */ (box.querySelector('select[name=kind]'));
  const severity = /** @type {HTMLSelectElement} */ (box.querySelector('select[name=severity]'));
  const status = /** @type {HTMLElement} */ (box.querySelector('[role=status]'));
  const list = /** @type {HTMLElement} */ (box.querySelector('[role=listbox]'));
  const plural = new Intl.PluralRules(strings.locale);
  /** @type {Promise<any> | undefined} */
  let engine;
  let generation = 0;
  let active = -1;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;

  /** Loads a classic script once, resolving when it has run. */
  const loadScript = (/** @type {string} */ src) =>
    new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = src;
      s.onload = resolve;
      s.onerror = () => reject(new Error(`could not load ${src}`));
      document.head.append(s);
    });

  /** Pagefind for this page's language: the ES module over http, the bundle's classic script from disk. */
  const loadEngine = () =>
    (engine ??= (fromDisk
      ? loadScript(`${root}pagefind/offline/pagefind.js`).then(() => /** @type {any} */ (window).fieldguidePagefind)
      : import(new URL(`${root}pagefind/pagefind.js`, location.href).href)
    ).then(async (pagefind) => {
      // Results as site-root paths (`/en/…`) whatever the sub-path, so hrefOf can make them relative.
      await pagefind.options({ baseUrl: '/', ranking: JSON.parse(box.dataset.ranking ?? '{}') });
      await pagefind.init();
      return pagefind;
    }));

  /** The link to a result, relative to this page; from disk a folder link names its index.html. */
  const hrefOf = (/** @type {string} */ url) => {
    const [path, hash] = url.replace(/^\//, '').split('#');
    const file = fromDisk && (path === '' || path.endsWith('/')) ? `${path}index.html` : path;
    return `${root}${file}${hash ? `#${hash}` : ''}`;
  };

  const decoder = document.createElement('textarea');
  /** Text of an escaped fragment, entities decoded; a textarea parses no tags and keeps spaces. */
  const textOf = (/** @type {string} */ html) => {
    decoder.innerHTML = html;
    return decoder.value;
  };

  /** An excerpt as nodes: Pagefind's <mark> highlights kept, everything else as plain text. */
  const excerptNodes = (/** @type {string} */ excerpt) =>
    excerpt.split(/<(\/?)mark>/).reduce((/** @type {{ nodes: Node[], marked: boolean }} */ acc, part, i) => {
      if (i % 2 === 1) return { ...acc, marked: part === '' };
      const text = document.createTextNode(textOf(part));
      if (!acc.marked) return { ...acc, nodes: [...acc.nodes, text] };
      const mark = document.createElement('mark');
      mark.append(text);
      return { ...acc, nodes: [...acc.nodes, mark] };
    }, { nodes: [], marked: false }).nodes;

  /** An element with a class and children. */
  const el = (/** @type {string} */ tag, /** @type {string} */ cls, /** @type {(Node|string)[]} */ ...children) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    e.append(...children);
    return e;
  };

  /**
   * One result: a link that is itself the list option (inside a presentational item), since an
   * option holding a link would nest one interactive control in another.
   */
  const resultItem = (/** @type {any} */ data, /** @type {number} */ i) => {
    const meta = data.meta ?? {};
    const heading = el('span', 'result-title');
    if (meta.code) {
      const code = el('code', '', meta.code);
      // A left-to-right island, as on the pages: codes keep their order in right-to-left results.
      code.dir = 'ltr';
      heading.append(code, meta.title && meta.title !== meta.code ? ` ${meta.title}` : '');
    }
    else heading.append(meta.title ?? data.url);
    const facts = el('span', 'result-facts');
    if (meta.severity) facts.append(el('span', `sev sev-${meta.severity}`, el('span', 'sev-icon'), strings.severities[meta.severity] ?? meta.severity), ' ');
    facts.append(strings.kinds[meta.kind] ?? '');
    if (meta.catalog || meta.article) facts.append(` · ${meta.catalog ?? meta.article}`);
    const link = el('a', '', heading, facts, el('span', 'result-excerpt', ...(meta.excerpt ? [meta.excerpt] : excerptNodes(data.excerpt ?? ''))));
    /** @type {HTMLAnchorElement} */ (link).href = hrefOf(data.url);
    link.tabIndex = -1;
    link.id = `fg-search-result-${i}`;
    link.setAttribute('role', 'option');
    link.setAttribute('aria-selected', 'false');
    const item = el('li', 'result', link);
    item.setAttribute('role', 'none');
    return item;
  };

  /** Marks result `i` as the chosen one (or none with -1) for the keyboard and screen readers. */
  const choose = (/** @type {number} */ i) => {
    const items = [...list.querySelectorAll('[role=option]')];
    active = items.length ? Math.max(-1, Math.min(i, items.length - 1)) : -1;
    items.forEach((item, n) => item.setAttribute('aria-selected', String(n === active)));
    if (active >= 0) {
      input.setAttribute('aria-activedescendant', items[active].id);
      items[active].scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };

  /** Shows results (or a message) and tells assistive technology how many there are. */
  const show = (/** @type {Node[]} */ items, /** @type {string} */ message) => {
    list.replaceChildren(...items);
    status.textContent = message;
    input.setAttribute('aria-expanded', String(items.length > 0));
    choose(-1);
  };

  /** Runs the current query with the chosen filters; answers to older queries are dropped. */
  const search = async () => {
    const query = input.value.trim();
    const mine = ++generation;
    if (!query) return show([], '');
    if (!engine) status.textContent = strings.loading;
    try {
      const pagefind = await loadEngine();
      /** @type {Record<string, string>} */
      const filters = {};
      if (kind.value) filters.kind = kind.value;
      if (severity.value) filters.severity = severity.value;
      const found = await pagefind.search(query, { filters });
      if (mine !== generation) return;
      const data = await Promise.all(found.results.slice(0, 10).map((/** @type {any} */ r) => r.data()));
      if (mine !== generation) return;
      const count = found.results.length;
      const message = count ? strings.results[plural.select(count)] ?? strings.results.other : strings.none;
      show(data.map(resultItem), message.replace('{{count}}', String(count)).replace('{{query}}', query));
    } catch (err) {
      if (mine === generation) show([], strings.failed);
      console.error(err);
    }
  };

  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(search, 60);
  };

  input.addEventListener('input', later);
  kind.addEventListener('change', search);
  severity.addEventListener('change', search);
  form.addEventListener('submit', (e) => e.preventDefault());
  input.addEventListener('keydown', (e) => {
    const count = list.children.length;
    if (e.key === 'ArrowDown' && count) choose(active + 1 >= count ? 0 : active + 1);
    else if (e.key === 'ArrowUp' && count) choose(active <= 0 ? count - 1 : active - 1);
    else if (e.key === 'Enter' && count) list.children[Math.max(active, 0)].querySelector('a')?.click();
    else if (e.key === 'Escape') {
      input.value = '';
      show([], '');
    } else return;
    e.preventDefault();
  });
  document.addEventListener('keydown', (e) => {
    const target = /** @type {HTMLElement} */ (e.target);
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    e.preventDefault();
    input.focus();
  });
  box.hidden = false;
})();

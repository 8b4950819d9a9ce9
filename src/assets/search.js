// @ts-check
/**
 * Fieldguide's search dialog. A compact button (hidden without JavaScript), `/` or Ctrl/⌘+K open a
 * modal <dialog>; results show inside it, so the page never moves, and Esc closes it and gives focus
 * back. Opening loads the code finder (assets/code-finder.js and the locale's code list); typing
 * loads Pagefind. Codes the finder is sure of (an exact code or alias, codes the query is a part of,
 * codes within an edit or two) come first, then Pagefind's results, then the References page.
 * Every result link is built relative to the current page, so search works at any sub-path and from
 * a folder opened from disk (where the offline bundle's classic-script Pagefind replaces the ES
 * module that file:// cannot import). Every string comes from the page.
 */
(() => {
  const box = document.querySelector('search.site-search');
  const dialog = box?.querySelector('dialog');
  // Without <dialog> support the button stays hidden rather than open nothing.
  if (!(box instanceof HTMLElement) || !(dialog instanceof HTMLDialogElement) || typeof dialog.showModal !== 'function') return;
  /** @type {{ locale: string, loading: string, failed: string, none: string, results: Record<string, string>, kinds: Record<string, string>, severities: Record<string, string>, codeKind: string, referenceKind: string }} */
  const strings = JSON.parse(box.dataset.strings ?? '{}');
  const root = box.dataset.root ?? './';
  // A bundle copy says so: its index is wrapped in classic scripts, its links name index.html.
  const fromDisk = location.protocol === 'file:' || box.dataset.offline !== undefined;
  const q = (/** @type {string} */ selector) => /** @type {HTMLElement} */ (box.querySelector(selector));
  const opener = /** @type {HTMLButtonElement} */ (q('.search-open'));
  const form = /** @type {HTMLFormElement} */ (q('form'));
  const input = /** @type {HTMLInputElement} */ (q('input[type=search]'));
  const kind = /** @type {HTMLSelectElement} */ (q('select[name=kind]'));
  const severity = /** @type {HTMLSelectElement} */ (q('select[name=severity]'));
  const filters = q('.search-filters');
  const status = q('[role=status]');
  const list = q('[role=listbox]');
  const plural = new Intl.PluralRules(strings.locale);
  const shown = 10;
  /** @type {Promise<any> | undefined} */
  let engine;
  /** @type {Promise<any> | undefined} */
  let finder;
  /** @type {Element | null} */
  let returnTo = null;
  let generation = 0;
  let active = -1;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;

  /** Loads a classic script, resolving when it has run. */
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

  /** The code finder of this page's locale; search goes on without it if it cannot load. */
  const loadFinder = () =>
    (finder ??= loadScript(`${root}${box.dataset.finder}`)
      .then(() => /** @type {any} */ (window).fieldguideCodeFinder.load(root, strings.locale, box.dataset.codes))
      .catch((err) => {
        console.error(err);
        return undefined;
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

  /** An element with a class and children. */
  const el = (/** @type {string} */ tag, /** @type {string} */ cls, /** @type {(Node|string)[]} */ ...children) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    e.append(...children);
    return e;
  };

  /** A pattern matching the query's words (two letters or more) anywhere, or undefined. */
  const wordsOf = (/** @type {string} */ query) => {
    const words = query.split(/\s+/).filter((w) => w.length > 1).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return words.length ? new RegExp(`(${words.join('|')})`, 'iu') : undefined;
  };

  /**
   * About 200 characters of whole sentences, from the first one that holds a query word, e.g. the
   * second sentence of a step when the query is in it.
   */
  const sentencesOf = (/** @type {string} */ text, /** @type {RegExp | undefined} */ words) => {
    const sentences = text.split(/(?<=[.!?。؟])\s+(?=[^\p{Ll}\s])/u);
    const start = Math.max(0, words ? sentences.findIndex((s) => words.test(s)) : 0);
    let out = sentences[start];
    for (const s of sentences.slice(start + 1)) {
      if (out.length + s.length > 200) break;
      out += ` ${s}`;
    }
    if (out.length <= 240) return out;
    const cut = out.slice(0, 201);
    return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 100))}…`;
  };

  /** Text as nodes with the query's words marked. */
  const marked = (/** @type {string} */ text, /** @type {RegExp | undefined} */ words) =>
    (words ? text.split(new RegExp(words.source, 'giu')) : [text]).map((part, i) => (i % 2 ? el('mark', '', part) : document.createTextNode(part)));

  /** Pagefind's own excerpt as nodes: its <mark> highlights kept, everything else as plain text. */
  const excerptNodes = (/** @type {string} */ excerpt) =>
    excerpt.split(/<(\/?)mark>/).reduce((/** @type {{ nodes: Node[], marked: boolean }} */ acc, part, i) => {
      if (i % 2 === 1) return { ...acc, marked: part === '' };
      const text = document.createTextNode(textOf(part));
      return { ...acc, nodes: [...acc.nodes, acc.marked ? el('mark', '', text) : text] };
    }, { nodes: [], marked: false }).nodes;

  /**
   * One result: a link that is itself the list option (inside a presentational item), since an
   * option holding a link would nest one interactive control in another.
   */
  const resultItem = (/** @type {any} */ data, /** @type {number} */ i, /** @type {RegExp | undefined} */ words) => {
    const meta = data.meta ?? {};
    const heading = el('span', 'result-title');
    if (meta.code) {
      const code = el('code', '', meta.code);
      // A left-to-right island, as on the pages: codes keep their order in right-to-left results.
      code.dir = 'ltr';
      heading.append(code, meta.title && meta.title !== meta.code ? ` ${meta.title}` : '');
    } else heading.append(meta.title ?? data.url);
    const facts = el('span', 'result-facts');
    if (meta.severity) facts.append(el('span', `sev sev-${meta.severity}`, el('span', 'sev-icon'), strings.severities[meta.severity] ?? meta.severity), ' ');
    facts.append(strings.kinds[meta.kind] ?? '');
    if (meta.catalog || meta.article) facts.append(` · ${meta.catalog ?? meta.article}`);
    const excerpt = meta.excerpt ? marked(sentencesOf(meta.excerpt, words), words) : excerptNodes(data.excerpt ?? '');
    const link = el('a', '', heading, facts, ...(excerpt.length ? [el('span', 'result-excerpt', ...excerpt)] : []));
    /** @type {HTMLAnchorElement} */ (link).href = hrefOf(data.url);
    link.tabIndex = -1;
    link.id = `fg-search-result-${i}`;
    link.setAttribute('role', 'option');
    link.dataset.kind = meta.kind ?? '';
    link.setAttribute('aria-selected', 'false');
    const item = el('li', 'result', link);
    item.setAttribute('role', 'none');
    return item;
  };

  /** A code the finder found that Pagefind's loaded results do not hold, as a result of its own. */
  const codeResult = (/** @type {any} */ entry, /** @type {any} */ codes) => ({
    url: `/${entry.href}`,
    meta: { code: entry.code, title: entry.title, severity: entry.severity, catalog: codes.list.catalogs[entry.catalog]?.title, kind: strings.codeKind },
  });

  /** Scrolls the results list, and only it, so that `item` shows. */
  const keepInView = (/** @type {Element} */ item) => {
    const frame = list.getBoundingClientRect();
    const at = item.getBoundingClientRect();
    if (at.top < frame.top) list.scrollTop -= frame.top - at.top;
    else if (at.bottom > frame.bottom) list.scrollTop += at.bottom - frame.bottom;
  };

  /** Marks result `i` as the chosen one (or none with -1) for the keyboard and screen readers. */
  const choose = (/** @type {number} */ i) => {
    const items = [...list.querySelectorAll('[role=option]')];
    active = items.length ? Math.max(-1, Math.min(i, items.length - 1)) : -1;
    items.forEach((item, n) => item.setAttribute('aria-selected', String(n === active)));
    if (active >= 0) {
      input.setAttribute('aria-activedescendant', items[active].id);
      keepInView(items[active]);
    } else input.removeAttribute('aria-activedescendant');
  };

  /** Shows results (or a message) and tells assistive technology how many there are. */
  const show = (/** @type {Node[]} */ items, /** @type {string} */ message, query = '') => {
    list.replaceChildren(...items);
    // Which query the list answers, for anyone (or any test) waiting on it.
    list.dataset.query = query;
    list.scrollTop = 0;
    status.textContent = message;
    input.setAttribute('aria-expanded', String(items.length > 0));
    // The filters narrow results: they come with the first answer and go with the query.
    filters.hidden = !query;
    choose(-1);
  };

  /**
   * Pagefind's results in rank order, loaded ten at a time until enough results other than the
   * finder's codes and the References page are known to fill the list (and, within the first 20,
   * until each finder code is found, so it shows with its excerpt and is counted once).
   */
  const pagefindResults = async (/** @type {any[]} */ results, /** @type {Set<string>} */ wanted, /** @type {number} */ mine) => {
    /** @type {Map<string, any>} */
    const known = new Map();
    /** @type {any[]} */
    const others = [];
    /** @type {any[]} */
    const references = [];
    let loaded = 0;
    while (loaded < results.length && (others.length < shown || (known.size < wanted.size && loaded < 20))) {
      const batch = await Promise.all(results.slice(loaded, loaded + 10).map((r) => r.data()));
      if (mine !== generation) return undefined;
      loaded += batch.length;
      for (const d of batch) {
        if (wanted.has(d.url)) known.set(d.url, d);
        else (d.meta?.kind === strings.referenceKind ? references : others).push(d);
      }
    }
    return { known, others, references };
  };

  /** Runs the current query with the chosen filters; answers to older queries are dropped. */
  const search = async () => {
    const query = input.value.trim();
    const mine = ++generation;
    if (!query) return show([], '');
    if (!engine) status.textContent = strings.loading;
    try {
      const [pagefind, codes] = await Promise.all([loadEngine(), loadFinder()]);
      /** @type {Record<string, string>} */
      const chosen = {};
      if (kind.value) chosen.kind = kind.value;
      if (severity.value) chosen.severity = severity.value;
      const found = await pagefind.search(query, { filters: chosen });
      if (mine !== generation) return;
      const hits = (codes?.find(query) ?? []).filter((/** @type {any} */ h) =>
        (!kind.value || kind.value === strings.codeKind) && (!severity.value || h.entry.severity === severity.value)).slice(0, shown);
      const wanted = new Set(hits.map((/** @type {any} */ h) => `/${h.entry.href}`));
      const ranked = await pagefindResults(found.results, wanted, mine);
      if (!ranked) return;
      const first = hits.map((/** @type {any} */ h) => ranked.known.get(`/${h.entry.href}`) ?? codeResult(h.entry, codes));
      const words = wordsOf(query);
      const items = [...first, ...ranked.others, ...ranked.references].slice(0, shown).map((d, i) => resultItem(d, i, words));
      const count = found.results.length + wanted.size - ranked.known.size;
      const message = count ? strings.results[plural.select(count)] ?? strings.results.other : strings.none;
      show(items, message.replace('{{count}}', String(count)).replace('{{query}}', query), query);
    } catch (err) {
      if (mine === generation) show([], strings.failed, query);
      console.error(err);
    }
  };

  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(search, 60);
  };

  /** Enter opens the chosen result of the query in the box: typed fast, it waits for that query's answer. */
  const go = async () => {
    const answers = () => list.dataset.query === input.value.trim();
    if (!answers()) {
      clearTimeout(timer);
      await search();
    }
    if (answers()) list.children[Math.max(active, 0)]?.querySelector('a')?.click();
  };

  /** Opens the dialog (or, when open, goes back to its box), remembering what had focus. */
  const open = () => {
    if (!dialog.open) {
      returnTo = document.activeElement;
      dialog.showModal();
      loadFinder();
    }
    input.focus();
    input.select();
  };

  input.addEventListener('input', later);
  kind.addEventListener('change', search);
  severity.addEventListener('change', search);
  form.addEventListener('submit', (e) => e.preventDefault());
  opener.addEventListener('click', open);
  q('.search-close').addEventListener('click', () => dialog.close());
  // A click on the backdrop lands on the dialog itself, outside its panel.
  dialog.addEventListener('click', (e) => { if (e.target === dialog) dialog.close(); });
  dialog.addEventListener('close', () => {
    if (returnTo instanceof HTMLElement && returnTo !== document.body && returnTo.isConnected) returnTo.focus({ preventScroll: true });
    returnTo = null;
  });
  input.addEventListener('keydown', (e) => {
    const count = list.children.length;
    if (e.key === 'ArrowDown' && count) choose(active + 1 >= count ? 0 : active + 1);
    else if (e.key === 'ArrowUp' && count) choose(active <= 0 ? count - 1 : active - 1);
    else if (e.key === 'Enter') go();
    // Handled here, since a search field's own Esc would only clear it.
    else if (e.key === 'Escape') dialog.close();
    else return;
    e.preventDefault();
  });
  document.addEventListener('keydown', (e) => {
    const target = /** @type {HTMLElement} */ (e.target);
    const typing = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
    const slash = e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !typing;
    const ctrlK = e.key.toLowerCase() === 'k' && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey;
    if (!slash && !ctrlK) return;
    e.preventDefault();
    open();
  });
  box.hidden = false;
})();

// @ts-check
/**
 * "Paste your log": lists every code or alias of the site found in the pasted text, in order of
 * appearance, with its severity, title, the line it is on and a link to its page. The text never
 * leaves the page — the code list is loaded with the page, before anything is pasted, and nothing
 * is requested after — and it is only ever shown as text, never parsed as markup. Works from file://.
 */
(() => {
  const box = document.querySelector('[data-log-reader]');
  const g = /** @type {any} */ (self);
  if (!(box instanceof HTMLElement) || !g.fieldguideCodeLookup) return;
  /** @type {Record<string, any>} */
  const strings = JSON.parse(box.dataset.strings ?? '{}');
  const root = box.dataset.root ?? './';
  const list = g.fieldguideCodeLists?.[box.dataset.locale ?? ''];
  const fromDisk = location.protocol === 'file:';
  const form = /** @type {HTMLFormElement} */ (box.querySelector('form'));
  const input = /** @type {HTMLTextAreaElement} */ (form.querySelector('textarea'));
  const status = /** @type {HTMLElement} */ (box.querySelector('[role=status]'));
  const results = /** @type {HTMLElement} */ (box.querySelector('.log-findings'));
  const plural = new Intl.PluralRules(strings.locale);
  if (!list) {
    status.textContent = strings.failed ?? '';
    return;
  }
  const names = g.fieldguideCodeLookup.index(list);
  /** The most line numbers a finding lists before "…". */
  const maxLines = 12;
  /** Findings shown at once, then per frame. */
  const firstBatch = 50;
  const batch = 200;
  let generation = 0;

  const hrefOf = (/** @type {string} */ path) => `${root}${fromDisk && path.endsWith('/') ? `${path}index.html` : path}`;
  const count = (/** @type {Record<string, string>} */ forms, /** @type {number} */ n) =>
    (forms[plural.select(n)] ?? forms.other ?? '').replace('{{count}}', n.toLocaleString(strings.locale));

  /** An element with a class and children; text children become text nodes, never markup. */
  const el = (/** @type {string} */ tag, /** @type {string} */ cls, /** @type {(Node|string)[]} */ ...children) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    e.append(...children);
    return e;
  };

  /** One finding: severity, the code linked to its page with its title and catalog, then the line it was found on. */
  const finding = (/** @type {any} */ f) => {
    const e = f.entry;
    const code = el('code', '', e.code);
    code.dir = 'ltr';
    const link = /** @type {HTMLAnchorElement} */ (el('a', '', code));
    link.href = hrefOf(e.href);
    const head = el('p', 'finding-head', el('span', `sev sev-${e.severity}`, el('span', 'sev-icon'), strings.severities?.[e.severity] ?? e.severity), ' ', link);
    if (e.title && e.title !== e.code) head.append(` ${e.title}`);
    head.append(el('span', 'finding-catalog', ` · ${list.catalogs[e.catalog]?.title ?? e.catalog}`));
    if (f.name !== e.code) head.append(el('span', 'finding-as', ' ', (strings.foundAs ?? '').replace('{{name}}', f.name)));
    const line = el('code', 'finding-line', f.text);
    line.dir = 'ltr';
    const where = el('p', 'finding-where', `${(strings.line ?? '').replace('{{n}}', String(f.line))} `, line);
    const item = el('li', 'finding', head, where);
    if (f.lines.length > 1) {
      const more = f.lines.slice(1, maxLines + 1).join(', ') + (f.lines.length > maxLines + 1 ? ', …' : '');
      item.append(el('p', 'finding-more', (strings.alsoOn ?? '').replace('{{lines}}', more)));
    }
    return item;
  };

  /** Reads the text now in the box and shows what it names. */
  const read = () => {
    const text = input.value;
    if (!text.trim()) {
      generation++;
      results.replaceChildren();
      status.textContent = '';
      return;
    }
    const found = g.fieldguideCodeLookup.scan(text, names);
    status.textContent = found.length ? count(strings.found, found.length) : strings.none ?? '';
    // The first screenful at once; the rest a batch per frame, so a long list never holds up the answer.
    const mine = ++generation;
    results.replaceChildren(...found.slice(0, firstBatch).map(finding));
    const more = (/** @type {number} */ from) => {
      if (mine !== generation || from >= found.length) return;
      results.append(...found.slice(from, from + batch).map(finding));
      requestAnimationFrame(() => more(from + batch));
    };
    requestAnimationFrame(() => more(firstBatch));
  };

  let timer = 0;
  input.addEventListener('input', (event) => {
    clearTimeout(timer);
    // A paste is read at once; typing waits for a pause.
    if (/** @type {InputEvent} */ (event).inputType === 'insertFromPaste' || /** @type {InputEvent} */ (event).inputType === 'insertFromDrop') read();
    else timer = window.setTimeout(read, 250);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    read();
  });
  if (input.value) read();
})();

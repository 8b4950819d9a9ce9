/**
 * Pagefind's browser API is an ES module that fetches its index. Chromium refuses both on a page
 * opened from disk (file:// has no origin: module scripts and fetch are blocked), while classic
 * `<script>` tags still load. These helpers turn the module into a classic script whose `fetch`
 * reads index files that were wrapped into classic scripts too.
 */

/** Global that the wrapped index files register themselves in, by path inside `pagefind/`. */
export const filesGlobal = 'fieldguidePagefindFiles';

/** A file of the index as a classic script, e.g. `…["wasm.en.pagefind"]="<base64>";`. */
export function wrapIndexFile(path: string, content: Uint8Array): string {
  const key = JSON.stringify(path);
  return `(self.${filesGlobal}=self.${filesGlobal}||{})[${key}]="${Buffer.from(content).toString('base64')}";\n`;
}

/** The module rewritten as a factory body: no `import.meta`, and its exports returned. */
export function moduleAsFactoryBody(source: string): string {
  const metas = source.split('import.meta.url').length - 1;
  const exportMatch = /export\s*\{([^}]*)\}\s*;?\s*$/.exec(source);
  if (metas === 0 || !exportMatch || /^\s*import\s/m.test(source)) {
    throw new Error('pagefind/pagefind.js does not have the shape the offline bundle expects (an ES module ending in export{…}); check the pinned pagefind version');
  }
  const exported = exportMatch[1].split(',').map((s) => s.trim()).filter(Boolean);
  const body = source.slice(0, exportMatch.index).split('import.meta.url').join('moduleUrl');
  return `${body}\nreturn {${exported.join(',')}};`;
}

/**
 * The classic-script Pagefind for the offline bundle, defining `window.fieldguidePagefind`. Its
 * `fetch` loads `offline/files/<path>.js` with a script tag, and no worker is started (a worker
 * cannot be created from file:// either).
 */
export function classicPagefind(moduleSource: string): string {
  return `// Pagefind ${/pagefind_version="([^"]+)"/.exec(moduleSource)?.[1] ?? ''} as a classic script for pages opened from disk; built by fieldguide bundle.
(function () {
  "use strict";
  var here = new URL("./", document.currentScript.src).href;
  var pagefindBase = new URL("../", here).href;
  var files = (self.${filesGlobal} = self.${filesGlobal} || {});
  var pending = {};
  function load(path) {
    if (files[path]) return Promise.resolve(files[path]);
    return (pending[path] = pending[path] || new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = here + "files/" + path + ".js";
      s.onload = function () { files[path] ? resolve(files[path]) : reject(new Error("empty index file " + path)); };
      s.onerror = function () { reject(new Error("missing index file " + path)); };
      document.head.appendChild(s);
    }));
  }
  function bytes(base64) {
    var text = atob(base64), out = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
    return out;
  }
  function offlineFetch(input) {
    // Pagefind trims the page's origin off its base path ("file://" in Chromium); put it back.
    var url = new URL(String(input), location.href).href.split("?")[0];
    if (url.indexOf(pagefindBase) !== 0) return Promise.reject(new Error("not part of the offline index: " + url));
    return load(url.slice(pagefindBase.length)).then(function (b) { return new Response(bytes(b)); });
  }
  var factory = function (fetch, Worker, moduleUrl) {
${moduleAsFactoryBody(moduleSource)}
  };
  self.fieldguidePagefind = factory(offlineFetch, undefined, pagefindBase + "pagefind.js");
})();
`;
}

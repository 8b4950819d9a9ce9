// On the site's root page: sends the reader to the pages in their language, when the site has it.
// Without script the page is a plain list of languages; a reader's own pick wins over the browser's.
(function () {
  var links = Array.prototype.slice.call(document.querySelectorAll('.languages a[hreflang]'));
  var key = 'fieldguide.language';
  var stored = null;
  try { stored = window.localStorage.getItem(key); } catch (e) { /* storage blocked: use the browser's list */ }
  links.forEach(function (a) {
    a.addEventListener('click', function () {
      try { window.localStorage.setItem(key, a.hreflang); } catch (e) { /* nothing to remember with */ }
    });
  });
  var primary = function (tag) { return String(tag).toLowerCase().split('-')[0]; };
  var wanted = (stored ? [stored] : []).concat(navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language]);
  for (var i = 0; i < wanted.length; i++) {
    var w = String(wanted[i]).toLowerCase();
    var hit = links.filter(function (a) { return a.hreflang.toLowerCase() === w; })[0] ||
      links.filter(function (a) { return primary(a.hreflang) === primary(w); })[0];
    if (hit) {
      window.location.replace(hit.href);
      return;
    }
  }
})();

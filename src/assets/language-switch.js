// The language switcher links to the same page in another locale; anchors are ids shared by every
// locale, so carrying the current #fragment over keeps a reader at the same step. The choice is
// kept (the key locale-choice.js reads), so the root page and go/ open that language next time.
document.addEventListener('click', function (event) {
  var link = event.target instanceof Element ? event.target.closest('a[data-keep-hash]') : null;
  if (!link) return;
  try { window.localStorage.setItem('fieldguide.language', link.hreflang); } catch (e) { /* storage blocked */ }
  if (!window.location.hash || link.hash) return;
  link.hash = window.location.hash;
});

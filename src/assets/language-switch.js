// The language switcher links to the same page in another locale; anchors are ids shared by every
// locale, so carrying the current #fragment over keeps a reader at the same step.
document.addEventListener('click', function (event) {
  var link = event.target instanceof Element ? event.target.closest('a[data-keep-hash]') : null;
  if (!link || !window.location.hash || link.hash) return;
  link.hash = window.location.hash;
});

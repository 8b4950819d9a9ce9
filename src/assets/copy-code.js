// The copy button beside a code name. Pages opened from disk (file://) may lack navigator.clipboard
// or have it refuse, so the code's own text is selected and copied with execCommand instead; when
// that is refused too, the code stays selected for the reader to copy by hand. The status line
// beside the button tells screen readers what happened.
document.querySelectorAll('.copy[hidden]').forEach(function (wrap) {
  var button = wrap.querySelector('button');
  var status = wrap.querySelector('.copy-status');
  var source = document.getElementById(wrap.dataset.target);
  var timer;
  function say(text) {
    status.textContent = text;
    clearTimeout(timer);
    timer = setTimeout(function () { status.textContent = ''; }, 5000);
  }
  function bySelection() {
    var selection = window.getSelection();
    var range = document.createRange();
    range.selectNodeContents(source || button);
    selection.removeAllRanges();
    selection.addRange(range);
    var copied = false;
    try { copied = document.execCommand('copy'); } catch (e) { copied = false; }
    if (copied) selection.removeAllRanges();
    say(copied ? wrap.dataset.done : wrap.dataset.failed);
  }
  button.addEventListener('click', function () {
    if (!navigator.clipboard || !window.isSecureContext) return bySelection();
    navigator.clipboard.writeText(wrap.dataset.copy).then(function () { say(wrap.dataset.done); }, bySelection);
  });
  wrap.hidden = false;
});

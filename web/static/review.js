// Keyboard shortcuts for the review queue: a accepts, r rejects with the
// chosen reason, u undoes the last decision. Nothing happens while typing
// in a field, so the forms stay usable.
document.addEventListener("keydown", function (ev) {
  if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
  var t = ev.target;
  if (t && (t.tagName === "INPUT" || t.tagName === "SELECT" || t.tagName === "TEXTAREA")) return;
  var button = document.querySelector('button[data-key="' + ev.key + '"]');
  if (button) {
    ev.preventDefault();
    button.form.submit();
  }
});

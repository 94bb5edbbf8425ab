// Runs inline in every page's <head> before first paint (minified at build time by BaseLayout):
// the text-size preference, the phone header's search and text-size buttons, and "/" for search.
(function () {
  var key = 'tsts:text-size';
  var sizes = ['md', 'lg', 'xl'];
  var root = document.documentElement;
  function read() {
    try {
      var saved = localStorage.getItem(key);
      return sizes.indexOf(saved) >= 0 ? saved : 'md';
    } catch {
      return 'md';
    }
  }
  function apply(size) {
    root.setAttribute('data-text-size', size);
    var buttons = document.querySelectorAll('[data-text-size-control] button');
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute('aria-pressed', String(buttons[i].getAttribute('data-size') === size));
    }
  }
  apply(read());
  document.addEventListener('DOMContentLoaded', function () {
    var controls = document.querySelectorAll('[data-text-size-control]');
    for (var i = 0; i < controls.length; i++) controls[i].removeAttribute('hidden');
    apply(read());
  });
  // On phones, search and text size sit behind two small buttons (the header's style decides when).
  function toggle(name, open) {
    var header = document.querySelector('.site-header');
    if (!header) return;
    var next = open === undefined ? header.getAttribute('data-open') !== name : open;
    if (next) header.setAttribute('data-open', name);
    else header.removeAttribute('data-open');
    var toggles = document.querySelectorAll('[data-header-toggle]');
    for (var i = 0; i < toggles.length; i++) {
      toggles[i].setAttribute('aria-expanded', String(next && toggles[i].getAttribute('data-header-toggle') === name));
    }
    if (next && name === 'search') {
      var box = document.querySelector('[data-search-input]');
      if (box) box.focus();
    }
  }
  document.addEventListener('click', function (event) {
    var opener = event.target instanceof Element ? event.target.closest('[data-header-toggle]') : null;
    if (opener) {
      event.preventDefault();
      toggle(opener.getAttribute('data-header-toggle'));
      return;
    }
    var target = event.target instanceof Element ? event.target.closest('[data-text-size-control] button') : null;
    if (!target) return;
    var size = target.getAttribute('data-size');
    if (sizes.indexOf(size) < 0) return;
    try {
      localStorage.setItem(key, size);
    } catch {}
    apply(size);
  });
  // "/" focuses the search box, unless the reader is typing in a field.
  document.addEventListener('keydown', function (event) {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    var target = event.target;
    if (target instanceof Element && (target.closest('input, textarea, select') || target.isContentEditable)) return;
    var input = document.querySelector('[data-search-input]');
    if (!input) return;
    event.preventDefault();
    if (!input.offsetParent) toggle('search', true);
    input.focus();
    input.select();
  });
})();

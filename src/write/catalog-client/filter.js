// The catalog's only script. It is inlined into output/index.html and allowed by its sha256 hash in
// the page's Content-Security-Policy, so it stays plain ES2017 with no dependencies and no build
// step, and works from file:// as from a web server.
//
// The filter form is written with `hidden`: without this script it never shows and every card
// stays visible. With it, the form appears; each select narrows the cards to those whose
// `data-<name>` matches (exactly, or as one of its space-separated words when the select says
// `data-match="word"`), and the live count says how many are shown. All text comes from the page.
(function () {
  'use strict';
  var form = document.getElementById('catalog-filters');
  var count = document.getElementById('catalog-count');
  if (!form || !count) return;
  var cards = [].slice.call(document.querySelectorAll('[data-card]'));
  var selects = [].slice.call(form.querySelectorAll('select'));

  function matches(card, select) {
    var wanted = select.value;
    if (!wanted) return true;
    var value = card.getAttribute('data-' + select.name) || '';
    if (select.getAttribute('data-match') === 'word') return value.split(' ').indexOf(wanted) >= 0;
    return value === wanted;
  }

  function update() {
    var shown = 0;
    cards.forEach(function (card) {
      var show = selects.every(function (select) {
        return matches(card, select);
      });
      card.hidden = !show;
      if (show) shown += 1;
    });
    var text = shown === 0 ? count.getAttribute('data-none') : count.getAttribute('data-some').replace('{shown}', String(shown));
    // Only a change is written, so the live region announces what the reader did, not the page load.
    if (count.textContent !== text) count.textContent = text;
  }

  form.addEventListener('change', update);
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    update();
  });
  // `reset` fires before the controls go back to their first option.
  form.addEventListener('reset', function () {
    setTimeout(update, 0);
  });
  form.hidden = false;
  // The browser may have restored the selections of an earlier visit.
  update();
})();

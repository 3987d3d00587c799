// The deck's only script: shows one slide at a time, scaled to the window.
// Keys: Right/Down/Space/PageDown next, Left/Up/PageUp previous, Home/End, N toggles speaker notes.
// The slide number is kept in the address (#3), so a reload or a shared link opens the same slide.
(function () {
  var slides = Array.prototype.slice.call(document.querySelectorAll('div.marpit > section'));
  var notes = Array.prototype.slice.call(document.querySelectorAll('.deck-notes > aside'));
  if (!slides.length) return;
  document.documentElement.classList.add('presenting');
  var current = 0;
  function fromHash() {
    var n = parseInt(location.hash.slice(1), 10);
    return isNaN(n) ? 0 : Math.min(Math.max(n - 1, 0), slides.length - 1);
  }
  function show(index) {
    current = Math.min(Math.max(index, 0), slides.length - 1);
    slides.forEach(function (slide, i) { slide.classList.toggle('active', i === current); });
    notes.forEach(function (note, i) { note.classList.toggle('active', i === current); });
    if (location.hash !== '#' + (current + 1)) history.replaceState(null, '', '#' + (current + 1));
  }
  function fit() {
    var scale = Math.min(window.innerWidth / 1280, window.innerHeight / 720);
    document.documentElement.style.setProperty('--deck-scale', String(scale));
  }
  document.addEventListener('keydown', function (event) {
    var key = event.key;
    if (key === 'ArrowRight' || key === 'ArrowDown' || key === ' ' || key === 'PageDown') show(current + 1);
    else if (key === 'ArrowLeft' || key === 'ArrowUp' || key === 'PageUp') show(current - 1);
    else if (key === 'Home') show(0);
    else if (key === 'End') show(slides.length - 1);
    else if (key === 'n' || key === 'N') document.documentElement.classList.toggle('show-notes');
    else return;
    event.preventDefault();
  });
  document.addEventListener('click', function (event) {
    if (event.target.closest && event.target.closest('a')) return;
    show(event.clientX < window.innerWidth / 3 ? current - 1 : current + 1);
  });
  window.addEventListener('hashchange', function () { show(fromHash()); });
  window.addEventListener('resize', fit);
  fit();
  show(fromHash());
})();

// The deck's only script. It is inlined into slides.html and allowed by its sha256 hash in the
// page's Content-Security-Policy, so it stays plain ES2017 with no dependencies and no build step:
// the file is copied alone to a laptop with no network and opened from file://.
//
// One file, two roles. Opened as it is, it is the audience view: one slide at a time, scaled to the
// window. Opened with `?presenter` (P does that), it is the presenter view: the current and next
// slide, the speaker notes, the slide number and a timer. Slide numbers are positions in the deck
// (1 is the title slide), the same in the address (#3), the presenter's counter and a typed jump.
(() => {
  var root = document.documentElement;
  var slides = [].slice.call(document.querySelectorAll('div.marpit > section'));
  var notes = [].slice.call(document.querySelectorAll('.deck-notes > aside'));
  if (!slides.length) return;
  var presenter = /(^|&)presenter(=|&|$)/.test(location.search.slice(1));
  var help = document.querySelector('.deck-help');
  var panel = document.querySelector('.deck-presenter');
  var current = -1;
  var typed = '';
  // The other window: the presenter view this one opened, or the audience window that opened it.
  var partner = presenter ? window.opener : null;
  root.classList.add('presenting');

  function fromHash() {
    var n = parseInt(location.hash.slice(1), 10);
    return Number.isNaN(n) ? 0 : n - 1;
  }

  function show(index, quiet) {
    index = Math.min(Math.max(index, 0), slides.length - 1);
    // replaceState, not a new history entry: Back should leave the deck, not step through it.
    if (location.hash !== `#${index + 1}`) history.replaceState(null, '', `#${index + 1}`);
    if (index === current) return;
    current = index;
    slides.forEach((slide, i) => {
      slide.classList.toggle('active', i === current);
      slide.classList.toggle('next', presenter && i === current + 1);
    });
    notes.forEach((note, i) => {
      note.classList.toggle('active', i === current);
    });
    if (presenter) showPresenterState();
    if (!quiet) tell();
  }

  // file:// pages have opaque origins: BroadcastChannel and storage events do not reach from one
  // to the other, but postMessage between a window and its opener does. The target origin has to
  // be '*' (an opaque origin cannot be named); the message only carries a slide number.
  function tell() {
    if (partner && !partner.closed) partner.postMessage({ handoutsDeck: 1, slide: current + 1 }, '*');
  }

  function fromPartner(source) {
    if (!source) return false;
    if (presenter) return source === window.opener;
    // After the audience window reloads it has lost its reference to the presenter view; the
    // presenter view is still the window this one opened, which it can tell by its opener.
    try {
      return source === partner || source.opener === window;
    } catch {
      return false;
    }
  }

  window.addEventListener('message', (event) => {
    var data = event.data;
    if (data?.handoutsDeck !== 1 || typeof data.slide !== 'number' || !fromPartner(event.source)) return;
    partner = event.source;
    show(data.slide - 1, true);
  });

  function openPresenter() {
    if (partner && !partner.closed) return partner.focus();
    var url = `${location.href.replace(/[?#].*$/, '')}?presenter#${current + 1}`;
    // A sized popup rather than a tab, so it can be dragged to the laptop's own screen while this
    // window fills the projector. The name reuses a presenter view left over from before a reload.
    partner = window.open(url, 'handouts-presenter', 'popup,width=1200,height=760') || null;
  }

  function toggleFullscreen() {
    var request = document.fullscreenElement ? document.exitFullscreen() : root.requestFullscreen?.();
    // A refusal (a kiosk policy, no user gesture) leaves the deck as it was; it is not an error.
    if (request?.catch) request.catch(() => {});
  }

  function toggleHelp(open) {
    help.hidden = !open;
    if (open) help.focus();
  }

  var NEXT = ['ArrowRight', 'ArrowDown', ' ', 'PageDown', 'Enter'];
  var PREVIOUS = ['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace'];

  document.addEventListener('keydown', (event) => {
    // Ctrl/Cmd/Alt combinations belong to the browser (reload, find, zoom).
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var key = event.key;
    var letter = key.length === 1 ? key.toLowerCase() : '';
    // A Cyrillic or Greek layout types no Latin letter: fall back to the key's place (F, N, P, T).
    if (letter && !/^[a-z?]$/.test(letter) && /^Key[A-Z]$/.test(event.code)) letter = event.code.slice(3).toLowerCase();
    // Enter and Space on a focused link (Tab to a source on the closing slide) keep their meaning.
    if ((key === 'Enter' || key === ' ') && event.target.closest && event.target.closest('a')) return;
    if (/^[0-9]$/.test(key)) {
      typed += key;
      event.preventDefault();
      return;
    }
    var number = typed;
    typed = '';
    if (key === 'Enter' && number) show(parseInt(number, 10) - 1);
    else if (NEXT.indexOf(key) >= 0) show(current + 1);
    else if (PREVIOUS.indexOf(key) >= 0) show(current - 1);
    else if (key === 'Home') show(0);
    else if (key === 'End') show(slides.length - 1);
    else if (key === '?') toggleHelp(help.hidden);
    else if (key === 'Escape' && !help.hidden) toggleHelp(false);
    else if (letter === 'f') toggleFullscreen();
    else if (letter === 'n' && !presenter) root.classList.toggle('show-notes');
    else if (letter === 'p' && !presenter) openPresenter();
    else if (letter === 't' && presenter) restartTimer();
    else return;
    event.preventDefault();
  });

  // Clicks move the audience view only: in the presenter view a click is for scrolling or
  // selecting the notes, and a slide that jumped under the presenter's pointer would be lost.
  document.addEventListener('click', (event) => {
    if (presenter || event.target.closest?.('a')) return;
    if (!help.hidden) return toggleHelp(false);
    show(event.clientX < window.innerWidth / 3 ? current - 1 : current + 1);
  });

  var touch = null;
  document.addEventListener(
    'touchstart',
    (event) => {
      var t = event.touches.length === 1 && event.touches[0];
      touch = t ? { x: t.clientX, y: t.clientY } : null;
    },
    { passive: true },
  );
  document.addEventListener(
    'touchend',
    (event) => {
      var t = event.changedTouches[0];
      if (!touch || !t) return;
      var dx = t.clientX - touch.x;
      var dy = t.clientY - touch.y;
      touch = null;
      // Mostly sideways and far enough not to be a tap (a tap is a click, handled above).
      if (Math.abs(dx) > 40 && Math.abs(dx) > 2 * Math.abs(dy)) show(current + (dx < 0 ? 1 : -1));
    },
    { passive: true },
  );

  // The presenter view: the slides stay where Marp put them (their theme CSS is scoped to
  // `div.marpit > section`) and are scaled onto the empty frames of the panel's grid.
  var frames = presenter && {
    current: panel.querySelector('.deck-frame-current'),
    next: panel.querySelector('.deck-frame-next'),
  };
  var counter = panel.querySelector('.deck-counter');
  var clock = panel.querySelector('.deck-timer');
  var started = Date.now();

  function showPresenterState() {
    counter.textContent = counter
      .getAttribute('data-format')
      .replace('{page}', String(current + 1))
      .replace('{pages}', String(slides.length));
    root.classList.toggle('deck-at-end', current === slides.length - 1);
    document.querySelector('.deck-notes').scrollTop = 0;
  }

  function restartTimer() {
    started = Date.now();
    tick();
  }

  function tick() {
    var seconds = Math.floor((Date.now() - started) / 1000);
    var text = `${pad(Math.floor(seconds / 60))}:${pad(seconds % 60)}`;
    if (clock.textContent !== text) clock.textContent = text;
  }

  function pad(n) {
    return n < 10 ? `0${n}` : String(n);
  }

  function fit() {
    var style = root.style;
    if (!presenter) {
      style.setProperty('--deck-scale', String(Math.min(window.innerWidth / 1280, window.innerHeight / 720)));
      return;
    }
    Object.keys(frames).forEach((name) => {
      var box = frames[name].getBoundingClientRect();
      var scale = Math.min(box.width / 1280, box.height / 720);
      style.setProperty(`--${name}-scale`, String(scale));
      style.setProperty(`--${name}-x`, `${box.left + (box.width - 1280 * scale) / 2}px`);
      style.setProperty(`--${name}-y`, `${box.top}px`);
    });
  }

  if (presenter) {
    root.classList.add('presenter');
    document.title = `${panel.getAttribute('data-title')} · ${document.title}`;
    panel.querySelector('.deck-notes-slot').appendChild(document.querySelector('.deck-notes'));
    // Four times a second, so the display turns over close to each whole second.
    setInterval(tick, 250);
    tick();
  }
  window.addEventListener('hashchange', () => {
    show(fromHash());
  });
  window.addEventListener('resize', fit);
  fit();
  show(fromHash(), true);
})();

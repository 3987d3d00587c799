// The dev server's client, added to every page it serves (never to files written to output/).
// It reloads the page after a rebuild and shows the content problems of the page's document
// over it, located; fixing the file clears them.
(() => {
  // On a print preview, Paged.js lays the page out into sheets; once it has, show them on a desk.
  // (Styles given before it runs are read as print rules, so this one is added after.)
  var script = new URL(document.currentScript.src).searchParams;
  window.PagedConfig = Object.assign(window.PagedConfig || {}, {
    after: () => {
      // Laid out: the server holds a save's build back until the previews showing it are (half a
      // second at most), so the two do not share the processor.
      if (page && script.has('preview'))
        fetch(`/__handouts/shown?page=${encodeURIComponent(`${page.lang}/${page.slug}`)}`, { method: 'POST' }).catch(() => undefined);
      var desk = document.createElement('style');
      desk.textContent =
        'html,body{background:#6b7480}.pagedjs_pages{display:flex;flex-direction:column;align-items:center;gap:24px;padding:24px 0}' +
        '.pagedjs_page{background:#fff;box-shadow:0 2px 12px rgba(0,0,0,.35)}';
      document.head.appendChild(desk);
    },
  });
  var here = location.pathname.replace(/\/(index\.html)?$/, '/');
  var match = /^\/([^/]+)\/([^/]+)\//.exec(here);
  var page = match ? { lang: decodeURIComponent(match[1]), slug: decodeURIComponent(match[2]) } : undefined;
  var overlay;
  function mine(doc) {
    return !page || (doc.slug === page.slug && doc.lang === page.lang);
  }
  function show(problems) {
    if (!overlay) {
      overlay = document.createElement('div');
      overlay.id = 'handouts-dev-overlay';
      overlay.setAttribute('role', 'alert');
      overlay.style.cssText =
        'position:fixed;inset:0;z-index:2147483647;background:rgba(20,20,28,.92);color:#fff;' +
        'font:16px/1.5 ui-monospace,Menlo,Consolas,monospace;padding:32px;overflow:auto;white-space:pre-wrap';
      document.documentElement.appendChild(overlay);
    }
    overlay.textContent = '';
    var title = document.createElement('h1');
    title.style.cssText = 'font:700 22px system-ui,sans-serif;color:#ff8a8a;margin:0 0 16px';
    title.textContent = 'This document does not build';
    overlay.appendChild(title);
    problems.forEach((d) => {
      var line = document.createElement('div');
      line.className = 'problem';
      line.textContent = `${d.file}:${d.line}:${d.column} ${d.severity} ${d.message}  ${d.rule}`;
      overlay.appendChild(line);
    });
  }
  function clear() {
    if (overlay) overlay.remove();
    overlay = undefined;
  }
  // The build this page was served after: a later change to its document means a reload, also
  // when this page connected too late to see that build's own event.
  var served = Number(script.get('build') || 0);
  // A print preview is made from the source when asked for: it follows the save itself.
  var changes = script.has('preview') ? 'previewChangedAt' : 'changedAt';
  var events = new EventSource(
    `/__handouts/events${page && changes === 'previewChangedAt' ? `?preview=${encodeURIComponent(`${page.lang}/${page.slug}`)}` : ''}`,
  );
  // A print preview of a document saved just now reloads at once: it is made from the source.
  events.addEventListener('saved', (event) => {
    var saved = JSON.parse(event.data);
    if (changes === 'previewChangedAt' && !overlay && saved.build > served && saved.documents.some(mine)) location.reload();
  });
  events.addEventListener('state', (event) => {
    var state = JSON.parse(event.data);
    var problems = [];
    (state.documents || []).filter(mine).forEach((doc) => {
      if (doc.status === 'failed') problems = problems.concat(doc.diagnostics.filter((d) => d.severity === 'error'));
    });
    if (state.error)
      problems.push({ file: state.error.file || 'handouts', line: 1, column: 1, severity: 'error', message: state.error.message, rule: 'config' });
    if (problems.length) show(problems);
    else clear();
    // A document of this page (any document, on the catalog) changed after the page was served.
    var changed = (state.documents || []).some((doc) => mine(doc) && (state[changes]?.[doc.source] || 0) > served);
    if (changed && !problems.length) location.reload();
  });
})();

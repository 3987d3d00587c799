import type { Paragraph, Run, Shape, SlideModel } from './model.js';

/**
 * Runs in the page that prints `slides.pdf` (passed whole to `page.evaluate`, so it imports
 * nothing and defines its helpers inside): each slide laid out as the deck shows it, read as
 * PowerPoint objects with the boxes Chromium gave them. Headings, paragraphs and captions become
 * text boxes, lists one text box of bulleted paragraphs with their levels, tables tables, images
 * pictures, and coloured boxes (the brand bar, a notice's background and edge) rectangles. What
 * cannot be an editable object (an SVG drawing, an element with a background image) is marked
 * `snapshot`: the caller photographs that box.
 */
export function measureSlides(selector: string): (SlideModel & { snapshots: { x: number; y: number; w: number; h: number; alt: string; at: number }[] })[] {
  const hex = (css: string): string | undefined => {
    const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+))?/.exec(css);
    if (!m || (m[4] !== undefined && Number(m[4]) === 0)) return undefined;
    return [m[1], m[2], m[3]]
      .map((v) => Math.round(Number(v)).toString(16).padStart(2, '0'))
      .join('')
      .toUpperCase();
  };
  const px = (value: string) => Number.parseFloat(value) || 0;
  const TEXT_BLOCKS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'P', 'FIGCAPTION', 'FOOTER', 'HEADER', 'PRE', 'DT', 'DD', 'CAPTION']);
  const shown = (el: Element) => {
    const style = getComputedStyle(el);
    return style.display !== 'none' && style.visibility !== 'hidden' && el.getBoundingClientRect().width > 0;
  };

  return Array.from(document.querySelectorAll(selector)).map((section) => {
    const origin = section.getBoundingClientRect();
    const box = (r: DOMRect) => ({ x: r.left - origin.left, y: r.top - origin.top, w: r.width, h: r.height });
    const shapes: Shape[] = [];
    const snapshots: { x: number; y: number; w: number; h: number; alt: string; at: number }[] = [];
    const sectionStyle = getComputedStyle(section);
    const background = hex(sectionStyle.backgroundColor) ?? 'FFFFFF';

    /** The coloured parts of a box: its background and each border edge, as rectangles. */
    const decorations = (el: Element) => {
      const style = getComputedStyle(el);
      const r = box(el.getBoundingClientRect());
      const fill = hex(style.backgroundColor);
      if (fill && el !== section) shapes.push({ kind: 'rect', ...r, fill });
      const edges = [
        ['Top', { x: r.x, y: r.y, w: r.w }],
        ['Bottom', { x: r.x, y: r.y + r.h, w: r.w }],
        ['Left', { x: r.x, y: r.y, h: r.h }],
        ['Right', { x: r.x + r.w, y: r.y, h: r.h }],
      ] as const;
      for (const [side, at] of edges) {
        const width = px(style.getPropertyValue(`border-${side.toLowerCase()}-width`));
        const color = hex(style.getPropertyValue(`border-${side.toLowerCase()}-color`));
        if (!width || !color || style.getPropertyValue(`border-${side.toLowerCase()}-style`) === 'none') continue;
        if (side === 'Top' || side === 'Bottom')
          shapes.push({ kind: 'rect', x: at.x, y: side === 'Top' ? at.y : at.y - width, w: at.w!, h: width, fill: color });
        else shapes.push({ kind: 'rect', x: side === 'Left' ? at.x : at.x - width, y: at.y, w: width, h: at.h!, fill: color });
      }
    };

    /** The text runs of an element's inline content, styled as Chromium styles them; `skip` leaves out nested lists. */
    const runsOf = (el: Element, skip: (node: Node) => boolean = () => false): Run[] => {
      const runs: Run[] = [];
      const pre = getComputedStyle(el).whiteSpace.startsWith('pre');
      const visit = (node: Node) => {
        if (skip(node)) return;
        if (node.nodeType === Node.TEXT_NODE) {
          const parent = node.parentElement!;
          const style = getComputedStyle(parent);
          const text = pre ? (node.textContent ?? '') : (node.textContent ?? '').replace(/\s+/g, ' ');
          if (!text) return;
          const link = parent.closest('a')?.getAttribute('href') ?? undefined;
          runs.push({
            text,
            font: style.fontFamily
              .split(',')[0]!
              .trim()
              .replace(/^["']|["']$/g, ''),
            size: px(style.fontSize),
            color: hex(style.color) ?? '000000',
            bold: Number(style.fontWeight) >= 600,
            italic: style.fontStyle === 'italic',
            underline: style.textDecorationLine.includes('underline'),
            ...(link && { link }),
          });
        } else if (node.nodeType === Node.ELEMENT_NODE) {
          const element = node as Element;
          if (element.tagName === 'BR') {
            if (runs.length) runs[runs.length - 1]!.breakAfter = true;
          } else if (shown(element) || getComputedStyle(element).display === 'contents') for (const child of Array.from(element.childNodes)) visit(child);
        }
      };
      for (const child of Array.from(el.childNodes)) visit(child);
      if (!pre && runs.length) {
        runs[0]!.text = runs[0]!.text.replace(/^\s+/, '');
        runs[runs.length - 1]!.text = runs[runs.length - 1]!.text.replace(/\s+$/, '');
      }
      return runs.filter((run) => run.text || run.breakAfter);
    };

    const paragraphOf = (el: Element, runs: Run[], extra: Partial<Paragraph> = {}): Paragraph => {
      const style = getComputedStyle(el);
      const align =
        style.textAlign === 'center'
          ? 'center'
          : style.textAlign === 'right' ||
              (style.textAlign === 'start' && style.direction === 'rtl') ||
              (style.textAlign === 'end' && style.direction !== 'rtl')
            ? 'right'
            : 'left';
      const lineHeight = style.lineHeight === 'normal' ? px(style.fontSize) * 1.2 : px(style.lineHeight);
      return { runs, align, lineHeight, spaceAfter: px(style.marginBottom), rtl: style.direction === 'rtl', ...extra };
    };

    /**
     * Every item of a list, nested lists after their item one level deeper, as paragraphs. The space
     * after each is what the deck leaves between it and the next one (margins nest and collapse in
     * CSS; PowerPoint has one space after a paragraph), read from where the items were laid out.
     */
    const listParagraphs = (list: Element, level: number, left: number): (Paragraph & { top: number; bottom: number })[] => {
      const markers: Record<string, string> = { disc: '•', circle: '◦', square: '▪' };
      return Array.from(list.children)
        .filter((li) => li.tagName === 'LI' && shown(li))
        .flatMap((li) => {
          const nested = (node: Node) => node.nodeType === Node.ELEMENT_NODE && ['UL', 'OL'].includes((node as Element).tagName);
          const style = getComputedStyle(li);
          const marker = getComputedStyle(li, '::marker');
          const rect = li.getBoundingClientRect();
          const inner = Array.from(li.children).filter((child) => ['UL', 'OL'].includes(child.tagName));
          const indent = rect[style.direction === 'rtl' ? 'right' : 'left'];
          const type = list.tagName === 'OL' ? ('number' as const) : ('bullet' as const);
          const bullet = {
            type,
            char: markers[style.listStyleType] ?? '•',
            level,
            color: hex(marker.color) ?? hex(style.color) ?? '000000',
            indent: Math.abs(indent - left),
          };
          const own = {
            ...paragraphOf(li, runsOf(li, nested), { bullet }),
            top: rect.top,
            bottom: inner[0] ? inner[0].getBoundingClientRect().top : rect.bottom,
          };
          return [own, ...inner.flatMap((child) => listParagraphs(child, level + 1, left))];
        });
    };
    /** A list's paragraphs with the space after each taken from the layout. */
    const spaced = (paragraphs: (Paragraph & { top: number; bottom: number })[]): Paragraph[] =>
      paragraphs.map(({ top, bottom, ...paragraph }, i) => {
        const next = paragraphs[i + 1];
        const lines = Math.max(1, Math.round((bottom - top) / paragraph.lineHeight));
        return { ...paragraph, spaceAfter: next ? Math.max(0, next.top - (top + lines * paragraph.lineHeight)) : 0 };
      });

    const walk = (el: Element) => {
      for (const child of Array.from(el.children)) {
        if (!shown(child)) continue;
        const tag = child.tagName;
        const r = box(child.getBoundingClientRect());
        if (tag === 'IMG') {
          const src = child.getAttribute('src') ?? '';
          const alt = child.getAttribute('alt') ?? '';
          if (/^data:image\/(png|jpe?g|gif);/i.test(src)) shapes.push({ kind: 'picture', ...r, data: src, alt });
          else snapshots.push({ ...r, alt, at: shapes.length });
        } else if (tag === 'svg' || tag === 'SVG' || tag === 'CANVAS' || getComputedStyle(child).backgroundImage !== 'none') {
          snapshots.push({ ...r, alt: child.getAttribute('aria-label') ?? '', at: shapes.length });
        } else if (tag === 'UL' || tag === 'OL') {
          decorations(child);
          const left = child.getBoundingClientRect()[getComputedStyle(child).direction === 'rtl' ? 'right' : 'left'];
          shapes.push({ kind: 'text', role: 'body', ...r, paragraphs: spaced(listParagraphs(child, 0, left)) });
        } else if (tag === 'TABLE') {
          const rows = Array.from(child.querySelectorAll('tr')).map((tr) => ({
            height: tr.getBoundingClientRect().height,
            cells: Array.from(tr.children).map((cell) => ({
              paragraphs: [paragraphOf(cell, runsOf(cell))],
              fill: hex(getComputedStyle(cell).backgroundColor),
              header: cell.tagName === 'TH',
            })),
          }));
          const first = child.querySelector('tr');
          const columns = first ? Array.from(first.children).map((cell) => cell.getBoundingClientRect().width) : [];
          const cell = child.querySelector('td, th');
          const cellStyle = cell ? getComputedStyle(cell) : undefined;
          shapes.push({
            kind: 'table',
            ...r,
            columns,
            rows,
            border: { width: cellStyle ? px(cellStyle.borderTopWidth) : 0, color: (cellStyle && hex(cellStyle.borderTopColor)) ?? 'C5CED8' },
            padding: cellStyle ? [px(cellStyle.paddingTop), px(cellStyle.paddingRight), px(cellStyle.paddingBottom), px(cellStyle.paddingLeft)] : [0, 0, 0, 0],
          });
        } else if (TEXT_BLOCKS.has(tag) && !child.querySelector('p, ul, ol, table, div')) {
          decorations(child);
          const images = Array.from(child.querySelectorAll('img, svg'));
          const runs = runsOf(child);
          if (images.length && !runs.some((run) => run.text.trim())) walk(child);
          else if (runs.length) {
            const role =
              tag === 'H1' || (tag === 'H2' && !shapes.some((s) => s.kind === 'text' && s.role === 'title')) ? 'title' : tag === 'FOOTER' ? 'footer' : 'body';
            shapes.push({ kind: 'text', role, ...r, paragraphs: [paragraphOf(child, runs)] });
          }
        } else {
          decorations(child);
          walk(child);
        }
      }
    };

    // The section's background and top edge (the brand bar) are the slide's, drawn by its master.
    const bar = { height: px(sectionStyle.borderTopWidth), color: hex(sectionStyle.borderTopColor) };
    walk(section);
    // The slide number, drawn by the theme as `section::after`: a stand-in element styled the same is measured.
    const after = getComputedStyle(section, '::after');
    const number = after.content && after.content !== 'none' && after.display !== 'none' ? section.getAttribute('data-marpit-pagination') : null;
    if (number) {
      const probe = document.createElement('span');
      for (const name of [
        'position',
        'top',
        'right',
        'bottom',
        'left',
        'font-size',
        'font-family',
        'font-weight',
        'color',
        'line-height',
        'padding',
        'inset-inline-start',
        'inset-inline-end',
        'direction',
      ]) {
        probe.style.setProperty(name, after.getPropertyValue(name));
      }
      probe.textContent = `${number} / ${section.getAttribute('data-marpit-pagination-total') ?? ''}`;
      section.append(probe);
      shapes.push({ kind: 'text', role: 'number', ...box(probe.getBoundingClientRect()), paragraphs: [paragraphOf(probe, runsOf(probe))] });
      probe.remove();
    }
    return { kind: section.classList.contains('title') ? 'title' : 'content', background, bar, shapes, snapshots };
  });
}

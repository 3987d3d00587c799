/** What filling the panels found: nothing left over, or where the overflow starts and by how much. */
export interface FillResult {
  /** Content panels that hold something, for the report. */
  used: number;
  overflow?: {
    /** Id of the last heading before the first block that did not fit (its section). */
    section?: string;
    /** Height of the content that did not fit, and of one panel, in CSS pixels. */
    byPx: number;
    panelPx: number;
    /** A fixed panel (`cover`, `back`) that is too full, rather than the flowing content. */
    panel?: string;
  };
}

/**
 * Runs in the laid-out page, before printing (it is serialised by Puppeteer, so it uses nothing
 * from outside). Moves the content's blocks, in reading order, into the content panels: each
 * block goes into the first panel it fits in; a list that does not fit is split between items;
 * a heading is never left last in a panel. Nothing is shrunk or clipped: what does not fit is
 * reported, with the section it starts in. No CSS feature flows content across boxes of
 * different pages (regions never shipped), so this is done by measuring.
 */
export function fillPanels(): FillResult {
  const flow = document.querySelector('.flow') as HTMLElement;
  const panels = Array.from(document.querySelectorAll<HTMLElement>('.panel[data-flow]'))
    .sort((a, b) => Number(a.dataset.flow) - Number(b.dataset.flow))
    .map((panel) => panel.querySelector<HTMLElement>('.panel-body')!);
  const fits = (body: HTMLElement) => body.scrollHeight <= body.clientHeight + 0.5;
  for (const fixed of Array.from(document.querySelectorAll<HTMLElement>('.panel:not([data-flow]) .panel-body'))) {
    if (!fits(fixed)) {
      const panel = fixed.parentElement!.classList.contains('cover') ? 'cover' : 'back';
      return { used: 0, overflow: { panel, byPx: fixed.scrollHeight - fixed.clientHeight, panelPx: fixed.clientHeight } };
    }
  }
  const isHeading = (node: Element | null): node is HTMLElement => !!node && /^H[1-6]$/.test(node.tagName);
  const blocks = Array.from(flow.children) as HTMLElement[];
  let index = 0;
  let lastHeading: string | undefined;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    if (isHeading(block)) lastHeading = block.id || lastHeading;
    const inner = block.querySelector('h2[id], h3[id]');
    if (inner) lastHeading = inner.id;
    for (;;) {
      const body = panels[index];
      if (!body) return overflowFrom(b, []);
      body.appendChild(block);
      if (fits(body)) break;
      if (splitList(block, body)) break;
      body.removeChild(block);
      if (!body.children.length) return overflowFrom(b, []);
      // A heading left last in a panel goes on with its section.
      const carried: HTMLElement[] = [];
      while (isHeading(body.lastElementChild) && body.children.length > 1) carried.unshift(body.removeChild(body.lastElementChild));
      index++;
      if (!panels[index]) return overflowFrom(b, carried);
      for (const heading of carried) panels[index]!.appendChild(heading);
    }
  }
  return { used: Math.min(index + 1, panels.length) };

  /** Keeps the items of a list that fit in `body`; the rest go on as the same list, next. */
  function splitList(block: HTMLElement, body: HTMLElement): boolean {
    if ((block.tagName !== 'UL' && block.tagName !== 'OL') || block.children.length < 2) return false;
    const rest = block.cloneNode(false) as HTMLElement;
    while (!fits(body) && block.children.length > 1) rest.prepend(block.lastElementChild!);
    if (!fits(body)) {
      while (rest.firstElementChild) block.appendChild(rest.firstElementChild);
      return false;
    }
    if (block.tagName === 'OL') rest.setAttribute('start', String(Number(block.getAttribute('start') ?? 1) + block.children.length));
    blocks.splice(blocks.indexOf(block) + 1, 0, rest);
    return true;
  }

  function overflowFrom(at: number, carried: HTMLElement[]): FillResult {
    for (const rest of [...carried, ...blocks.slice(at)]) flow.appendChild(rest);
    return { used: panels.length, overflow: { section: lastHeading, byPx: flow.scrollHeight, panelPx: panels[0]!.clientHeight } };
  }
}

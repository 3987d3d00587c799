import GithubSlugger from 'github-slugger';
import type { Image, Link } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { PreparedDocument } from '../document.js';
import { fail, nodeFile } from '../parse/diagnostics.js';

/** Answers whether a relative link target exists inside the content folder. Injected by the I/O edge. */
export type LinkTarget = (url: string, from: string) => 'ok' | 'missing' | 'outside';

/** Pure: `sources`. Every document names at least one source for what it says. */
export function checkSources(doc: PreparedDocument): void {
  if (doc.meta.sources?.length) return;
  fail(doc.file, 'No sources: list at least one reference under `sources:` in the front matter', {
    place: doc.metaPlaces.sources ?? doc.metaPlaces.title,
    ruleId: 'sources',
  });
}

/** Pure: `image-alt`. Every image needs alt text for readers who cannot see it. */
export function checkImageAlt(doc: PreparedDocument): void {
  visit(doc.tree, 'image', (node: Image) => {
    if (node.alt?.trim()) return;
    fail(doc.file, 'Image has no alt text: describe what it shows, as in `![An MRI scan of the spine](mri.png)`', {
      place: node.position,
      ruleId: 'image-alt',
      in: nodeFile(node),
    });
  });
}

/**
 * Pure: `link-broken`. A link to `#anchor` must name a heading of the document (as slugged for
 * its id); a relative link must name a file inside the content folder.
 */
export function checkLinks(doc: PreparedDocument, target: LinkTarget): void {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  visit(doc.tree, 'heading', (heading) => {
    anchors.add(slugger.slug(toString(heading)));
  });
  visit(doc.tree, 'link', (node: Link) => {
    const { url } = node;
    const where = { place: node.position, ruleId: 'link-broken', in: nodeFile(node) };
    if (url.startsWith('#')) {
      const anchor = decodeURIComponent(url.slice(1));
      if (!anchors.has(anchor)) {
        fail(doc.file, `Link to \`${url}\` matches no heading in this document${anchors.size ? ` (headings: #${[...anchors].slice(0, 6).join(', #')})` : ''}`, where);
      }
      return;
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//') || url === '') return;
    const path = decodeURI(url.split(/[?#]/)[0] ?? '');
    const state = target(path, nodeFile(node) ?? doc.ref.source);
    if (state === 'missing') fail(doc.file, `Link to \`${url}\`: no such file in the content folder`, where);
    if (state === 'outside') fail(doc.file, `Link to \`${url}\` leaves the content folder`, where);
  });
}

/** Pure: `disclaimer`. The brand's disclaimer must appear in the rendered handout. */
export function checkDisclaimer(doc: PreparedDocument, handoutText: string, disclaimer: string, template: string): void {
  const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
  if (flat(handoutText).includes(flat(disclaimer))) return;
  fail(doc.file, `The handout does not show the clinic's disclaimer: the template \`${template}\` must print \`{{ t.disclaimer }}\``, {
    place: { line: 1, column: 1 },
    ruleId: 'disclaimer',
    in: template,
  });
}

import GithubSlugger from 'github-slugger';
import type { Link } from 'mdast';
import { toString as nodeText } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { nodeFile } from '../core/diagnostics.js';
import { MALFORMED_HINT, safeDecodeUri, safeDecodeUriComponent } from '../core/uri.js';
import type { SourceRule } from './rule.js';

/**
 * `link-broken`: a link to `#anchor` must name a heading of the document (as slugged for its id);
 * a relative link must name a file inside the content folder.
 */
export const linkBroken: SourceRule = {
  id: 'link-broken',
  stage: 'source',
  severity: 'error',
  configurable: true,
  description: '`#anchor` links name a heading; relative links name a file in `content/`',
  check(doc, context, { report }) {
    const slugger = new GithubSlugger();
    const anchors = new Set<string>();
    visit(doc.tree, 'heading', (heading) => {
      anchors.add(slugger.slug(nodeText(heading)));
    });
    visit(doc.tree, 'link', (node: Link) => {
      const { url } = node;
      const where = { place: node.position, in: nodeFile(node) };
      if (url.startsWith('#')) {
        const anchor = safeDecodeUriComponent(url.slice(1));
        if (anchor === undefined) return report(`Link \`${url}\` has a malformed percent escape: ${MALFORMED_HINT}`, where);
        if (!anchors.has(anchor)) {
          report(`Link to \`${url}\` matches no heading in this document${anchors.size ? ` (headings: #${[...anchors].slice(0, 6).join(', #')})` : ''}`, where);
        }
        return;
      }
      if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//') || url === '') return;
      const path = safeDecodeUri(url.split(/[?#]/)[0] ?? '');
      if (path === undefined) return report(`Link \`${url}\` has a malformed percent escape: ${MALFORMED_HINT}`, where);
      const state = context.linkTarget(path, nodeFile(node) ?? doc.ref.source);
      if (state === 'missing') report(`Link to \`${url}\`: no such file in the content folder`, where);
      if (state === 'outside') report(`Link to \`${url}\` leaves the content folder`, where);
    });
  },
};

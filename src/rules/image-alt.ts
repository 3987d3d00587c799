import type { Image } from 'mdast';
import { visit } from 'unist-util-visit';
import { nodeFile } from '../core/diagnostics.js';
import type { SourceRule } from './rule.js';

/** `image-alt`: every image needs alt text for readers who cannot see it. */
export const imageAlt: SourceRule = {
  id: 'image-alt',
  stage: 'source',
  severity: 'error',
  configurable: true,
  description: 'every image has alt text',
  check(doc, _context, { report }) {
    visit(doc.tree, 'image', (node: Image) => {
      if (node.alt?.trim()) return;
      report('Image has no alt text: describe what it shows, as in `![An MRI scan of the spine](mri.png)`', {
        place: node.position,
        in: nodeFile(node),
      });
    });
  },
};

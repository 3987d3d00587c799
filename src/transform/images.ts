import type { Image, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { fail, nodeFile } from '../core/diagnostics.js';
import { IMAGE_RULES, type ResolveAsset } from '../core/lookups.js';

export type { AssetLookup, ResolveAsset } from '../core/lookups.js';

/**
 * Pure: replaces every image URL with an inline `data:` URL, so the rendered pages need no file
 * or network access and the HTML outputs stand alone. A missing, remote or outside image is a
 * located error, never a silently broken picture.
 */
export function inlineImages(tree: Root, file: VFile, resolve: ResolveAsset, self: string, onRead?: (file: string, sha256: string) => void): void {
  visit(tree, 'image', (node: Image) => {
    const from = nodeFile(node) ?? self;
    const found = resolve(node.url, from);
    if (found.ok) {
      node.url = found.dataUrl;
      if (found.file && found.sha256) onRead?.(found.file, found.sha256);
      return;
    }
    fail(file, found.detail, { place: node.position, ruleId: IMAGE_RULES[found.reason], in: nodeFile(node) });
  });
}

import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { LinkTarget, ResolveAsset, ResolveInclude, TranslationSource } from '../core/lookups.js';
import { sha256 } from '../core/hash.js';
import { LIMITS } from '../core/limits.js';
import { MALFORMED_HINT, safeDecodeUri } from '../core/uri.js';
import { toPosix, within } from '../core/paths.js';

const IMAGE_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
};

/**
 * The I/O edge of the transform stage: reads included files and images for it, confined to the
 * content folder. Paths resolve from the file that names them; a path that leaves the content
 * folder, also through a symbolic link, is refused.
 */
export function createResolvers(
  contentDir: string,
  root: string,
): { resolveInclude: ResolveInclude; resolveAsset: ResolveAsset; linkTarget: LinkTarget; translationSource: TranslationSource } {
  const contentReal = realpathSync(contentDir);
  const locate = (target: string, from: string) => {
    const absolute = path.resolve(root, path.dirname(from), target);
    const file = toPosix(path.relative(root, absolute));
    if (!within(contentDir, absolute)) return { file, absolute, state: 'outside' as const };
    if (!existsSync(absolute) || !statSync(absolute).isFile()) return { file, absolute, state: 'missing' as const };
    if (!within(contentReal, realpathSync(absolute))) return { file, absolute, state: 'outside' as const };
    return { file, absolute, state: 'ok' as const };
  };

  const resolveInclude: ResolveInclude = (src, from) => {
    const found = locate(src, from);
    if (found.state !== 'ok') return { ok: false, file: found.file, reason: found.state };
    return { ok: true, file: found.file, text: readFileSync(found.absolute, 'utf8') };
  };

  const resolveAsset: ResolveAsset = (url, from) => {
    if (/^data:image\/(png|jpeg|gif|webp);base64,/i.test(url)) return { ok: true, dataUrl: url };
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) {
      return {
        ok: false,
        reason: 'remote',
        detail: `Image \`${url}\` is not a file in the content folder; rendering never loads from the network or elsewhere`,
      };
    }
    const target = safeDecodeUri(url.split(/[?#]/)[0] ?? '');
    if (target === undefined) return { ok: false, reason: 'malformed', detail: `Image \`${url}\` has a malformed percent escape: ${MALFORMED_HINT}` };
    const type = IMAGE_TYPES[path.extname(target).toLowerCase()];
    const found = locate(target, from);
    if (found.state === 'outside') {
      return { ok: false, reason: 'outside', detail: `Image \`${url}\` resolves outside the content folder` };
    }
    if (found.state === 'missing') {
      return { ok: false, reason: 'missing', detail: `Image file not found: \`${url}\` (looked for \`${found.file}\`)` };
    }
    if (!type) {
      return { ok: false, reason: 'unsupported', detail: `Image \`${url}\` is not a PNG, JPEG, GIF, WebP or SVG file` };
    }
    const size = statSync(found.absolute).size;
    if (size > LIMITS.imageBytes) {
      return {
        ok: false,
        reason: 'large',
        detail: `Image \`${url}\` is ${(size / 1048576).toFixed(1)} MB; the limit is ${LIMITS.imageBytes / 1048576} MB: make it smaller`,
      };
    }
    const bytes = readFileSync(found.absolute);
    return { ok: true, dataUrl: `data:${type};base64,${bytes.toString('base64')}`, file: found.file, sha256: sha256(bytes) };
  };

  const linkTarget: LinkTarget = (url, from) => {
    const found = locate(url, from);
    if (found.state === 'ok') return 'ok';
    // A link may also name a folder (`conditions/`) inside the content folder.
    if (found.state === 'missing' && within(contentDir, found.absolute) && existsSync(found.absolute)) return 'ok';
    return found.state;
  };

  const translationSource: TranslationSource = (ref) => {
    if (!ref.folder) return undefined;
    const found = locate(`${ref.slug}.md`, toPosix(path.relative(root, path.join(contentDir, 'x'))));
    return found.state === 'ok' ? { source: found.file, text: readFileSync(found.absolute, 'utf8') } : undefined;
  };

  return { resolveInclude, resolveAsset, linkTarget, translationSource };
}

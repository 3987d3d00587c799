import type { Html, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { parse } from 'yaml';
import { fail, nodeFile, warn } from '../core/diagnostics.js';
import { IMAGE_RULES, type ResolveAsset } from '../core/lookups.js';

declare module 'mdast' {
  interface HtmlData {
    /** Marp directives written in this comment that content may set, checked and made safe. */
    directives?: Record<string, string | boolean>;
  }
}

/** Every directive Marp reads from a comment (global and local, without the `_` of a scoped one). */
const MARP_DIRECTIVES = new Set([
  'theme',
  'style',
  'headingDivider',
  'lang',
  'size',
  'math',
  'title',
  'description',
  'author',
  'image',
  'keywords',
  'url',
  'marp',
  'paginate',
  'header',
  'footer',
  'class',
  'backgroundColor',
  'backgroundImage',
  'backgroundPosition',
  'backgroundRepeat',
  'backgroundSize',
  'color',
]);
/** What content may set: a class the theme defines, page numbers, header and footer text, a background image from content/. */
const ALLOWED = ['class', 'paginate', 'header', 'footer', 'backgroundImage'];

/**
 * Pure: Marp reads HTML comments as directives (`<!-- _class: title -->`), which could restyle a
 * deck or load from outside. Each comment in content is read here: directives from the allow-list
 * are checked and kept on the node for the deck; any other Marp directive is dropped with a
 * located warning. A background image resolves and is embedded like any other image, inside
 * `content/` only. Comments that are not directives are left alone (the sanitiser drops them).
 */
export function collectSlideDirectives(
  tree: Root,
  file: VFile,
  options: { classes: readonly string[]; resolveAsset: ResolveAsset; self: string; onRead?: (file: string, sha256: string) => void },
): void {
  visit(tree, 'html', (node: Html) => {
    const inner = /^<!--([\s\S]*)-->$/.exec(node.value.trim())?.[1];
    const parsed = inner === undefined ? undefined : readYaml(inner);
    if (!parsed) return;
    const where = { place: node.position, ruleId: 'slide-directive', in: nodeFile(node) };
    const kept: Record<string, string | boolean> = {};
    for (const [key, value] of Object.entries(parsed)) {
      const name = key.replace(/^_/, '');
      if (!MARP_DIRECTIVES.has(name)) continue;
      if (!ALLOWED.includes(name)) {
        warn(file, `Marp directive \`${key}\` was dropped: content may set only ${ALLOWED.join(', ')} (the theme styles the rest)`, where);
        continue;
      }
      const checked = checkValue(name, value, options, (message) => warn(file, message, where));
      if (checked === undefined) continue;
      if (name === 'backgroundImage') {
        const found = options.resolveAsset(String(checked), nodeFile(node) ?? options.self);
        if (!found.ok) {
          fail(file, found.detail, { ...where, ruleId: IMAGE_RULES[found.reason] });
          continue;
        }
        if (found.file && found.sha256) options.onRead?.(found.file, found.sha256);
        kept[key] = `url("${found.dataUrl}")`;
      } else kept[key] = checked;
    }
    if (Object.keys(kept).length) node.data = { ...node.data, directives: kept };
  });
}

function checkValue(name: string, value: unknown, options: { classes: readonly string[] }, reject: (message: string) => void): string | boolean | undefined {
  if (name === 'paginate') {
    if (typeof value === 'boolean' || value === 'skip' || value === 'hold') return value;
    reject('`paginate` takes true, false, skip or hold');
    return undefined;
  }
  if (typeof value !== 'string') {
    reject(`\`${name}\` takes text`);
    return undefined;
  }
  if (name === 'class') {
    const unknown = value.split(/\s+/).filter((c) => c && !options.classes.includes(c));
    if (unknown.length) {
      reject(`Slide class \`${unknown.join(' ')}\` is not in the theme (known: ${options.classes.join(', ')}); the directive was dropped`);
      return undefined;
    }
    return value.trim();
  }
  if (name === 'backgroundImage') {
    const url = /^url\(\s*["']?([^"')]+)["']?\s*\)$/.exec(value.trim())?.[1] ?? value.trim();
    return url;
  }
  return value;
}

function readYaml(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

import type { Image, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import { nodeFile } from '../core/diagnostics.js';
import type { SourceRule } from './rule.js';

/** A placeholder: the word `TODO`, in capitals, as `handouts new` writes them. */
const TODO = /\bTODO\b/;

/** At most this much of the text around a placeholder is quoted. */
const QUOTE = 60;

const quoted = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  const start = Math.max(0, flat.search(TODO));
  const piece = flat.slice(start, start + QUOTE);
  return `“${start ? '…' : ''}${piece}${start + QUOTE < flat.length ? '…' : ''}”`;
};

/** `authors` entry 1, `title` of `sources` entry 1. */
function fieldName(path: (string | number)[]): string {
  const [key, ...rest] = path;
  let name = `\`${key}\``;
  for (const part of rest) name = typeof part === 'number' ? `${name} entry ${part + 1}` : `\`${part}\` of ${name}`;
  return name;
}

/** Every string in a front-matter value that holds a placeholder, with where it sits. */
function placeholders(value: unknown, path: (string | number)[]): { path: (string | number)[]; text: string }[] {
  if (typeof value === 'string') return TODO.test(value) ? [{ path, text: value }] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => placeholders(item, [...path, index]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => placeholders(item, [...path, key]));
  return [];
}

/** `placeholder`: a `TODO` left in the front matter or the text, as `handouts new` writes them. */
export const placeholder: SourceRule = {
  id: 'placeholder',
  stage: 'source',
  severity: 'warning',
  configurable: true,
  description: 'a `TODO` placeholder left in the front matter or the text',
  check(doc, _context, { report }) {
    for (const [key, value] of Object.entries(doc.meta)) {
      for (const found of placeholders(value, [key])) {
        report(`Placeholder left in the front matter's ${fieldName(found.path)}: ${quoted(found.text)}; write the real text`, {
          place: doc.metaPlaces[key],
        });
      }
    }
    visit(doc.tree, (node) => {
      const text = node.type === 'text' ? (node as Text).value : node.type === 'image' ? ((node as Image).alt ?? '') : '';
      if (!TODO.test(text)) return;
      report(`Placeholder left in the text: ${quoted(text)}; write the real text`, {
        place: node.position,
        in: nodeFile(node),
      });
    });
  },
};

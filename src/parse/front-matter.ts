import type { Root, Yaml } from 'mdast';
import { isMap, isScalar } from 'yaml';
import type { VFile } from 'vfile';
import { frontMatterSchema, type FrontMatter } from './schema.js';
import { validateYaml } from '../core/yaml.js';
import { fail, type Place } from '../core/diagnostics.js';

export interface FrontMatterResult {
  meta?: FrontMatter;
  /** Where each top-level key is written, for rules that point at a field (`review_due`). */
  places: Record<string, Place>;
  /** Where the front matter starts. */
  start: Place;
}

/**
 * Pure: reads and validates the YAML front matter of a parsed document. Problems become
 * `front-matter` errors on `file`, located at the offending key or value; returns undefined then.
 */
export function readFrontMatter(tree: Root, file: VFile): FrontMatterResult {
  const start = { line: 1, column: 1 };
  const node = tree.children.find((child): child is Yaml => child.type === 'yaml');
  if (!node?.position) {
    fail(file, 'Missing front matter: the document must start with a `---` block holding `title`, `condition` and `reviewed`', {
      place: { line: 1, column: 1 },
      ruleId: 'front-matter',
    });
    return { places: {}, start };
  }
  // The YAML text starts on the line after the opening `---`.
  const offset = node.position.start.line;
  const validated = validateYaml(node.value, frontMatterSchema);
  const { parsed } = validated;
  const issues = validated.ok ? [] : validated.issues;
  for (const issue of issues) {
    fail(file, issue.message, { place: { line: issue.line + offset, column: issue.column }, ruleId: 'front-matter' });
  }
  const places: Record<string, Place> = {};
  if (isMap(parsed.doc.contents)) {
    for (const pair of parsed.doc.contents.items) {
      if (!isScalar(pair.key) || !pair.key.range) continue;
      const at = parsed.lineCounter.linePos(pair.key.range[0]);
      places[String(pair.key.value)] = { line: at.line + offset, column: at.col };
    }
  }
  return { meta: validated.ok ? validated.value : undefined, places, start };
}

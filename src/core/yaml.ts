import leven from 'leven';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { knownKeys } from './known-keys.js';

/** A problem found in a YAML text, located by 1-based line and column within that text. */
export interface YamlIssue {
  line: number;
  column: number;
  message: string;
}

export interface ParsedYaml {
  doc: Document;
  lineCounter: LineCounter;
  /** YAML syntax errors; when present `value` is not to be trusted. */
  syntax: YamlIssue[];
  value: unknown;
}

export function parseYaml(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const syntax = doc.errors.map((error) => {
    const at = lineCounter.linePos(error.pos[0]);
    return { line: at.line, column: at.col, message: firstLine(error.message) };
  });
  return { doc, lineCounter, syntax, value: syntax.length ? undefined : doc.toJS() };
}

/**
 * Turns schema issues into located messages: each points at the key (for unknown or wrong keys)
 * or at the value that is wrong, so editors and CI annotations land on the right line.
 */
export function locateSchemaIssues(
  parsed: ParsedYaml,
  issues: readonly z.core.$ZodIssue[],
  knownKeys: (parentPath: readonly PropertyKey[]) => readonly string[],
): YamlIssue[] {
  return issues.flatMap(unwrapUnion).flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const path = [...issue.path, key];
        const known = knownKeys(issue.path);
        const hint = suggest(key, known);
        return {
          ...position(parsed, path, 'key'),
          message: `Unknown field \`${path.join('.')}\`${hint ? `; did you mean \`${hint}\`?` : ''}`,
        };
      });
    }
    const path = issue.path.map(String);
    const missing = issue.code === 'invalid_type' && getIn(parsed.value, issue.path) === undefined;
    const where = missing ? position(parsed, path.slice(0, -1), 'value') : position(parsed, path, 'value');
    const label = path.length ? `\`${path.join('.')}\`` : 'The document';
    const message = missing ? `Missing required field ${label}` : `${label}: ${issue.message}`;
    return [{ ...where, message }];
  });
}

/**
 * A value that matches no branch of a union (a source written as text or as an object) is
 * reported through the branch that got furthest, so the message names the exact wrong field.
 */
function unwrapUnion(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union' || !issue.errors.length) return [issue];
  const depth = (branch: z.core.$ZodIssue[]) => Math.max(...branch.map((i) => i.path.length));
  const best = issue.errors.reduce((a, b) => (depth(b) > depth(a) ? b : a));
  return best.flatMap((inner) => unwrapUnion({ ...inner, path: [...issue.path, ...inner.path] } as z.core.$ZodIssue));
}

export type Validated<T> = { ok: true; value: T; parsed: ParsedYaml } | { ok: false; issues: YamlIssue[]; parsed: ParsedYaml };

/**
 * The one way a YAML text is read against a schema (config file, brand, template text, front
 * matter): syntax errors first, then schema issues, each located at the key or value at fault,
 * with a "did you mean" hint for unknown keys.
 */
export function validateYaml<T>(text: string, schema: z.ZodType<T>): Validated<T> {
  const parsed = parseYaml(text);
  if (parsed.syntax.length) return { ok: false, issues: parsed.syntax, parsed };
  const result = schema.safeParse(parsed.value ?? {});
  if (result.success) return { ok: true, value: result.data, parsed };
  return { ok: false, issues: locateSchemaIssues(parsed, result.error.issues, (at) => knownKeys(schema, at)), parsed };
}

function suggest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = leven(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

function position(parsed: ParsedYaml, path: readonly (string | number | symbol)[], part: 'key' | 'value') {
  let node: unknown = parsed.doc.contents;
  let range: readonly number[] | undefined = (node as { range?: number[] } | null)?.range;
  for (const segment of path) {
    if (!isMap(node) && !(node && typeof node === 'object' && 'items' in node)) break;
    const items = (node as { items: unknown[] }).items;
    const pair = isMap(node) ? node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment)) : undefined;
    if (pair) {
      const target = part === 'key' && segment === path[path.length - 1] ? pair.key : (pair.value ?? pair.key);
      range = (target as { range?: number[] } | null)?.range ?? range;
      node = pair.value;
    } else if (!isMap(node) && items[Number(segment)]) {
      node = items[Number(segment)];
      range = (node as { range?: number[] }).range ?? range;
    } else break;
  }
  const at = parsed.lineCounter.linePos(range?.[0] ?? 0);
  return { line: at.line, column: at.col };
}

function getIn(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}

import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A synthetic project of `count` conditions made from the real content: the three condition
 * documents cycled, each copy with its own title and slug, all sharing the real partials.
 */
export function generateProject(repo: string, dir: string, count: number): string[] {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'content'), { recursive: true });
  cpSync(path.join(repo, 'templates'), path.join(dir, 'templates'), { recursive: true });
  cpSync(path.join(repo, 'content/_partials'), path.join(dir, 'content/_partials'), { recursive: true });
  const sources = readdirSync(path.join(repo, 'content'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => readFileSync(path.join(repo, 'content', name), 'utf8'));
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = String(i + 1).padStart(4, '0');
    const text = sources[i % sources.length]!.replace(/^title: (.*)$/m, `title: $1 (${n})`);
    const file = path.join(dir, 'content', `condition-${n}.md`);
    writeFileSync(file, text);
    files.push(file);
  }
  return files;
}

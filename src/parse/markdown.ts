import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

declare module 'unist' {
  interface Data {
    /** The source file (project-relative) a node was written in, set on nodes pulled in by an include. */
    file?: string;
  }
}

/** The Markdown dialect of the contract: GFM, directives, YAML front matter. */
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective);

/** Pure: Markdown text to an mdast tree with positions. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}

export { processor as markdownProcessor };

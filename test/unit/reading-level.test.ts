import { describe, expect, it } from 'vitest';
import { checkGrade as checkReadability } from '../../src/rules/readability-en.js';
import { readingLevel } from '../../src/rules/reading-level.js';
import { reporterFor } from '../../src/rules/report.js';
import { FRONT, prepare, type Files } from '../helpers/docs.js';

const NO_SUMMARY = FRONT.replace('summary: A short summary.\n', '');

/** Judged hard by every formula and far above grade 10, so it is always pointed out. */
const HARD =
  'Notwithstanding considerable methodological heterogeneity, contemporary investigational mesenchymal stromal interventions demonstrate preliminary immunomodulatory efficacy';

function grade(body: string, options: { front?: string; files?: Files } = {}) {
  const source = (options.front ?? NO_SUMMARY) + body;
  const { document, file } = prepare('content/a.md', { 'content/a.md': source, ...options.files });
  if (!document) throw new Error(file.messages.map(String).join('\n'));
  const figures = checkReadability(document, readingLevel.defaults!, reporterFor(readingLevel, document.file));
  const hard = document.file.messages
    .filter((m) => m.ruleId === 'reading-level' && m.reason.startsWith('Hard'))
    .map((m) => ({ file: m.file, line: m.line, column: m.column, reason: m.reason }));
  return { ...figures, hard, source };
}

/** 1-based line and column of the first `needle` in `text`. */
function at(text: string, needle: string): { line: number; column: number } {
  const before = text.slice(0, text.indexOf(needle));
  if (before.length === text.length) throw new Error(`${needle} not in text`);
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1) as string).length + 1 };
}

const PROSE = 'We will help you. You can ask us anything.\n';

describe('reading-level: what is graded', () => {
  describe('tables', () => {
    const TABLE = `
| When | What to do |
| --- | --- |
| Morning | Take one pill with food |
| Night | Take two pills |
`;

    it('counts every cell, each cell as its own sentence', () => {
      const without = grade(PROSE);
      const withTable = grade(PROSE + TABLE);
      // When, What to do, Morning, Take one pill with food, Night, Take two pills.
      expect(withTable.words - without.words).toBe(14);
      expect(withTable.sentences - without.sentences).toBe(6);
    });

    it('changes the grade with the words in the cells', () => {
      const hardTable = `\n| Treatment | Note |\n| --- | --- |\n| Immunomodulatory intervention | Investigational administration |\n`;
      expect(grade(PROSE + hardTable).grade).toBeGreaterThan(grade(PROSE).grade);
    });

    it('points out a hard cell at the cell, in the partial when the table is in one', () => {
      const row = `| Stem cells | ${HARD} |`;
      const table = `\n| Treatment | What we know |\n| --- | --- |\n${row}\n`;
      const own = grade(PROSE + table);
      expect(own.hard).toEqual([expect.objectContaining({ file: 'content/a.md', ...at(own.source, 'Notwithstanding') })]);
      expect(own.hard[0]!.reason).toContain('Notwithstanding considerable');

      const partial = `# Partial\n${table}`;
      const included = grade(`${PROSE}\n::include{src="_partials/p.md"}\n`, { files: { 'content/_partials/p.md': partial } });
      expect(included.hard).toEqual([expect.objectContaining({ file: 'content/_partials/p.md', ...at(partial, 'Notwithstanding') })]);
    });

    it('counts a table inside a quote or a list', () => {
      expect(grade('> | Tip |\n> | --- |\n> | Drink some water |\n').words).toBe(4);
      expect(grade('- Tips:\n\n  | Tip |\n  | --- |\n  | Drink some water |\n').words).toBe(5);
    });
  });

  describe('raw HTML', () => {
    it('counts the text of a <p> block', () => {
      const html = grade(`${PROSE}\n<p>Drink plenty of water every day.</p>\n`);
      expect(html.words - grade(PROSE).words).toBe(6);
      expect(html.sentences - grade(PROSE).sentences).toBe(1);
    });

    it('counts each HTML block as its own sentence, as Markdown list items are', () => {
      expect(grade('<ul><li>Rest</li><li>Drink water</li></ul>\n')).toMatchObject({ words: 3, sentences: 2 });
    });

    it('leaves out scripts, style sheets and comments, the sanitiser removes them', () => {
      const body = [
        '<div><p>Seen text here.</p><script>var hidden = "script words";</script><!-- editor comment words --></div>',
        '',
        '<style>\n.note { color: red; }\n</style>',
        '',
        '<!-- a comment\nover several lines -->',
        '',
        '<script>\nalert("more hidden words");\n</script>',
        '',
        'Take your pills. <script>alert("inline hidden words")</script><!-- inline comment --> Rest well.',
        '',
      ].join('\n');
      // "Seen text here." and "Take your pills. Rest well."
      expect(grade(body)).toMatchObject({ words: 8, sentences: 3 });
    });

    it('points out a hard sentence in an HTML block at the block', () => {
      const result = grade(`${PROSE}\n<div>\n<p>${HARD}.</p>\n</div>\n`);
      expect(result.hard).toEqual([expect.objectContaining({ ...at(result.source, '<div>') })]);
      expect(result.hard[0]!.reason).toContain('Notwithstanding considerable');
    });
  });

  describe('the summary', () => {
    it('counts the summary printed under the title', () => {
      const withSummary = grade(PROSE, { front: FRONT });
      expect(withSummary.words - grade(PROSE).words).toBe(3);
      expect(withSummary.sentences - grade(PROSE).sentences).toBe(1);
    });

    it('points out a hard summary at its key', () => {
      const front = FRONT.replace('summary: A short summary.', `summary: ${HARD}.`);
      const result = grade(PROSE, { front });
      expect(result.hard).toEqual([expect.objectContaining({ file: 'content/a.md', ...at(result.source, 'summary:') })]);
    });
  });

  describe('what is left out', () => {
    it('leaves out speaker notes, slide-only blocks and the sources section, not what follows it', () => {
      const body = `${PROSE}
:::notes
Tell them about the many long investigational studies in considerable detail.
:::

:::slide
Only on the slide, with several extra words.
:::

:::handout
Only on paper.
:::

## Sources

Smith J, Jones K. Mesenchymal stromal cells in demyelinating disease. Journal of Neurology. 2024.

## Next steps

Call us.
`;
      // PROSE (9), "Only on paper." (3), "Next steps" (2), "Call us." (2)
      expect(grade(body).words).toBe(16);
    });

    it('leaves out code blocks', () => {
      expect(grade(`${PROSE}\n\`\`\`\nsome code words here\n\`\`\`\n`).words).toBe(grade(PROSE).words);
    });
  });

  describe('headings and list items', () => {
    it('counts a heading as a sentence and each list item as one, with or without a full stop', () => {
      expect(grade('## Your visit\n\n- Bring your pills\n- Bring a friend.\n- Rest\n')).toMatchObject({ words: 9, sentences: 4 });
    });

    it('counts every item of a list longer than one parsing run', () => {
      const items = Array.from({ length: 250 }, (_, i) => `- Item ${i + 1}`).join('\n');
      expect(grade(`${items}\n`)).toMatchObject({ words: 500, sentences: 250 });
    });

    it('counts a nested list item apart from its parent', () => {
      expect(grade('- Bring your pills\n  - Bring the box\n')).toMatchObject({ words: 6, sentences: 2 });
    });
  });

  it('points out a hard sentence at the sentence, also beside inline HTML that hides nothing', () => {
    const result = grade(`${PROSE}\nYou can rest <abbr title="at home">here</abbr>. ${HARD}.\n`);
    expect(result.hard).toEqual([expect.objectContaining({ file: 'content/a.md', ...at(result.source, 'Notwithstanding') })]);
  });

  it('grades a partial included twice in a row twice', () => {
    const files = { 'content/_partials/p.md': 'Drink some water.\n\nRest well.\n' };
    const result = grade('::include{src="_partials/p.md"}\n\n::include{src="_partials/p.md"}\n', { files });
    expect(result).toMatchObject({ words: 10, sentences: 4 });
  });

  it('points out a hard sentence of the body at the sentence', () => {
    const result = grade(`${PROSE}\nYou can rest. ${HARD}.\n`);
    expect(result.hard).toEqual([expect.objectContaining({ file: 'content/a.md', ...at(result.source, 'Notwithstanding') })]);
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionable } from '../../src/rules/actionable.js';
import { longSentence } from '../../src/rules/long-sentence.js';
import { passiveVoice } from '../../src/rules/passive-voice.js';
import { plainWords } from '../../src/rules/plain-words.js';
import type { RuleContext, SourceRule } from '../../src/rules/rule.js';
import { runSourceRule } from '../../src/rules/run.js';
import { resolveRules } from '../../src/rules/settings.js';
import type { RulesConfig } from '../../src/rules/schema.js';
import { loadPlainWords } from '../../src/templates/plain-words.js';
import { FRONT, prepare, TEST_STRINGS } from '../helpers/docs.js';
import { REPO } from '../helpers/project.js';

const LISTS = loadPlainWords(path.join(REPO, 'templates'), REPO);

/** Runs one source rule on a document in `lang`, returning its messages with where they are. */
function run(rule: SourceRule, body: string, options: { lang?: string; front?: string; rules?: RulesConfig } = {}) {
  const lang = options.lang ?? 'en';
  const front = (options.front ?? FRONT).replace('---\ntitle:', `---\nlang: ${lang}\ntitle:`);
  const source = front + body;
  const prepared = prepare('content/a.md', { 'content/a.md': source, 'content/_partials/p.md': 'The efficacy is unclear.\n' }, undefined, ['en', 'es']);
  const document = prepared.document;
  if (!document) throw new Error(prepared.file.messages.map(String).join('\n'));
  const context: RuleContext = {
    rules: resolveRules(options.rules),
    today: '2026-12-01',
    linkTarget: () => true as never,
    strings: TEST_STRINGS,
    templatesDir: 'templates',
    plainWords: LISTS[lang],
  };
  const facts = runSourceRule(rule, document, context);
  const said = document.file.messages.map((m) => ({ line: m.line, column: m.column, file: m.file, reason: m.reason, expected: m.expected }));
  return { said, facts, source };
}

/** 1-based line and column of the first `needle` in `text`. */
function at(text: string, needle: string): { line: number; column: number } {
  const before = text.slice(0, text.indexOf(needle));
  if (before.length === text.length) throw new Error(`${needle} not in text`);
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1) as string).length + 1 };
}

describe('the word lists', () => {
  it('ship at least 150 English and 80 Spanish terms, each with words to say and a source named in the file', () => {
    expect(LISTS.en!.terms.length).toBeGreaterThanOrEqual(150);
    expect(LISTS.es!.terms.length).toBeGreaterThanOrEqual(80);
    for (const list of [LISTS.en!, LISTS.es!]) {
      for (const term of list.terms) {
        expect(term.say.length, term.term).toBeGreaterThan(0);
        expect(term.source, term.term).toMatch(/\S/);
      }
      expect(new Set(list.terms.map((t) => t.term)).size).toBe(list.terms.length);
    }
  });
});

describe('plain-words', () => {
  it('flags a formal word at its line and column, with the everyday words to say instead', () => {
    const { said, source } = run(plainWords, '\n## Results\n\nThe efficacy of this treatment is not known yet.\n');
    expect(said).toEqual([
      {
        ...at(source, 'efficacy of this'),
        file: 'content/a.md',
        reason: '“efficacy”: say “how well it works” instead, or explain it where it is used',
        expected: ['how well it works'],
      },
    ]);
  });

  it('matches plurals, verb forms and terms of several words', () => {
    const { said, source } = run(plainWords, '\nA nurse administered the drug. Adverse events were rare. She is administering it again.\n');
    expect(said.map((s) => [s.line, s.column, s.reason.split(':')[0]])).toEqual([
      [at(source, 'administered').line, at(source, 'administered').column, '“administered”'],
      [at(source, 'Adverse events').line, at(source, 'Adverse events').column, '“adverse events”'],
      [at(source, 'administering').line, at(source, 'administering').column, '“administering”'],
    ]);
  });

  it('does not flag a term explained in the same sentence or the next, nor its later uses', () => {
    const explained = [
      'Inflammation, which means swelling, can hurt. Inflammation can come back.',
      'Sjögren’s syndrome is an autoimmune disease. This means the body attacks itself.',
      'A placebo (a pill with no medicine in it) looks like the real one.',
      'A clinical trial is a careful research study that tests a treatment.',
      'Chronic pain means pain that lasts for months.',
    ];
    for (const text of explained) expect(run(plainWords, `\n${text}\n`).said, text).toEqual([]);
    // Not explained: a plain "or" with no comma, or a next sentence that does not explain.
    expect(run(plainWords, '\nChronic or sudden pain. It hurts.\n').said).toHaveLength(1);
  });

  it('explains a term in a heading by the sentence under it that explains it', () => {
    expect(run(plainWords, '\n## Can stem cells help chronic pain?\n\nChronic pain means pain that lasts for months or longer.\n').said).toEqual([]);
  });

  it('leaves names alone: "multiple" in "multiple sclerosis" is a name, not a formal word', () => {
    expect(run(plainWords, '\nMultiple sclerosis affects the nerves.\n').said).toEqual([]);
    expect(run(plainWords, '\nMultiple doctors agree.\n').said).toHaveLength(1);
  });

  it('checks the title, summary, lists, tables, notes, slide-only and brochure-only text, and partials; not code, addresses or keys', () => {
    const front = FRONT.replace('title: Test condition handout', 'title: The efficacy of rest').replace(
      'summary: A short summary.',
      'summary: We utilize rest.',
    );
    const body = `
- Obtain a form

| Step | Note |
| --- | --- |
| Commence | now |

:::notes
Facilitate the talk.
:::

:::slide
Additional help.
:::

:::brochure
Sufficient rest helps.
:::

\`efficacy\` in code, and [a link](https://example.org/efficacy) and <https://example.org/utilize>.

::include{src="_partials/p.md"}
`;
    const { said } = run(plainWords, body, { front });
    expect(said.map((s) => s.reason.split(':')[0])).toEqual([
      '“efficacy”',
      '“utilize”',
      '“obtain”',
      '“commence”',
      '“facilitate”',
      '“additional”',
      '“sufficient”',
      '“efficacy”',
    ]);
    // The summary and title are located at their keys; the partial's use in the partial.
    expect(said[0]).toMatchObject({ line: 3 });
    expect(said[1]).toMatchObject({ line: 5 });
    expect(said.at(-1)).toMatchObject({ file: 'content/_partials/p.md', line: 1, column: 5 });
  });

  it('takes terms a clinic adds, and drops terms it removes or names it keeps, per language', () => {
    const rules = {
      'plain-words': { add: { en: [{ term: 'neuropathy', say: ['nerve damage'] }] }, remove: { en: ['efficacy'] }, keep: { en: ['Additional Care Unit'] } },
    };
    const { said } = run(plainWords, '\nNeuropathy and efficacy. The Additional Care Unit helps.\n', { rules });
    expect(said.map((s) => s.reason)).toEqual(['“neuropathy”: say “nerve damage” instead, or explain it where it is used']);
  });

  it('reads Spanish with the Spanish list: gender, number and verb forms', () => {
    const { said } = run(plainWords, '\nLa eficacia no se conoce. Los ensayos clínicos continúan. El médico administra el fármaco.\n', { lang: 'es' });
    expect(said.map((s) => s.reason.split(':')[0])).toEqual(['“eficacia”', '“ensayos clínicos”', '“administra”', '“fármaco”']);
    expect(
      run(plainWords, '\nLa esclerosis múltiple afecta los nervios. Un ensayo clínico es un estudio que prueba un tratamiento.\n', { lang: 'es' }).said,
    ).toEqual([]);
  });
});

describe('passive-voice', () => {
  it('flags English passives, irregular and regular, located, with the sentence', () => {
    const { said, source } = run(
      passiveVoice,
      '\nPatients were given stem cells. The drug is often used. More studies are needed. I am tired. We tested it.\n',
    );
    expect(said.map((s) => [s.line, s.column, s.reason])).toEqual([
      [at(source, 'were given').line, at(source, 'were given').column, 'Passive voice (“were given”): “Patients were given stem cells.” Say who does what.'],
      [at(source, 'is often').line, at(source, 'is often').column, 'Passive voice (“is often used”): “The drug is often used.” Say who does what.'],
      [at(source, 'are needed').line, at(source, 'are needed').column, 'Passive voice (“are needed”): “More studies are needed.” Say who does what.'],
    ]);
  });

  it('flags Spanish ser + participle and se + verb, and leaves reflexives alone', () => {
    const { said } = run(passiveVoice, '\nEl tratamiento fue aprobado. Se usan células madre. Los datos serán revisados. Se siente mejor. Ella se lava.\n', {
      lang: 'es',
    });
    expect(said.map((s) => s.reason.split(':')[0])).toEqual([
      'Passive voice (“fue aprobado”)',
      'Passive voice (“se usan”)',
      'Passive voice (“serán revisados”)',
    ]);
  });
});

describe('long-sentence', () => {
  const words = (n: number) => `Start ${Array.from({ length: n - 2 }, () => 'word').join(' ')} end.`;
  it('flags a sentence over 20 words where it starts, and takes another limit from the config', () => {
    const { said, source } = run(longSentence, `\n${words(20)} ${words(21)}\n`);
    expect(said).toHaveLength(1);
    expect(said[0]!.reason).toMatch(/^Long sentence \(21 words; keep to 20 or fewer\)/);
    expect(said[0]).toMatchObject(at(source, words(21)));
    expect(run(longSentence, `\n${words(21)}\n`, { rules: { 'long-sentence': { words: 25 } } }).said).toEqual([]);
  });
});

describe('actionable', () => {
  it('asks for a section telling the reader what to do, and accepts one with a step', () => {
    const none = run(actionable, '\n## About it\n\nIt is a condition.\n');
    expect(none.facts).toEqual({ actions: false });
    expect(none.said[0]!.reason).toMatch(/^No section tells the reader what to do/);
    const good = run(actionable, '\n## What you can do\n\n- Ask your doctor about it.\n- Rest.\n');
    expect(good).toMatchObject({ facts: { actions: true }, said: [] });
    const empty = run(actionable, '\n## Questions to ask\n\nIt is normal to have questions.\n');
    expect(empty.said.map((s) => [s.line, s.reason.slice(0, 40)])).toEqual([
      [at(empty.source, '## Questions').line, 'The section “Questions to ask” tells the'],
    ]);
  });

  it('reads the headings of the language, or the ones the config gives', () => {
    expect(run(actionable, '\n## Qué puede hacer\n\n- Pregunte a su médico.\n', { lang: 'es' }).facts).toEqual({ actions: true });
    expect(run(actionable, '\n## Your plan\n\n- Call us.\n', { rules: { actionable: { headings: { en: ['Your plan'] } } } }).facts).toEqual({ actions: true });
  });
});

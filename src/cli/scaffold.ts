/**
 * Pure: the text of a new document for `handouts new`. Everything left for the author to write is
 * a `TODO` placeholder, which the `placeholder` rule reports until it is replaced.
 */

/** What a slug may be: lowercase letters, digits and single hyphens, as in `knee-pain`. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_RULE = 'a slug may use lowercase letters a-z, digits 0-9 and hyphens, starting with a letter or digit (as in `knee-pain`)';
const MAX_SLUG = 100;

/** Why a slug cannot name a new document, or undefined when it can. */
export function slugProblem(slug: string): string | undefined {
  if (slug.startsWith('_')) return `Slug \`${slug}\` starts with \`_\`, which marks a partial, not a document: ${SLUG_RULE}`;
  if (!SLUG.test(slug) || slug.length > MAX_SLUG) return `Slug \`${slug}\` is not a safe file name: ${SLUG_RULE}, at most ${MAX_SLUG} characters`;
  return undefined;
}

/** The same day one year later, `YYYY-MM-DD`; 29 February becomes 28 February. */
export function oneYearLater(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const leapDay = month === 2 && date === 29;
  return `${String(year + 1).padStart(4, '0')}-${String(month).padStart(2, '0')}-${leapDay ? '28' : String(date).padStart(2, '0')}`;
}

/** A partial of the content folder: its `src` as the new document includes it, and its text. */
export interface PartialFile {
  src: string;
  text: string;
}

interface Section {
  heading: string;
  body: string[];
}

/** A quoted YAML string: JSON's double-quoted strings are YAML too, and `TODO: x` needs the quotes. */
const quote = (text: string) => JSON.stringify(text);

const firstHeading = (text: string) => /^#{1,6}[ \t]+(.+?)[ \t#]*$/m.exec(text)?.[1]?.trim().toLowerCase();

export function scaffold(options: { slug: string; today: string; lang: string; partials: readonly PartialFile[] }): string {
  const { slug, today, lang } = options;
  const condition = `TODO: condition for ${slug}`;
  const sections: Section[] = [
    {
      heading: `What is ${condition}?`,
      body: ['TODO: Say what it is, in plain words.', '', '- TODO: A key point.', '- TODO: Another key point.'],
    },
    {
      heading: 'What treatments are there?',
      body: [
        'TODO: Say what the treatments are.',
        '',
        '- TODO: A treatment.',
        '- TODO: Another treatment.',
        '',
        ':::notes',
        'TODO: What to say while this slide is on the screen.',
        ':::',
      ],
    },
    {
      heading: 'Questions to ask your care team',
      // A step that starts with a verb: the section tells the reader what to do (the `actionable` rule).
      body: ['TODO: Say why questions help.', '', 'Ask your care team:', '', '- TODO: A question to ask.', '- TODO: Another question.'],
    },
  ];
  const include = (partial: PartialFile) => `::include{src="${partial.src}"}`;
  // A partial that is one of the sections (the shared questions) takes that section's place, so
  // the handout does not say it twice.
  const replaces = new Map<Section, PartialFile>();
  const rest: PartialFile[] = [];
  for (const partial of options.partials) {
    const section = sections.find((candidate) => !replaces.has(candidate) && candidate.heading.toLowerCase() === firstHeading(partial.text));
    if (section) replaces.set(section, partial);
    else rest.push(partial);
  }
  const lines = [
    '---',
    `title: ${quote(`TODO: title for ${slug}`)}`,
    `condition: ${quote(condition)}`,
    `summary: ${quote('TODO: One or two plain sentences under the title.')}`,
    `lang: ${lang}`,
    `reviewed: ${today}`,
    `review_due: ${oneYearLater(today)}`,
    'status: draft',
    'authors:',
    `  - ${quote('TODO: author or team')}`,
    'sources:',
    `  - title: ${quote('TODO: title of a source')}`,
    `    url: https://example.org/TODO-${slug}-source`,
    '---',
    '',
    'TODO: Say who this handout is for and what it explains.',
    '',
    ...rest.flatMap((partial) => [include(partial), '']),
    ...sections.flatMap((section) => {
      const partial = replaces.get(section);
      return partial ? [include(partial), ''] : [`## ${section.heading}`, '', ...section.body, ''];
    }),
  ];
  return lines.join('\n');
}

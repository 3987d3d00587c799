import type { PageRule } from './rule.js';

/**
 * `disclaimer`: the clinic's disclaimer is on every page a format lists this rule for, as the
 * reader sees it: in the laid-out page for printed formats, so text hidden by CSS does not count.
 */
export const disclaimer: PageRule = {
  id: 'disclaimer',
  stage: 'page',
  severity: 'error',
  configurable: true,
  description: "the brand's disclaimer is shown in every handout, deck and other printed format",
  check(_doc, { format, findings }, context, { report }) {
    const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
    if (flat(findings.text).includes(flat(context.strings.disclaimer))) return;
    const template = format.template ? `${context.templatesDir}/${format.template}` : undefined;
    const why = template ? `the template \`${template}\` must print \`{{ t.disclaimer }}\`, visibly` : `the ${format.label} must show it`;
    report(`The clinic's disclaimer is missing from what readers see: ${why}`, {
      place: { line: 1, column: 1 },
      in: template,
    });
  },
};

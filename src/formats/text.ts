import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';

/** The text of an HTML page as a reader would see it, for page rules on pages not printed. */
export function pageText(html: string): string {
  return toText(fromHtml(html));
}

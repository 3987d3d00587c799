import { Liquid, type Template } from 'liquidjs';
import { remember } from '../core/memo.js';

/**
 * The template engine: Liquid, which runs no arbitrary code. Every `{{ value }}` is HTML-escaped
 * unless the template asks for `| raw`: used only for sanitised HTML, the tool's own CSS, and
 * values inside `<style>` that went through `css_string` (HTML escapes mean nothing there).
 */
export function createLiquid(): Liquid {
  const liquid = new Liquid({ outputEscape: 'escape', strictFilters: true, ownPropertyOnly: true, cache: true });
  liquid.registerFilter('css_string', (value: unknown) => cssString(String(value ?? '')));
  return liquid;
}

const parsed = new WeakMap<Liquid, Map<string, Template[]>>();

/**
 * Renders a template's text, parsed once per engine: a build renders the same few templates for
 * every document, and parsing was most of Liquid's time.
 */
export function renderTemplate(liquid: Liquid, source: string, scope: object): string {
  let byText = parsed.get(liquid);
  if (!byText) {
    byText = new Map();
    parsed.set(liquid, byText);
  }
  return liquid.renderSync(
    remember(byText, source, 50, () => liquid.parse(source)),
    scope,
  ) as string;
}

/**
 * A CSS string literal. Written by hand because no maintained library serialises one: quotes and
 * backslashes are escaped, line breaks become `\A`, and `<` is escaped so content can never close
 * the `<style>` element it sits in.
 */
export function cssString(text: string): string {
  const body = text.replace(/[\\"<>\n\r\f]/g, (char) => `\\${char.charCodeAt(0).toString(16).toUpperCase()} `);
  return `"${body}"`;
}

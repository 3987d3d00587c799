import { readFileSync } from 'node:fs';
import type { ResolvedConfig } from '../config/types.js';
import { discoverDocuments } from '../discover/documents.js';
import { RenderContext } from '../formats/context.js';
import { requireFormat } from '../formats/registry.js';
import { pageText } from '../formats/text.js';
import type { BuildReport, DocumentReport } from '../report/types.js';
import { runPageRules } from '../rules/run.js';
import { analyseDocument, ruleContext } from './analyse.js';
import { documentEntry } from './entry.js';
import { Session } from './session.js';

export interface CheckOptions {
  config?: ResolvedConfig;
  session?: Session;
  sources?: readonly string[];
  /** The folder `sources` are relative to. Default: the config's project root. */
  cwd?: string;
}

/**
 * `handouts check`: parse, transform and every source rule, without a browser and without
 * writing anything. Each requested format's page is still made (that is pure), so page rules
 * that read the page's text (the disclaimer) run on it; rules that need the laid-out page
 * (slide overflow, blocked requests) run in `build`. A document with errors is `failed`; the
 * others are `skipped` (not rendered).
 */
export async function check(options: CheckOptions): Promise<BuildReport> {
  const started = performance.now();
  const session = options.session ?? new Session({ config: options.config ?? missingConfig() });
  const { config } = session;
  const tools = await session.loadTools();
  const formats = config.formats.map(requireFormat).filter((format) => format.page && format.pageRules.length);
  const documents: DocumentReport[] = [];
  for (const ref of discoverDocuments(config.content, config.root, options.sources, options.cwd ?? config.root)) {
    const analysed = analyseDocument(ref, readFileSync(ref.path, 'utf8'), tools);
    const { document } = analysed;
    if (document && !analysed.failed) {
      const context = new RenderContext(document, tools);
      for (const format of formats) {
        runPageRules(document, format, { text: pageText(await format.page!(context)) }, ruleContext(document, tools));
      }
    }
    const failed = analysed.failed || analysed.file.messages.some((message) => message.fatal);
    documents.push(documentEntry(ref, config, analysed, failed ? 'failed' : 'skipped'));
  }
  const failed = documents.filter((d) => d.status === 'failed').length;
  return {
    documents,
    summary: { built: 0, skipped: documents.length - failed, failed, ms: Math.round(performance.now() - started) },
  };
}

function missingConfig(): never {
  throw new TypeError('check() needs `config` (from loadConfig) or a `session`');
}

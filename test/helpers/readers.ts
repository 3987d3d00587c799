import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The programs an output's real readers use, from Debian's packages (MuPDF comes from its npm
 * package, see pdf-lines.ts). `.ci/run` installs them; on
 * a developer's machine a missing one skips the tests that need it, naming the command that
 * installs it, and under `CI=true` a missing one fails those tests instead.
 */
export const READERS = {
  qpdf: { command: 'qpdf', apt: 'qpdf', what: 'qpdf --check, the PDF structure checker print shops use' },
  pdftotext: { command: 'pdftotext', apt: 'poppler-utils', what: "poppler's text reader (Evince, Okular and most Linux PDF viewers)" },
  pdftoppm: { command: 'pdftoppm', apt: 'poppler-utils', what: "poppler's page renderer" },
  pdffonts: { command: 'pdffonts', apt: 'poppler-utils', what: "poppler's font lister" },
  zbarimg: { command: 'zbarimg', apt: 'zbar-tools', what: 'zbar, a QR code reader' },
  soffice: { command: 'soffice', apt: 'libreoffice-impress', what: 'LibreOffice Impress' },
  firefox: { command: 'firefox-esr', apt: 'firefox-esr', what: 'Firefox ESR' },
} as const;

export type ReaderName = keyof typeof READERS;

/** Where a program is on the PATH, if it is. */
function which(command: string): string | undefined {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  const where = found.stdout.trim();
  return found.status === 0 && where ? where : undefined;
}

/** The install line for the readers named. */
export function installLine(names: readonly ReaderName[]): string {
  return `apt-get install -y ${[...new Set(names.map((name) => READERS[name].apt))].join(' ')}`;
}

/**
 * The readers' paths, or why they cannot be used: a test calls `ctx.skip(missing)` with it
 * outside CI. Under `CI=true` a missing reader throws, so the run fails rather than skipping.
 */
export function findReaders(names: readonly ReaderName[]): { paths: Record<string, string>; missing?: string } {
  const paths: Record<string, string> = {};
  const absent: ReaderName[] = [];
  for (const name of names) {
    const where = which(READERS[name].command);
    if (where) paths[name] = where;
    else absent.push(name);
  }
  if (!absent.length) return { paths };
  const missing = `not installed: ${absent.map((name) => `${READERS[name].command} (${READERS[name].what})`).join(', ')}; install with \`${installLine(absent)}\``;
  if (process.env.CI === 'true') throw new Error(`A reader the tests need is ${missing}`);
  return { paths, missing };
}

/** `qpdf --check`: exit 0 (no problems) or 3 (warnings) is a readable file; the output says what it found. */
export function qpdfCheck(file: string): { ok: boolean; output: string } {
  const run = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

/** poppler's text of a PDF (every page, in its reading order). */
export function popplerText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/** poppler's document information (`pdfinfo`), field by field. */
export function popplerInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' });
  return Object.fromEntries(
    out.split('\n').flatMap((line) => {
      const match = /^([^:]+):\s*(.*)$/.exec(line);
      return match ? [[match[1]!.trim(), match[2]!]] : [];
    }),
  );
}

/** The fonts poppler finds in a PDF, by their base names, with whether each is embedded. */
export function popplerFonts(file: string): { name: string; embedded: boolean }[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return lines.map((line) => {
    const [name = '', ...rest] = line.trim().split(/\s+/);
    // Columns: name type encoding emb sub uni object ID; `emb` is the fourth from the end.
    return { name: name.replace(/^[A-Z]{6}\+/, ''), embedded: rest.at(-5) === 'yes' };
  });
}

/** The QR codes zbar finds on a page rendered at 300 dpi (as a phone's camera sees print). */
export function zbarCodes(pdf: string, page: number): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'handouts-zbar-'));
  try {
    execFileSync('pdftoppm', ['-r', '300', '-f', String(page), '-l', String(page), '-png', pdf, path.join(dir, 'page')]);
    const [picture] = readdirSync(dir);
    const run = spawnSync('zbarimg', ['--raw', '-q', path.join(dir, picture!)], { encoding: 'utf8' });
    return run.stdout.split('\n').filter(Boolean);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * LibreOffice Impress converts each file to PDF, all in one run, with a profile of its own (so
 * a desktop's running LibreOffice is not disturbed). Returns the PDFs by input file; a file it
 * could not open has none.
 */
export function libreOfficeToPdf(files: readonly string[], outDir: string, env: Record<string, string> = {}): Map<string, string | undefined> {
  const profile = mkdtempSync(path.join(tmpdir(), 'handouts-lo-profile-'));
  try {
    spawnSync(
      'soffice',
      [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...files],
      {
        encoding: 'utf8',
        timeout: 300_000,
        env: { ...process.env, ...env },
      },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return new Map(
    files.map((file) => {
      const pdf = path.join(outDir, `${path.basename(file, path.extname(file))}.pdf`);
      return [file, existsSync(pdf) ? pdf : undefined];
    }),
  );
}

/**
 * Parses XML with saxes, a conformant (non-validating) XML 1.0 parser that stops at the first
 * well-formedness error, as PowerPoint and LibreOffice do; returns the error, or undefined.
 */
export async function strictXmlError(xml: string): Promise<string | undefined> {
  const { SaxesParser } = await import('saxes');
  const parser = new SaxesParser({ xmlns: true });
  let error: string | undefined;
  parser.on('error', (e) => {
    error ??= e.message;
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    error ??= (e as Error).message;
  }
  return error;
}

/** The text of every `name` element (`a:t`, `a:p`), in document order, entities decoded by a strict XML parser. */
export async function xmlElementTexts(xml: string, name: string): Promise<string[]> {
  const { SaxesParser } = await import('saxes');
  const parser = new SaxesParser();
  const texts: string[] = [];
  const open: number[] = [];
  parser.on('opentag', (tag) => {
    if (tag.name === name) open.push(texts.push('') - 1);
  });
  parser.on('text', (text) => {
    for (const i of open) texts[i] += text;
  });
  parser.on('closetag', (tag) => {
    if (tag.name === name) open.pop();
  });
  parser.write(xml).close();
  return texts;
}

/**
 * Firefox ESR, driven by Puppeteer through WebDriver BiDi (its own temporary profile, removed
 * when it closes). Undefined, with why, when it is not installed (and not under CI).
 */
export async function launchFirefox(): Promise<{ browser?: import('puppeteer-core').Browser; missing?: string }> {
  const { paths, missing } = findReaders(['firefox']);
  if (missing) return { missing };
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: paths.firefox, headless: true, defaultViewport: { width: 1280, height: 720 } });
  return { browser };
}

/**
 * The share of pixels that differ between the pages of two PDFs, page by page: each page drawn by
 * poppler at 1280 x 720 and compared with pixelmatch (anti-aliased edges not counted, a small
 * colour threshold).
 */
export async function pagesApart(a: string, b: string): Promise<number[]> {
  const [{ default: pixelmatch }, { PNG }] = await Promise.all([import('pixelmatch'), import('pngjs')]);
  const draw = (pdf: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'handouts-pages-'));
    try {
      execFileSync('pdftoppm', ['-scale-to-x', '1280', '-scale-to-y', '720', '-png', pdf, path.join(dir, 'page')]);
      return readdirSync(dir)
        .sort()
        .map((name) => PNG.sync.read(readFileSync(path.join(dir, name))));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const [first, second] = [draw(a), draw(b)];
  return first.map((page, i) => {
    const other = second[i];
    if (!other || other.width !== page.width || other.height !== page.height) return 1;
    return pixelmatch(page.data, other.data, undefined, page.width, page.height, { threshold: 0.1, includeAA: false }) / (page.width * page.height);
  });
}

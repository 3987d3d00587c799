// The README's pictures of slides.pptx: two slides of the multiple sclerosis deck as LibreOffice
// Impress draws the PowerPoint file (with the deck's font installed where it finds it), each beside
// the same page of slides.pdf. Run by `npm run docs:images` after a build; needs LibreOffice
// (apt-get install libreoffice-impress) and pdftoppm (poppler-utils).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PNG } from 'pngjs';

const root = path.resolve(import.meta.dirname, '..');
const deck = path.join(root, 'output/en/multiple-sclerosis');
const { toSfnt } = createRequire(import.meta.url)('woff2sfnt-sfnt2woff');
const work = mkdtempSync(path.join(tmpdir(), 'handouts-pptx-pictures-'));
try {
  // The brand font, unwrapped from its npm package's WOFF files, in a folder fontconfig is told of.
  const fonts = path.join(work, 'fonts');
  mkdirSync(fonts);
  const files = path.join(root, 'node_modules/@fontsource/atkinson-hyperlegible/files');
  for (const name of readdirSync(files).filter((file) => /-latin-(400|700)-(normal|italic)\.woff$/.test(file))) {
    writeFileSync(path.join(fonts, name.replace(/\.woff$/, '.ttf')), toSfnt(new Uint8Array(readFileSync(path.join(files, name)))));
  }
  writeFileSync(
    path.join(work, 'fonts.conf'),
    `<?xml version="1.0"?>\n<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>${fonts}</dir><cachedir>${work}/cache</cachedir></fontconfig>\n`,
  );
  const env = { ...process.env, FONTCONFIG_FILE: path.join(work, 'fonts.conf') };
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=${pathToFileURL(path.join(work, 'profile')).href}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      work,
      path.join(deck, 'slides.pptx'),
    ],
    { env, stdio: 'ignore' },
  );
  const draw = (pdf, page, name) => {
    execFileSync('pdftoppm', [
      '-f',
      String(page),
      '-l',
      String(page),
      '-scale-to-x',
      '640',
      '-scale-to-y',
      '360',
      '-png',
      '-singlefile',
      pdf,
      path.join(work, name),
    ]);
    return PNG.sync.read(readFileSync(path.join(work, `${name}.png`)));
  };
  for (const [page, name] of [
    [1, 'pptx-title'],
    [6, 'pptx-section'],
  ]) {
    const [left, right] = [draw(path.join(deck, 'slides.pdf'), page, `deck-${page}`), draw(path.join(work, 'slides.pdf'), page, `pptx-${page}`)];
    const gap = 16;
    const sheet = new PNG({ width: left.width + gap + right.width, height: left.height });
    sheet.data.fill(255);
    for (let y = 0; y < left.height; y++) {
      left.data.copy(sheet.data, y * sheet.width * 4, y * left.width * 4, (y + 1) * left.width * 4);
      right.data.copy(sheet.data, (y * sheet.width + left.width + gap) * 4, y * right.width * 4, (y + 1) * right.width * 4);
    }
    writeFileSync(path.join(root, 'docs', `${name}.png`), PNG.sync.write(sheet));
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

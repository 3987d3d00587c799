#!/usr/bin/env bash
# Regenerates the README's pictures from real builds: page 1 of a handout, slides (a section and a
# layout), both sides of the brochure (with a QR code), a large-print page, a handout in Arabic,
# and (scripts/screenshots.mjs, in Chromium) the presenter view, the catalog and the dev server's
# error overlay, and (scripts/pptx-pictures.mjs, with LibreOffice Impress) slides.pptx as LibreOffice
# draws it beside slides.pdf. The PDFs are made by handouts; pdftoppm (Debian package poppler-utils)
# turns pages into PNG.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v pdftoppm >/dev/null || { echo "pdftoppm is missing: apt-get install poppler-utils" >&2; exit 3; }
npm run --silent build:ts
HANDOUTS_QR_URL='https://northgate-clinic.example/conditions/{slug}' node bin/handouts.js build --force --quiet
pdf=output/en/multiple-sclerosis
pdftoppm -f 1 -l 1 -r 72 -png -singlefile "$pdf/handout.pdf" docs/handout-page-1
pdftoppm -f 1 -l 1 -r 48 -png -singlefile "$pdf/slides.pdf" docs/slide-title
pdftoppm -f 5 -l 5 -r 48 -png -singlefile "$pdf/slides.pdf" docs/slide-section
pdftoppm -f 6 -l 6 -r 48 -png -singlefile "$pdf/slides.pdf" docs/slide-two-column
pdftoppm -f 1 -l 1 -r 56 -png -singlefile "$pdf/brochure.pdf" docs/brochure-outside
pdftoppm -f 2 -l 2 -r 56 -png -singlefile "$pdf/brochure.pdf" docs/brochure-inside
pdftoppm -f 2 -l 2 -r 56 -png -singlefile "$pdf/large-print.pdf" docs/large-print-page-2
# The Arabic test fixture, built in a copy with the built-in templates beside its own template text.
arabic=$(mktemp -d)
cp -r test/fixtures/arabic/. "$arabic"
cp -rn templates/. "$arabic/templates/"
(cd "$arabic" && node "$OLDPWD/bin/handouts.js" build --format handout-pdf --quiet)
pdftoppm -f 1 -l 1 -r 72 -png -singlefile "$arabic/output/ar/stem-cells/handout.pdf" docs/handout-arabic
rm -rf "$arabic"
node scripts/screenshots.mjs
command -v soffice >/dev/null || { echo "soffice is missing: apt-get install libreoffice-impress" >&2; exit 3; }
node scripts/pptx-pictures.mjs
# The build above made QR codes the default build does not: build again, so output/ is as usual.
node bin/handouts.js build --quiet
ls -l docs/*.png

#!/usr/bin/env bash
# Regenerates the README's pictures from a real build: page 1 of a handout, two slides, both sides
# of the brochure (with a QR code) and a large-print page. The PDFs are made by handouts; pdftoppm
# (Debian package poppler-utils) turns pages into PNG.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v pdftoppm >/dev/null || { echo "pdftoppm is missing: apt-get install poppler-utils" >&2; exit 3; }
npm run --silent build:ts
HANDOUTS_QR_URL='https://northgate-clinic.example/conditions/{slug}' node bin/handouts.js build content/multiple-sclerosis.md --force --quiet
pdf=output/en/multiple-sclerosis
pdftoppm -f 1 -l 1 -r 72 -png -singlefile "$pdf/handout.pdf" docs/handout-page-1
pdftoppm -f 1 -l 1 -r 48 -png -singlefile "$pdf/slides.pdf" docs/slide-title
pdftoppm -f 5 -l 5 -r 48 -png -singlefile "$pdf/slides.pdf" docs/slide-section
pdftoppm -f 1 -l 1 -r 56 -png -singlefile "$pdf/brochure.pdf" docs/brochure-outside
pdftoppm -f 2 -l 2 -r 56 -png -singlefile "$pdf/brochure.pdf" docs/brochure-inside
pdftoppm -f 2 -l 2 -r 56 -png -singlefile "$pdf/large-print.pdf" docs/large-print-page-2
# The catalog's cache now records a QR code that the default build does not make: build again.
node bin/handouts.js build content/multiple-sclerosis.md --quiet
ls -l docs/*.png

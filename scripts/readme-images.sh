#!/usr/bin/env bash
# Regenerates the README's pictures from a real build: page 1 of a handout and two slides.
# The PDFs are made by handouts; pdftoppm (Debian package poppler-utils) turns pages into PNG.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v pdftoppm >/dev/null || { echo "pdftoppm is missing: apt-get install poppler-utils" >&2; exit 3; }
npm start --silent -- content/multiple-sclerosis.md --quiet
pdf=output/en/multiple-sclerosis
pdftoppm -f 1 -l 1 -r 72 -png -singlefile "$pdf/handout.pdf" docs/handout-page-1
pdftoppm -f 1 -l 1 -r 48 -png -singlefile "$pdf/slides.pdf" docs/slide-title
pdftoppm -f 5 -l 5 -r 48 -png -singlefile "$pdf/slides.pdf" docs/slide-section
ls -l docs/*.png

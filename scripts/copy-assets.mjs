// Copies what the compiled code reads at run time but tsc does not emit: the browser scripts of
// the deck and of the dev server.
import { cpSync } from 'node:fs';

cpSync('src/formats/slides/client', 'dist/formats/slides/client', { recursive: true });
cpSync('src/dev/client', 'dist/dev/client', { recursive: true });
cpSync('src/write/catalog-client', 'dist/write/catalog-client', { recursive: true });

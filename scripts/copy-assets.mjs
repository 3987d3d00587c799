// Copies what the compiled code reads at run time but tsc does not emit: the deck's browser script.
import { cpSync } from 'node:fs';

cpSync('src/formats/slides/client', 'dist/formats/slides/client', { recursive: true });

#!/usr/bin/env node
// The published command: runs the bundled CLI (`npm run build:ts` writes dist/bundle/).
import { main } from '../dist/bundle/main.js';

const code = await main(process.argv.slice(2));
// Leave as soon as the command is done: everything is written and the browser closed, but its
// helper processes can keep the output pipes open for a while after the browser itself exited.
// (Writes to pipes and files are synchronous on Linux and macOS, so no output is lost.)
process.exit(code);

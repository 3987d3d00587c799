#!/usr/bin/env node
// The published command: runs the bundled CLI (`npm run build:ts` writes dist/bundle/).
import { main } from '../dist/bundle/main.js';

const code = await main(process.argv.slice(2));
// Leave as soon as the command is done: everything is written and the browser closed, but its
// helper processes can keep the output pipes open for a while after the browser itself exited.
// Output still queued for a pipe (a large --json report) is flushed first: an empty write's
// callback runs once everything written before it has gone out.
await Promise.all(
  [process.stdout, process.stderr].map(
    (stream) =>
      new Promise((resolve) => {
        // A reader that has gone (`| head`) wants no more: leave quietly.
        stream.on('error', resolve);
        stream.write('', resolve);
      }),
  ),
);
process.exit(code);

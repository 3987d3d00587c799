// md-to-pdf 5.2.5 at the tool's concurrency. Its CLI converts every file it is given at once
// (Listr, concurrent: true) in one browser; this is that CLI's main() for a list of files,
// line for line (file server, one shared browser, convertMdToPdf per file, then close), except
// that at most CONCURRENCY files are converted at a time, as the tool builds CONCURRENCY
// documents at a time. Running one md-to-pdf process per file or per batch instead would charge
// it a browser start per process, which its CLI does not do.
// Usage: node bench/md-to-pdf-pool.cjs CONCURRENCY LAUNCH_OPTIONS_JSON FILE.md...
'use strict';
const path = require('node:path');
// md-to-pdf's own get-port (its CLI takes a free port with it), wherever npm placed it.
const getPort = require(require.resolve('get-port', { paths: [path.dirname(require.resolve('md-to-pdf/package.json'))] }));
const { defaultConfig } = require('md-to-pdf/dist/lib/config');
const { closeBrowser } = require('md-to-pdf/dist/lib/generate-output');
const { convertMdToPdf } = require('md-to-pdf/dist/lib/md-to-pdf');
const { closeServer, serveDirectory } = require('md-to-pdf/dist/lib/serve-dir');

async function main() {
  const [concurrency, launchOptions, ...files] = process.argv.slice(2);
  const args = { '--launch-options': launchOptions };
  const config = { ...defaultConfig, port: await getPort() };
  const server = await serveDirectory(config);
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++];
      await convertMdToPdf({ path: file }, config, { args }).catch((error) => {
        failed++;
        console.error(`${file}: ${error?.stack ? error.stack : error}`);
      });
    }
  };
  try {
    await Promise.all(Array.from({ length: Number(concurrency) }, worker));
  } finally {
    await closeBrowser();
    await closeServer(server);
  }
  if (failed) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

#!/usr/bin/env node
// The published command: runs the bundled CLI (`npm run build:ts` writes dist/bundle/).
import { main } from '../dist/bundle/main.js';

process.exitCode = await main(process.argv.slice(2));

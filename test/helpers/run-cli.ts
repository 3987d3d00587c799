import { Capture } from './capture.js';
import { main } from '../../src/cli/main.js';

/** Runs the command line in this process (same code as the bin), capturing its output. */
export async function runCli(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await main(args, { cwd, env, stdout, stderr });
  return { code, stdout: stdout.text, stderr: stderr.text, json: () => JSON.parse(stdout.text) };
}

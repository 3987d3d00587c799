import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface Run {
  ms: number;
  /**
   * Peak memory of the process and all its descendants, in MB: the sum of their proportional set
   * sizes (PSS), which splits shared pages between the processes sharing them instead of counting
   * Chromium's shared libraries once per process.
   */
  peakMb: number;
  code: number | null;
  stderr: string;
  stdout: string;
}

/** Runs a command, timing it and sampling the memory of its whole process tree (from /proc). */
export function measure(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<Run> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    let peak = 0;
    const sample = () => {
      if (child.pid) peak = Math.max(peak, treeRssKb(child.pid));
    };
    // Sampled every 100 ms: often enough to see the peak, rarely enough not to slow what is measured.
    const timer = setInterval(sample, 100);
    const limit = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 600_000);
    child.on('close', (code) => {
      clearInterval(timer);
      clearTimeout(limit);
      resolve({ ms: performance.now() - started, peakMb: Math.round(peak / 1024), code, stdout, stderr });
    });
  });
}

/** Proportional set size (kB) of a process and its descendants, walking only that tree. */
function treeRssKb(root: number): number {
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      total += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
      for (const task of readdirSync(`/proc/${pid}/task`)) {
        const children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
        if (children) stack.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // the process ended while being read
    }
  }
  return total;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

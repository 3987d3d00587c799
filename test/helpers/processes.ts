import { readdirSync, readFileSync } from 'node:fs';

/** Processes whose command line mentions `text` (a run's temporary folder, say). */
export function processesMentioning(text: string): number[] {
  return readdirSync('/proc')
    .filter((pid) => /^\d+$/.test(pid))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(text);
      } catch {
        return false;
      }
    })
    .map(Number);
}

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  ramGiB: number;
  node: string;
  chromium: string;
  postgres: string | null;
  date: string;
  loadAtStart: number[];
}

/** What the numbers were measured on, read from the machine itself. */
export function describeMachine(postgresVersion: string | null): Machine {
  const models = [...readFileSync('/proc/cpuinfo', 'utf8').matchAll(/^model name\s*:\s*(.+)$/gm)].map((m) => m[1]!.trim());
  let chromium = 'unknown';
  try {
    chromium = execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // Reported as unknown.
  }
  return {
    cpu: [...new Set(models)].join(', ') || cpus()[0]?.model || 'unknown',
    cores: cpus().length,
    ramGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    chromium,
    postgres: postgresVersion,
    date: new Date().toISOString(),
    loadAtStart: loadavg().map((n) => Math.round(n * 100) / 100),
  };
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

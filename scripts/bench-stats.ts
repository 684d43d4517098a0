import { performance } from 'node:perf_hooks';
import { readdirSync, readFileSync } from 'node:fs';

export async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** Nearest-rank percentile of a sample, in the sample's unit. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(0, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[rank] ?? Number.NaN;
}

/** PGlite always; Postgres too when TEST_DATABASE_URL (or else DATABASE_URL) names a server to make scratch databases on. */
export function benchEngines(): Array<'pglite' | 'postgres'> {
  // Assigning undefined to process.env stores the string "undefined": copy only a value that is there.
  if (!process.env.TEST_DATABASE_URL && process.env.DATABASE_URL)
    process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/** Sets the local Stripe's latency for every later /v1 answer (POST /_emulator/latency). */
export async function setStripeLatency(emulatorUrl: string, ms: number): Promise<void> {
  const response = await fetch(`${emulatorUrl}/_emulator/latency`, { method: 'POST', body: JSON.stringify({ ms }) });
  if (!response.ok)
    throw new Error(`setting the local Stripe's latency answered ${response.status}: ${await response.text()}`);
}

/** A row of a right-aligned table: the first cell padded to `first`, the others to `width`. */
export const tableRow = (cells: readonly (string | number)[], first = 12, width = 11) =>
  cells.map((cell, i) => (i === 0 ? String(cell).padEnd(first) : String(cell).padStart(width))).join('');

/**
 * CPU time (user + system, ms) used so far by every process of a process group (a server of bench-build.ts and the
 * next-server it starts), from /proc; NaN where there is no /proc. On a shared machine a server's CPU per request
 * says more than its latency: it does not grow with other people's load.
 */
export function groupCpuMs(groupId: number): number {
  let ticks = 0;
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // from field 3 (state) on
        if (Number(fields[2]) === groupId) ticks += Number(fields[11]) + Number(fields[12]); // pgrp; utime, stime
      } catch {
        // The process ended meanwhile.
      }
    }
  } catch {
    return Number.NaN;
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

// One process per PGlite folder. PGlite is Postgres in the process's own memory: two processes on one folder
// each see only their own writes, and after both stop the folder no longer opens (`RuntimeError: Aborted()`).
// So whoever opens a folder first writes a lock file beside it (`<folder>.lock`: inside the folder, it would
// sit among Postgres's own files) naming itself, and everyone else refuses at once with a message saying who
// holds it. A holder killed with `kill -9` leaves its file behind; the next opener sees that the process named
// there is gone and takes the lock over. A pid alone is not proof of life (pids are reused, and in a container
// the server is pid 1 after every restart), so the file also records the host and the process's start time.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { resolve } from 'node:path';

export type LockHolder = {
  pid: number;
  hostname: string;
  /** The process's start time as the OS reports it: with the pid, it names one process, not a reused pid. */
  started: string | null;
  command: string;
  since: string;
  /** Tells this lock apart from a later one by the same process (a release must never remove another's). */
  token: string;
};

export class PgliteLockedError extends Error {
  readonly code = 'pglite_locked';
  constructor(
    readonly folder: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The database folder ${folder} is in use by another process (pid ${holder.pid}${holder.hostname === hostname() ? '' : ` on ${holder.hostname}`}: ` +
        `${holder.command}, since ${holder.since}). PGlite lets one process open a folder at a time; two would corrupt it. ` +
        'Stop that process, or give this one a folder of its own with PGLITE_DATA_DIR (memory:// keeps nothing).',
    );
    this.name = 'PgliteLockedError';
  }
}

export type PgliteLock = { folder: string; release(): void };

/** A process's start time: field 22 of /proc/<pid>/stat on Linux (ticks since boot), else `ps`'s lstart. */
export function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    // No /proc (macOS): ask ps. No ps either: the pid alone has to do.
  }
  try {
    return (
      execFileSync('ps', ['-o', 'lstart=', '-p', String(pid)], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim() || null
    );
  } catch {
    return null;
  }
}

/** Whether the process a lock names still runs. A lock from another host cannot be checked: it counts as held. */
export function holderIsAlive(holder: LockHolder): boolean {
  if (holder.hostname !== hostname()) return true;
  try {
    process.kill(holder.pid, 0); // signal 0 only asks whether the pid exists
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false; // EPERM: it exists, owned by someone else
  }
  const started = processStartTime(holder.pid);
  return holder.started === null || started === null || started === holder.started;
}

const lockPathOf = (folder: string) => `${folder}.lock`;

/** The lock file's holder, or null when there is no file (released since we looked). */
function readHolder(path: string): LockHolder | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    return JSON.parse(text) as LockHolder;
  } catch {
    // We write it whole (tryCreate), so this is someone's edit: say what to do rather than guess.
    throw new Error(
      `The lock file ${path} is not one this storefront wrote. If no server or script uses the database, delete it.`,
    );
  }
}

/** Creates the lock file complete or not at all: written aside, then hard-linked into place (fails if it exists). */
function tryCreate(path: string, holder: LockHolder): boolean {
  const scratch = `${path}.${holder.token}`;
  writeFileSync(scratch, JSON.stringify(holder));
  try {
    linkSync(scratch, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(scratch);
  }
}

/**
 * Removes a dead holder's lock, under a short-lived guard file so that two processes taking over at once
 * cannot remove each other's fresh lock: only under the guard is a lock removed, after reading again that it
 * is still the dead one. A guard older than a few seconds was left by a process killed mid-takeover.
 */
function removeDeadLock(path: string, dead: LockHolder): void {
  const guard = `${path}.takeover`;
  try {
    writeFileSync(guard, String(process.pid), { flag: 'wx' });
  } catch {
    try {
      if (Date.now() - statSync(guard).mtimeMs > 5_000) unlinkSync(guard);
    } catch {
      // Someone else finished meanwhile.
    }
    return;
  }
  try {
    if (readHolder(path)?.token === dead.token) unlinkSync(path);
  } finally {
    unlinkSync(guard);
  }
}

/** Takes the folder's lock for this process, or throws PgliteLockedError naming the live process that has it. */
export function lockPgliteFolder(dataDir: string): PgliteLock {
  const folder = resolve(dataDir);
  const path = lockPathOf(folder);
  const me: LockHolder = {
    pid: process.pid,
    hostname: hostname(),
    started: processStartTime(process.pid),
    command: process.argv.slice(1).join(' ').slice(0, 200) || process.argv0,
    since: new Date().toISOString(),
    token: randomBytes(12).toString('hex'),
  };
  for (let attempt = 0; attempt < 20; attempt++) {
    if (tryCreate(path, me)) {
      const release = () => {
        process.off('exit', release);
        try {
          if (readHolder(path)?.token === me.token) unlinkSync(path);
        } catch {
          // Already gone: nothing to release.
        }
      };
      // Also on exit (a signal that ends the process, a script that returns): a lock outlives only a crash.
      process.on('exit', release);
      return { folder, release };
    }
    const holder = readHolder(path);
    if (holder && holderIsAlive(holder)) throw new PgliteLockedError(folder, holder);
    if (holder) removeDeadLock(path, holder);
    // Try again: the dead lock is gone, or another process is taking it over (its guard lives milliseconds),
    // or the file vanished between our two looks. Opening is synchronous start-up work: a short blocking pause.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10 * attempt);
  }
  throw new Error(`Could not take the lock ${path}: it keeps changing hands. Is something else starting on ${folder}?`);
}

/** Who holds a folder now (a live process), or null: for scripts that would rather ask the running server. */
export function pgliteLockHolder(dataDir: string): LockHolder | null {
  const holder = readHolder(lockPathOf(resolve(dataDir)));
  return holder && holderIsAlive(holder) ? holder : null;
}

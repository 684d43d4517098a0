// One process per PGlite folder, tried with real processes: a holder opens a folder the way the server does,
// and a second server, `npm run db:migrate` or the server's start hook must refuse at once, naming the folder
// and the holder; the folder must still open afterwards; a holder killed with `kill -9` is taken over.
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { openDatabase } from '@/lib/db/client';
import { stockOf } from '@/lib/db/inventory';
import {
  lockPgliteFolder,
  pgliteLockHolder,
  PgliteLockedError,
  processStartTime,
  type LockHolder,
} from '@/lib/db/pglite-lock';
import { givenTestImage } from '@/lib/db/pglite-image';
import { testEngines } from '@/lib/db/testing';

const root = mkdtempSync(join(tmpdir(), 'pglite-lock-'));
after(() => rmSync(root, { recursive: true, force: true }));
let folders = 0;
const newFolder = () => join(root, `db${++folders}`);
/**
 * A new folder holding the unit runner's migrated image (PGLITE_TEST_IMAGE, a tar of a data directory), as a folder
 * the server opened before would: its first opener skips initdb (~6 s of CPU). Without the image, an empty one.
 */
function openedBeforeFolder(): string {
  const folder = newFolder();
  const image = givenTestImage();
  if (image) {
    mkdirSync(folder);
    execFileSync('tar', ['-xf', image, '-C', folder]);
  }
  return folder;
}

// --liftoff-only, as the unit runner gives every test process (scripts/test-unit.ts): the children open PGlite too.
const TSX = ['--liftoff-only', '--conditions=react-server', '--import', 'tsx'];
/** The children's environment: the embedded database in `folder`, never a DATABASE_URL from the caller. */
const envFor = (folder: string) => ({ ...process.env, DATABASE_URL: '', PGLITE_DATA_DIR: folder });

/** Starts a process holding `folder` (lib/db/pglite-lock.fixture.ts) and resolves once it has it. */
async function startHolder(folder: string, { lockOnly = false } = {}): Promise<ChildProcess> {
  const env = { ...envFor(folder), HOLD_LOCK_ONLY: lockOnly ? '1' : '' };
  const child = spawn(process.execPath, [...TSX, 'lib/db/pglite-lock.fixture.ts'], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`the holder exited with ${code} before it was ready`)));
  });
  return child;
}
const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()),
  );

const migrate = (folder: string) =>
  spawnSync(process.execPath, [...TSX, 'scripts/db-migrate.ts'], { env: envFor(folder), encoding: 'utf8' });

/** Opens the folder in this process and reads the seeded stock back: proof that the folder is whole. */
async function assertOpens(folder: string) {
  const handle = await openDatabase({ kind: 'pglite', dataDir: folder });
  try {
    assert.ok((await stockOf(handle.db, 'ceramic-mug')).stock > 0);
  } finally {
    await handle.close();
  }
}

/** The refusal names the folder, the holder's pid and what to do. */
function assertRefusal(output: string, folder: string, holder: ChildProcess) {
  assert.match(
    output,
    new RegExp(
      `database folder ${folder.replace(/[/\\.]/g, '\\$&')} is in use by another process \\(pid ${holder.pid}\\b`,
    ),
  );
  assert.match(output, /Stop that process, or give this one a folder of its own with PGLITE_DATA_DIR/);
  assert.doesNotMatch(output, /^\s+at /m, 'one message, no stack');
}

// PGlite only: `npm run test:db` (the database tests again, on Postgres) has nothing to add here.
const skip = !testEngines().includes('pglite') && 'PGlite only';

describe('one process per PGlite folder', { skip }, () => {
  test('a second process on a held folder exits non-zero naming the holder; the folder still opens after', async () => {
    const folder = openedBeforeFolder();
    const holder = await startHolder(folder);
    assert.equal(pgliteLockHolder(folder)?.pid, holder.pid);
    const second = migrate(folder);
    assert.equal(second.status, 1);
    assertRefusal(second.stderr, folder, holder);
    holder.kill('SIGTERM');
    await exited(holder);
    assert.equal(existsSync(`${folder}.lock`), false, 'a holder that stops releases the folder');
    await assertOpens(folder);
  });

  test('a holder killed with kill -9 leaves its lock behind, and the next opener takes it over', async () => {
    const folder = openedBeforeFolder();
    const holder = await startHolder(folder);
    holder.kill('SIGKILL');
    await exited(holder);
    assert.equal((JSON.parse(readFileSync(`${folder}.lock`, 'utf8')) as LockHolder).pid, holder.pid);
    assert.equal(pgliteLockHolder(folder), null, 'a dead holder holds nothing');
    const next = migrate(folder);
    assert.equal(next.status, 0, next.stderr);
    await assertOpens(folder);
  });

  test("the server's start hook refuses a held folder with the message and exit code 1", async () => {
    const folder = newFolder();
    const holder = await startHolder(folder, { lockOnly: true });
    try {
      const script =
        "const { register } = await import('./instrumentation.ts'); await register(); console.log('started');";
      const start = spawnSync(process.execPath, [...TSX, '--input-type=module', '-e', script], {
        env: { ...envFor(folder), NEXT_RUNTIME: 'nodejs' },
        encoding: 'utf8',
      });
      assert.equal(start.status, 1);
      assertRefusal(start.stderr, folder, holder);
      assert.doesNotMatch(start.stdout, /started/);
    } finally {
      holder.kill('SIGTERM');
      await exited(holder);
    }
  });

  test(
    '`next start` on a held folder exits non-zero with the message',
    { skip: !existsSync('.next/BUILD_ID') && 'no production build (.next) to start' },
    async () => {
      const folder = newFolder();
      const holder = await startHolder(folder, { lockOnly: true });
      try {
        const server = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', '0'], {
          env: envFor(folder),
          encoding: 'utf8',
          timeout: 60_000,
        });
        assert.notEqual(server.status, 0);
        assertRefusal(server.stderr, folder, holder);
      } finally {
        holder.kill('SIGTERM');
        await exited(holder);
      }
    },
  );
});

describe('the lock file', { skip }, () => {
  test('a folder is locked once: a second lock in the same process is refused until the first is released', () => {
    const folder = newFolder();
    const lock = lockPgliteFolder(folder);
    assert.throws(() => lockPgliteFolder(folder), PgliteLockedError);
    lock.release();
    assert.equal(existsSync(`${folder}.lock`), false);
    lockPgliteFolder(folder).release();
  });

  test('a live pid with another start time is a reused pid: its lock is taken over', () => {
    const folder = newFolder();
    const reused: LockHolder = {
      pid: process.pid,
      hostname: hostname(),
      started: 'not-this-process',
      command: 'old server',
      since: '2020-01-01T00:00:00.000Z',
      token: 'old',
    };
    writeFileSync(`${folder}.lock`, JSON.stringify(reused));
    assert.ok(processStartTime(process.pid), 'this OS reports start times');
    const lock = lockPgliteFolder(folder);
    assert.notEqual((JSON.parse(readFileSync(`${folder}.lock`, 'utf8')) as LockHolder).token, 'old');
    lock.release();
  });

  test('processes racing to take over a dead lock: exactly one wins, the others name it', async () => {
    const folder = newFolder();
    const dead: LockHolder = {
      pid: 2 ** 22 + 1,
      hostname: hostname(),
      started: null,
      command: 'killed',
      since: '',
      token: 'dead',
    }; // above Linux's pid_max
    writeFileSync(`${folder}.lock`, JSON.stringify(dead));
    const script = `import { lockPgliteFolder } from './lib/db/pglite-lock.ts';
      try { lockPgliteFolder(${JSON.stringify(folder)}); console.log('won ' + process.pid); }
      catch (error) { console.log('refused, held by pid ' + error.holder?.pid); }
      setInterval(() => {}, 60_000);`;
    const racers = Array.from({ length: 4 }, () =>
      spawn(process.execPath, [...TSX, '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] }),
    );
    try {
      const said = await Promise.all(
        racers.map(
          (racer) =>
            new Promise<string>((resolve) =>
              racer.stdout!.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())),
            ),
        ),
      );
      const winners = said.filter((line) => line.startsWith('won'));
      assert.equal(winners.length, 1, said.join('; '));
      const winner = winners[0]!.split(' ')[1];
      for (const line of said) if (!line.startsWith('won')) assert.equal(line, `refused, held by pid ${winner}`);
    } finally {
      for (const racer of racers) racer.kill('SIGTERM');
    }
  });

  test('a release never removes a lock that another process has taken since', () => {
    const folder = newFolder();
    const lock = lockPgliteFolder(folder);
    const other = { pid: 1, hostname: 'elsewhere', started: null, command: 'x', since: '', token: 'other' };
    writeFileSync(`${folder}.lock`, JSON.stringify(other));
    lock.release();
    assert.equal((JSON.parse(readFileSync(`${folder}.lock`, 'utf8')) as LockHolder).token, 'other');
    assert.throws(
      () => lockPgliteFolder(folder),
      /on elsewhere/,
      'a lock from another host cannot be checked: it counts as held',
    );
  });
});

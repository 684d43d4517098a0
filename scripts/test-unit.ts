// Runs every unit test (`*.test.ts` beside the code it tests) with node's own test runner.
// Node 20's runner does not expand globs or find .ts files by itself, so we list them here.
// `--conditions=react-server` lets tests import modules guarded by `import 'server-only'`.
//
// Node gives each test file a process of its own, and starting one (Node, tsx, the modules a test loads) costs
// about a second of CPU: more than most files' tests take. So the files that keep to themselves share one
// process, each inside a suite named after it, whose hooks stay its own (the emulator's 32 files: 44.7 CPU-s
// apart, 9.2 together). A file gets its own process when it touches what a process has once (the environment,
// module mocks, imports made after setting either), or starts processes, threads or databases: see OWN_PROCESS.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { migratedPgliteImage, PGLITE_TEST_IMAGE } from '../lib/db/pglite-image';

const ROOTS = ['lib', 'emulator', 'app', 'components', 'scripts'];
const SKIP = new Set(['node_modules', '.next']);
const OWN_PROCESS =
  /process\.env|\bmock\.|await import\(|node:child_process|node:worker_threads|freshDatabase|openDatabase|PgliteThread/;

function findTests(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return SKIP.has(entry.name) ? [] : findTests(path);
    return /\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** One test file that runs `files` in this process, each in a suite of its own name. */
function sharedProcessFile(files: string[], folder: string): string {
  const path = join(folder, 'shared-process.test.mjs');
  const suites = files.map(
    (file) =>
      `describe(${JSON.stringify(file)}, async () => { await import(${JSON.stringify(pathToFileURL(resolve(file)).href)}); });`,
  );
  writeFileSync(path, [`import { describe } from 'node:test';`, ...suites].join('\n'));
  return path;
}

const filter = process.argv.slice(2);
const files = ROOTS.flatMap(findTests).filter((f) => filter.length === 0 || filter.some((s) => f.includes(s)));
if (files.length === 0) {
  console.error('No unit test files found.');
  process.exit(1);
}
const own = files.filter((file) => OWN_PROCESS.test(readFileSync(file, 'utf8')));
const shared = files.filter((file) => !own.includes(file));
const folder = mkdtempSync(join(tmpdir(), 'unit-tests-'));
// Each test database on PGlite starts from one migrated image instead of its own initdb (lib/db/pglite-image.ts).
const image = await migratedPgliteImage();
// --liftoff-only: PGlite's wasm (lib/db) runs on V8's baseline compiler. A test process lives seconds, and
// optimising Postgres's hot functions cost each database test file ~1.3 CPU-s more than it gave back (4 files
// timed: 5.5-9.5 CPU-s each with tiering, 1.2-1.9 s less without); answers are the same either way.
const result = spawnSync(
  process.execPath,
  [
    '--liftoff-only',
    '--conditions=react-server',
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=2',
    ...(shared.length > 0 ? [sharedProcessFile(shared, folder)] : []),
    ...own,
  ],
  { stdio: 'inherit', env: { ...process.env, [PGLITE_TEST_IMAGE]: image } },
);
rmSync(folder, { recursive: true, force: true });
process.exit(result.status ?? 1);

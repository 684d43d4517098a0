// Runs every unit test (`*.test.ts` beside the code it tests) with node's own test runner.
// Node 20's runner does not expand globs or find .ts files by itself, so we list them here.
// `--conditions=react-server` lets tests import modules guarded by `import 'server-only'`.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { migratedPgliteImage, PGLITE_TEST_IMAGE } from '../lib/db/pglite-image';

const ROOTS = ['lib', 'emulator', 'app', 'components', 'scripts'];
const SKIP = new Set(['node_modules', '.next']);

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

const filter = process.argv.slice(2);
const files = ROOTS.flatMap(findTests).filter((f) => filter.length === 0 || filter.some((s) => f.includes(s)));
if (files.length === 0) {
  console.error('No unit test files found.');
  process.exit(1);
}
// Each test database on PGlite starts from one migrated image instead of its own initdb (lib/db/pglite-image.ts).
const image = await migratedPgliteImage();
const result = spawnSync(
  process.execPath,
  ['--conditions=react-server', '--import', 'tsx', '--test', '--test-concurrency=2', ...files],
  { stdio: 'inherit', env: { ...process.env, [PGLITE_TEST_IMAGE]: image } },
);
process.exit(result.status ?? 1);

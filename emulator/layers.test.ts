// The emulator's folders are layers that only point down (issue 10): each folder may import only
// the folders listed for it here, and the folder graph has no cycle. Test files are left out (they
// share test-helpers.ts at the root); the root files (server.ts, routes.ts, …) compose everything.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { it } from 'node:test';

const ROOT = import.meta.dirname;

const ALLOWED: Record<string, readonly string[]> = {
  core: [],
  'stripe-js': ['core'],
  http: ['core', 'stripe-js'],
  resources: ['core', 'http'],
  checkout: ['core', 'http', 'resources'],
  'payment-pages': ['core', 'http', 'resources', 'checkout'],
  webhooks: ['core', 'http', 'resources'],
  controls: ['core', 'http', 'webhooks'],
  dashboard: ['core', 'http', 'controls', 'webhooks'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : sourceFiles(path);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** The emulator folder a file belongs to ('' for the root files). */
const folderOf = (file: string) => relative(ROOT, file).split('/').slice(0, -1)[0] ?? '';

/** folder → the other emulator folders its files import. */
function folderImports(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(ROOT)) {
    const from = folderOf(file);
    const targets = graph.get(from) ?? new Set<string>();
    graph.set(from, targets);
    for (const [, specifier = ''] of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s+'(\.[^']*)'/g)) {
      const to = folderOf(resolve(dirname(file), specifier) + '.ts');
      if (to !== from) targets.add(to);
    }
  }
  return graph;
}

it('each emulator folder imports only the folders below it', () => {
  const graph = folderImports();
  for (const [folder, targets] of graph) {
    if (folder === '') continue;
    const allowed = ALLOWED[folder];
    assert.ok(allowed, `the folder ${folder} has no place in ALLOWED: give it one`);
    assert.deepEqual([...targets].filter((target) => !allowed.includes(target)).sort(), [], `${folder} imports`);
  }
  assert.deepEqual([...(graph.get('core') ?? [])], [], 'core imports nothing else in the emulator');
});

it('has no import cycle between folders', () => {
  const graph = folderImports();
  const visiting = new Set<string>();
  const done = new Set<string>();
  const visit = (folder: string, path: string[]): void => {
    if (done.has(folder)) return;
    assert.ok(!visiting.has(folder), `cycle: ${[...path, folder].join(' → ')}`);
    visiting.add(folder);
    for (const next of graph.get(folder) ?? []) visit(next, [...path, folder]);
    visiting.delete(folder);
    done.add(folder);
  };
  for (const folder of graph.keys()) visit(folder, []);
});

// The app's layers, enforced (issue 20), as emulator/layers.test.ts enforces the local Stripe's. Every source file's
// imports are read with TypeScript's own pre-parser (static, dynamic, `export … from`), and:
// 1. pages and components (app/, components/) reach data only through lib/actions: never lib/db or lib/stripe;
// 2. only lib/stripe imports the `stripe` package, only lib/db imports Drizzle and the drivers (the exceptions
//    below are named file by file, each with its reason);
// 3. the pure rules (lib/checkout/) reach nothing server-side, directly or through another module: they run in
//    the browser too, and their tests need no server.
// The local Stripe (emulator/) is a program of its own with its own layers test; it is not read here.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { it } from 'node:test';
import ts from 'typescript';

const ROOT = resolve(import.meta.dirname, '..');
const FOLDERS = ['app', 'components', 'lib', 'scripts', 'e2e'];

/** Packages with one door: no file outside it imports them, save the exceptions named. */
const DOORS: ReadonlyArray<{ packages: string[]; door: string; exceptions: Record<string, string> }> = [
  {
    packages: ['stripe'],
    door: 'lib/stripe/',
    exceptions: {
      'scripts/': 'CLIs (seeding, benchmarks) drive Stripe as a client of their own',
      'e2e/': 'browser tests read Stripe back to check what the storefront did',
      'lib/actions/testing.ts': "the actions' test harness reads the local Stripe's events back",
      'lib/actions/checkout-inventory.test.ts': "a test reads the session back from Stripe, not through the app's door",
      'lib/db/pool.test.ts': 'a test signs a webhook as Stripe would, to reach the database through the real route',
    },
  },
  {
    // Links to the shop's pages go through PageLink, which turns Next's prefetch off (its comment says why).
    packages: ['next/link'],
    door: 'components/ui/page-link.tsx',
    exceptions: {},
  },
  {
    packages: ['drizzle-orm', 'pg', '@electric-sql/pglite'],
    door: 'lib/db/',
    exceptions: {
      'lib/jobs/jobs.test.ts': 'a test reads rows back with a Drizzle query',
      'lib/actions/checkout-lifecycle.test.ts': 'a test reads rows back with a Drizzle query',
    },
  },
];

/** What pages and components may not import directly (they go through lib/actions). */
const BEHIND_ACTIONS = ['lib/db/', 'lib/stripe/'];

/** Server-side modules and packages the pure rules may not reach. */
const SERVER_FOLDERS = ['lib/db/', 'lib/stripe/', 'lib/actions/', 'lib/jobs/'];
const SERVER_FILES = ['lib/env.ts', 'lib/session-binding.ts'];
const SERVER_PACKAGES = [
  'server-only',
  'next/headers',
  'next/server',
  'stripe',
  'drizzle-orm',
  'pg',
  '@electric-sql/pglite',
];
const NODE_BUILTINS = new Set(builtinModules);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'node_modules' || entry.name === 'migrations' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const isFile = (path: string) => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/** The repository file an import names (`@/…` or relative), or null for a package. */
function resolveLocal(from: string, specifier: string): string | null {
  const base = specifier.startsWith('@/')
    ? join(ROOT, specifier.slice(2))
    : specifier.startsWith('.')
      ? resolve(dirname(from), specifier)
      : null;
  if (!base) return null;
  const found = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find(isFile);
  assert.ok(found, `${rel(from)} imports ${specifier}, which is no file`);
  return found;
}

const rel = (path: string) => relative(ROOT, path);
const inPackage = (specifier: string, name: string) => specifier === name || specifier.startsWith(`${name}/`);
const isTest = (path: string) => /\.test\.tsx?$/.test(path);

type Imports = { packages: string[]; files: string[] };
const cache = new Map<string, Imports>();

/** A file's imports: the packages it names and the repository files it reaches in one step. */
function importsOf(file: string): Imports {
  let imports = cache.get(file);
  if (!imports) {
    const specifiers = ts
      .preProcessFile(readFileSync(file, 'utf8'), true, true)
      .importedFiles.map((imported) => imported.fileName);
    const files = specifiers.map((specifier) => resolveLocal(file, specifier));
    imports = {
      packages: specifiers.filter((_, index) => files[index] === null),
      files: files.filter((path) => path !== null),
    };
    cache.set(file, imports);
  }
  return imports;
}

const ALL = FOLDERS.flatMap((folder) => sourceFiles(join(ROOT, folder)));

it('reads the imports it checks', () => {
  // Guards the test itself: a parser that saw nothing would pass every rule below.
  const page = importsOf(join(ROOT, 'app/(shop)/checkout/page.tsx'));
  assert.ok(
    page.files.some((file) => rel(file).startsWith('lib/actions/')),
    'the checkout page imports an action',
  );
  assert.ok(
    importsOf(join(ROOT, 'lib/stripe/client.ts')).packages.includes('stripe'),
    'lib/stripe/client.ts imports stripe',
  );
  assert.ok(ALL.length > 150, `only ${ALL.length} source files found`);
});

it('pages and components reach the database and Stripe only through lib/actions', () => {
  const offenders = ALL.filter((file) => /^(app|components)\//.test(rel(file))).flatMap((file) =>
    importsOf(file)
      .files.filter((target) => BEHIND_ACTIONS.some((folder) => rel(target).startsWith(folder)))
      .map((target) => `${rel(file)} → ${rel(target)}`),
  );
  assert.deepEqual(offenders, [], 'go through a module in lib/actions instead');
});

for (const { packages, door, exceptions } of DOORS) {
  it(`only ${door} imports ${packages.join(', ')}`, () => {
    const allowed = (file: string) =>
      rel(file).startsWith(door) || Object.keys(exceptions).some((prefix) => rel(file).startsWith(prefix));
    const offenders = ALL.filter((file) => !allowed(file)).flatMap((file) =>
      importsOf(file)
        .packages.filter((specifier) => packages.some((name) => inPackage(specifier, name)))
        .map((specifier) => `${rel(file)} → ${specifier}`),
    );
    assert.deepEqual(offenders, [], `import it through ${door}, or name the file in the exceptions with its reason`);
    for (const prefix of Object.keys(exceptions)) {
      assert.ok(
        ALL.some((file) => rel(file).startsWith(prefix)),
        `the exception ${prefix} names no file: remove it`,
      );
    }
  });
}

/** Why a module is server-side, or null when it is not (by itself: what it imports is checked on the walk). */
function serverSide(file: string): string | null {
  const path = rel(file);
  if (SERVER_FOLDERS.some((folder) => path.startsWith(folder)) || SERVER_FILES.includes(path)) return 'a server module';
  const banned = importsOf(file).packages.find(
    (specifier) =>
      specifier.startsWith('node:') ||
      NODE_BUILTINS.has(specifier) ||
      SERVER_PACKAGES.some((name) => inPackage(specifier, name)),
  );
  return banned ? `imports ${banned}` : null;
}

it('the pure rules in lib/checkout reach nothing server-side', () => {
  const offenders: string[] = [];
  for (const start of ALL.filter((file) => rel(file).startsWith('lib/checkout/') && !isTest(file))) {
    const seen = new Set<string>();
    const walk = (file: string, path: string[]): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const reason = serverSide(file);
      if (reason) {
        offenders.push(`${[...path, file].map(rel).join(' → ')} (${reason})`);
        return;
      }
      for (const next of importsOf(file).files) walk(next, [...path, file]);
    };
    walk(start, []);
  }
  assert.deepEqual(offenders, [], 'a pure rule takes what it needs as arguments; the action reads it');
});

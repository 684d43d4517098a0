// The static checks of `npm test` (ESLint, Prettier, TypeScript), run at once: each is one single-threaded
// process, so side by side they take the time of the slowest on a 2-core machine, not the sum. Each one's
// output is printed whole when it ends, under its name; the exit code is non-zero if any failed.
import { spawn } from 'node:child_process';

const CHECKS = [
  { name: 'eslint', command: ['eslint', '.'] },
  { name: 'prettier', command: ['prettier', '--check', '.'] },
  { name: 'typescript', command: ['tsc', '--noEmit'] },
];

function run(name: string, [bin, ...args]: string[]): Promise<boolean> {
  const started = performance.now();
  const child = spawn(`node_modules/.bin/${bin}`, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) =>
    child.once('close', (code) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(`── ${name}: ${code === 0 ? 'passed' : `failed (exit ${code})`} in ${seconds} s`);
      if (output.trim()) console.log(output.trimEnd());
      resolve(code === 0);
    }),
  );
}

const results = await Promise.all(CHECKS.map(({ name, command }) => run(name, command)));
process.exit(results.every(Boolean) ? 0 : 1);

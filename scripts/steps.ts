// Runs the steps of `npm run checks` and `npm test`, in order or side by side, and says how each ended.
import { spawn } from 'node:child_process';

export type Step = {
  name: string;
  /** A binary in node_modules/.bin, then its arguments. */
  command: string[];
  env?: Record<string, string>;
  /** Print the output as it comes; otherwise whole, under the step's name, at its end (for steps side by side). */
  live?: boolean;
};

/** Runs one step; true when it exited 0. */
export function runStep({ name, command: [bin, ...args], env, live = false }: Step): Promise<boolean> {
  const started = performance.now();
  const child = spawn(`node_modules/.bin/${bin}`, args, {
    stdio: ['ignore', live ? 'inherit' : 'pipe', live ? 'inherit' : 'pipe'],
    env: { ...process.env, ...env },
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  if (live) console.log(`── ${name}: started`);
  return new Promise((resolve) =>
    child.once('close', (code) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(`── ${name}: ${code === 0 ? 'passed' : `failed (exit ${code})`} in ${seconds} s`);
      if (output.trim()) console.log(output.trimEnd());
      resolve(code === 0);
    }),
  );
}

/** Runs steps one after another, each printing as it goes, stopping at the first that fails. */
export async function inOrder(steps: Step[]): Promise<boolean> {
  for (const step of steps) if (!(await runStep({ live: true, ...step }))) return false;
  return true;
}

/** Runs steps side by side, each printed whole when it ends; true when every one passed. */
export async function sideBySide(steps: Step[]): Promise<boolean> {
  return (await Promise.all(steps.map((step) => runStep(step)))).every(Boolean);
}

// Starts the local Stripe as a child process (scripts/local-stripe.ts) for `npm run dev`, and learns its URL
// from the child itself, over an IPC channel, once it has loaded the catalog. Asking the port instead ("does
// something answer at 12111?") once accepted another clone's local Stripe: only the child we started can say
// "ready" on our channel. When the preferred port is taken the child listens on one the kernel picks, unless
// the user chose the port (STRIPE_EMULATOR_URL): then we stop with one line naming the port and the variable.
import { spawn, type ChildProcess } from 'node:child_process';

/** What the child says on the IPC channel (scripts/local-stripe.ts). */
export type LocalStripeMessage =
  { type: 'local-stripe-ready'; url: string } | { type: 'local-stripe-port-taken'; port: number };

export class LocalStripeStartError extends Error {}

export const portTakenLine = (port: number) =>
  `Port ${port} is taken (another clone's \`npm run dev\`, or \`npm test\`?): stop that, or move the local Stripe with STRIPE_EMULATOR_URL=http://127.0.0.1:<a free port>.`;

export type StartOptions = {
  /** Where to listen: the user's STRIPE_EMULATOR_URL, or the default. */
  url: string;
  /** True when the user chose the URL: a taken port is then an error, never a silent move. */
  chosen: boolean;
  /** More environment for the child (webhook secret and URL). */
  env?: Record<string, string>;
  timeoutMs?: number;
};

/** Resolves with the child and the URL it listens on (the preferred one, or a free one it moved to). */
export function startLocalStripe({
  url,
  chosen,
  env = {},
  timeoutMs = 60_000,
}: StartOptions): Promise<{ child: ChildProcess; url: string }> {
  const port = Number(new URL(url).port || 80);
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=react-server', 'scripts/local-stripe.ts'], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: {
      ...process.env,
      ...env,
      STRIPE_EMULATOR_PORT: String(port),
      STRIPE_EMULATOR_PORT_MAY_MOVE: chosen ? '' : '1',
    },
  });
  return new Promise((resolve, reject) => {
    const fail = (message: string) => {
      clearTimeout(timer);
      if (child.exitCode === null) child.kill('SIGTERM');
      reject(new LocalStripeStartError(message));
    };
    const timer = setTimeout(() => fail(`The local Stripe did not start within ${timeoutMs / 1000} s.`), timeoutMs);
    child.on('message', (message: LocalStripeMessage) => {
      if (message.type === 'local-stripe-port-taken') return fail(portTakenLine(message.port));
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.disconnect(); // the channel was only for this word: neither process should be kept alive by it
      // The user's host (localhost, 127.0.0.1) is kept when the port did not move.
      resolve({ child, url: Number(new URL(message.url).port) === port ? url.replace(/\/$/, '') : message.url });
    });
    child.once('exit', (code) => fail(`The local Stripe stopped before it was ready (exit ${code}).`));
  });
}

// `npm run dev` with the local Stripe's port taken, here by an impostor that answers like a local Stripe (as
// another clone's would): the dev script must never talk to it. Unchosen, the port moves to a free one and
// the child we started answers there with the catalog; chosen (STRIPE_EMULATOR_URL), the dev script stops
// with one line naming the port and the variable, and no stack. The port is the test's own, not 12111.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { startLocalStripe } from './start-local-stripe';

let impostor: Server;
let takenPort = 0;
let impostorRequests = 0;
before(async () => {
  impostor = createServer((_req, res) => {
    impostorRequests++;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"object":"list","data":[]}');
  });
  await new Promise<void>((resolve) => impostor.listen(0, '127.0.0.1', resolve));
  takenPort = (impostor.address() as AddressInfo).port;
});
after(() => impostor.close());

describe('the local Stripe of `npm run dev` when its port is taken', () => {
  test('an unchosen port moves to a free one, where our own child answers with the catalog', async () => {
    const { child, url } = await startLocalStripe({ url: `http://127.0.0.1:${takenPort}`, chosen: false });
    try {
      assert.notEqual(new URL(url).port, String(takenPort));
      const products = await fetch(`${url}/v1/products?limit=100`, {
        headers: { authorization: 'Bearer sk_test_local_stripe' },
      });
      const { data } = (await products.json()) as { data: { metadata: Record<string, string> }[] };
      assert.ok(data.length > 0, 'the catalog was loaded into the local Stripe we started');
      assert.equal(impostorRequests, 0, 'nothing was asked of the process that had the port');
    } finally {
      child.kill('SIGTERM');
    }
  });

  test('a chosen port that is taken stops the dev script with one line naming the port and STRIPE_EMULATOR_URL', () => {
    const dev = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/dev.ts'], {
      env: { ...process.env, STRIPE_SECRET_KEY: '', STRIPE_EMULATOR_URL: `http://127.0.0.1:${takenPort}` },
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(dev.status, 1);
    const lines = dev.stderr.trim().split('\n');
    assert.equal(lines.length, 1, dev.stderr);
    assert.match(lines[0]!, new RegExp(`^Port ${takenPort} is taken .*STRIPE_EMULATOR_URL=`));
    assert.doesNotMatch(dev.stderr + dev.stdout, /EADDRINUSE|^\s+at /m);
    assert.doesNotMatch(dev.stdout, /Local Stripe on|next dev|Ready/, 'nothing started');
    assert.equal(impostorRequests, 0);
  });
});

// Benchmark (not a test): placing a hold, and recording a paid order (the completed event's database
// transaction: event id, order and lines, holds turned into sales), sequentially, on a fresh in-memory PGlite
// and, when TEST_DATABASE_URL (or else DATABASE_URL) names a Postgres server, on a scratch database created
// there and dropped afterwards. The event's Stripe read-back is left out: bench-emulator times Stripe calls.
import { attachSession, placeHolds, seedInventory } from '../lib/db/inventory';
import { recordPaidOrder } from '../lib/db/orders';
import { freshDatabase, paidReceipt, type Engine } from '../lib/db/testing';
import { benchEngines, percentile, timed } from './bench-stats';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const HOUR = () => new Date(Date.now() + 3_600_000);

const receipt = (sessionId: string) =>
  paidReceipt(sessionId, {
    bindingTag: 'bench',
    items: [{ productId: 'bench-mug', description: 'Ceramic mug', quantity: 1, unitAmount: 2200 }],
  });

async function benchEngine(engine: Engine) {
  const t = await freshDatabase(engine);
  try {
    await seedInventory(t.db, [{ id: 'bench-mug', stock: ROUNDS * 10 }]);
    // Others' open holds on the same product, as a busy shop has: a hold counts them.
    for (let i = 0; i < 50; i += 1) {
      await placeHolds(t.db, {
        reservationId: `other-${i}`,
        lines: [{ productId: 'bench-mug', quantity: 1 }],
        expiresAt: HOUR(),
      });
    }
    const hold: number[] = [];
    const order: number[] = [];
    for (let i = 0; i < ROUNDS; i += 1) {
      const reservationId = `bench-${i}`;
      hold.push(
        await timed(() =>
          placeHolds(t.db, { reservationId, lines: [{ productId: 'bench-mug', quantity: 1 }], expiresAt: HOUR() }),
        ),
      );
      await attachSession(t.db, reservationId, `cs_test_bench_${i}`, HOUR());
      order.push(
        await timed(() =>
          recordPaidOrder(t.db, receipt(`cs_test_bench_${i}`), {
            recordedBy: 'webhook',
            event: { eventId: `evt_bench_${i}`, eventType: 'checkout.session.completed' },
          }),
        ),
      );
    }
    const row = (what: string, samples: number[]) => ({
      engine,
      what,
      p50: Number(percentile(samples, 50).toFixed(2)),
      p99: Number(percentile(samples, 99).toFixed(2)),
    });
    return [row('place a hold', hold), row('record a paid order (completed event, db part)', order)];
  } finally {
    await t.dispose();
  }
}

export async function benchDatabase() {
  const engines: Engine[] = benchEngines();
  const rows = [];
  for (const engine of engines) rows.push(...(await benchEngine(engine)));
  console.log(
    `The database, ${ROUNDS} rounds, sequential (milliseconds)${engines.length === 1 ? '; set TEST_DATABASE_URL for Postgres too' : ''}`,
  );
  console.table(rows);
  return rows;
}

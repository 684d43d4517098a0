// The embedded PGlite, on a thread of its own (lib/db/pglite-thread.ts starts it). PGlite is Postgres compiled to
// WebAssembly: every statement runs on the thread that owns it. Here that is not the server's event loop, so a page
// render never waits behind a statement's CPU, only for its own statements' turn on the one connection.
// Plain JavaScript: the server loads this file as it is, with no build step between.
//
// Started with {dataDir, startFrom?}: startFrom names a data directory image (a tarball that PGlite's dumpDataDir
// wrote) for a memory:// database to begin from instead of an empty cluster (tests use one: lib/db/pglite-image.ts).
// Messages in:  {id, op: 'query', sql, params, rowMode, textTypes, tx?}  a statement, in transaction `tx` if given
//               {id, op: 'begin'}                                        opens a transaction; answers its number
//               {id, op: 'end', tx, commit}                              commits it, or rolls it back
//               {id, op: 'close'}
// Messages out: {ready: true} | {failed: error} once, then {id, ok: true, value} | {id, ok: false, error}
import { openAsBlob } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

/**
 * An error as plain data, with Postgres's fields (code, detail, constraint, …), so the server can rebuild it.
 * Only text and numbers cross: PGlite also attaches the query's options, whose parsers are functions.
 */
const plain = (error) => {
  if (!(error instanceof Error)) return { message: String(error) };
  const fields = Object.entries(error).filter(([, value]) => ['string', 'number', 'boolean'].includes(typeof value));
  return { ...Object.fromEntries(fields), name: error.name, message: error.message };
};

let pg;
try {
  const { dataDir, startFrom } = workerData;
  // A Blob backed by the file: PGlite reads it whole with arrayBuffer(), which for a Blob made of a Buffer costs
  // Node 20 about twice the CPU (0.6-0.7 s against 0.35 s for the 41 MB test image).
  pg = new PGlite(dataDir, startFrom ? { loadDataDir: await openAsBlob(startFrom) } : {});
  await pg.waitReady;
  parentPort.postMessage({ ready: true });
} catch (error) {
  parentPort.postMessage({ failed: plain(error) });
  process.exit(1);
}

/** Open transactions by number: the transaction's own client, and how to end it. */
const open = new Map();
let nextTx = 0;
const keepText = (value) => value;

const ops = {
  query({ sql, params, rowMode, textTypes, tx }) {
    const client = tx === undefined ? pg : open.get(tx)?.client;
    if (!client) throw new Error(`No open transaction ${tx}.`);
    const parsers = Object.fromEntries(textTypes.map((type) => [type, keepText]));
    return client.query(sql, params, { rowMode, parsers });
  },
  begin() {
    const tx = ++nextTx;
    return new Promise((began, failed) => {
      const done = pg.transaction(
        (client) =>
          new Promise((commit, rollback) => {
            open.set(tx, { client, commit, rollback, done });
            began(tx);
          }),
      );
      done.catch(failed).finally(() => open.delete(tx));
    });
  },
  async end({ tx, commit }) {
    const entry = open.get(tx);
    if (!entry) throw new Error(`No open transaction ${tx}.`);
    if (commit) {
      entry.commit();
      await entry.done; // a COMMIT can fail (a deferred constraint): the caller hears of it
    } else {
      entry.rollback(new Error('rolled back'));
      await entry.done.catch(() => {}); // a rollback is the outcome asked for, not a failure
    }
  },
  async close() {
    await pg.close();
  },
};

parentPort.on('message', async ({ id, op, ...args }) => {
  try {
    const value = await ops[op](args);
    parentPort.postMessage({ id, ok: true, value });
    if (op === 'close') parentPort.close();
  } catch (error) {
    parentPort.postMessage({ id, ok: false, error: plain(error) });
  }
});

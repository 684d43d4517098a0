// A process that holds a PGlite folder until it is told to stop, for lib/db/pglite-lock.test.ts: it opens
// PGLITE_DATA_DIR the way the server does (locked, migrated, seeded), prints `ready`, and waits. With
// HOLD_LOCK_ONLY=1 it only takes the lock (quicker, for tests about the refusal and not about the data).
import { openReadyDatabase } from '@/lib/db/client';
import { lockPgliteFolder } from '@/lib/db/pglite-lock';

const dataDir = process.env.PGLITE_DATA_DIR ?? '';
const close =
  process.env.HOLD_LOCK_ONLY === '1'
    ? lockPgliteFolder(dataDir).release
    : (await openReadyDatabase({ kind: 'pglite', dataDir })).close;
console.log('ready');
process.once('SIGTERM', () => void Promise.resolve(close()).then(() => process.exit(0)));
setInterval(() => {}, 60_000); // keep the event loop alive until a signal

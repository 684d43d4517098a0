// A process that holds a PGlite folder until it is told to stop, for lib/db/pglite-lock.test.ts: it opens
// PGLITE_DATA_DIR the way the server does (locked, migrated, seeded), prints `ready`, and waits.
import { openReadyDatabase } from '@/lib/db/client';

const handle = await openReadyDatabase({ kind: 'pglite', dataDir: process.env.PGLITE_DATA_DIR ?? '' });
console.log('ready');
process.once('SIGTERM', () => void handle.close().then(() => process.exit(0)));
setInterval(() => {}, 60_000); // keep the event loop alive until a signal

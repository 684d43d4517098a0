// `npm run bench`: every benchmark, one after another. Numbers vary between machines and runs;
// compare numbers measured in one run.
import { benchIntervalSwitch } from './bench-interval-switch';

const { main: benchEmulator } = await import('./bench-emulator');
await benchEmulator();
console.log('');
await benchIntervalSwitch();

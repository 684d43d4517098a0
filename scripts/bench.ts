// `npm run bench`: every benchmark, one after another. Numbers vary between machines and runs;
// compare numbers measured in one run.
import { main as benchEmulator } from './bench-emulator';
import { benchIntervalSwitch } from './bench-interval-switch';
import { benchSoak } from './bench-soak';

await benchEmulator();
console.log('');
await benchIntervalSwitch();
console.log('');
await benchSoak(20000);

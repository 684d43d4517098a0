// The static checks of `npm test` (ESLint, Prettier, TypeScript), run at once: each is one single-threaded
// process, so side by side they take the time of the slowest on a 2-core machine, not the sum. Each one's
// output is printed whole when it ends, under its name; the exit code is non-zero if any failed.
import { sideBySide } from './steps';

const passed = await sideBySide([
  { name: 'eslint', command: ['eslint', '.'] },
  { name: 'prettier', command: ['prettier', '--check', '.'] },
  { name: 'typescript', command: ['tsc', '--noEmit'] },
]);
process.exit(passed ? 0 : 1);

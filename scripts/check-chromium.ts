// Stops `npm run test:e2e` with one clear sentence when there is no Chromium to drive (downloads fail here).
import { accessSync, constants } from 'node:fs';
import { CHROMIUM_PATH } from '../e2e/config';

try {
  accessSync(CHROMIUM_PATH, constants.X_OK);
} catch {
  console.error(
    `No Chromium at ${CHROMIUM_PATH}: install Debian's (\`apt-get install -y chromium-headless-shell\`, or \`chromium\`) or set CHROMIUM_PATH to a Chromium or Chrome binary, then run the tests again.`,
  );
  process.exit(1);
}

// What the dashboard reads and changes: the API's own GET handlers (so it shows what a client of the API
// would see, rendered by the same functions) and the controls (so its forms do what /_emulator/* does).
import type { ControlDeps } from '../controls/routes';

export type DashboardDeps = {
  controls: ControlDeps;
  /**
   * A GET of the API (`/v1/checkout/sessions?limit=100`) run in-process through the route table with a
   * secret key and the default API version: no latency, no faults, not in the request log. Throws the
   * API's error (a 404 for an unknown id).
   */
  readApi(pathAndQuery: string): unknown;
  /** The emulator clock, milliseconds. */
  nowMs(): number;
};

import type { StripeCheckoutRunServerUpdateResult } from '@stripe/stripe-js';
import { withTimeout } from './action-queue';
import { SERVER_UPDATE_TIMEOUT_MS, type ActionContext } from './action-context';
import { buyerError, messageOf } from './results';

// API-NOTES §3: the merchant's function updates the session on its own server; we wait for it
// (20 s at most), then fetch the session again. Any failure leaves the buyer's session as it was.
export function runServerUpdate(
  ctx: ActionContext,
  userFunction: () => Promise<unknown>,
): Promise<StripeCheckoutRunServerUpdateResult> {
  return ctx.state.queue
    .run(async (): Promise<StripeCheckoutRunServerUpdateResult> => {
      if (typeof userFunction !== 'function') {
        return buyerError('runServerUpdate expects a function that returns a Promise.');
      }
      try {
        // Promise.resolve().then(...) also catches a function that throws synchronously.
        await withTimeout(
          Promise.resolve().then(() => userFunction()),
          ctx.serverUpdateTimeoutMs ?? SERVER_UPDATE_TIMEOUT_MS,
        );
      } catch (error) {
        return buyerError(`The server update failed: ${messageOf(error)}`);
      }
      try {
        ctx.state.setServer(await ctx.transport.getSession());
      } catch (error) {
        return buyerError(`The session could not be refreshed after the server update: ${messageOf(error)}`);
      }
      return { type: 'success', session: ctx.state.session() };
    })
    .then((result) => (result.type === 'success' ? { type: 'success', session: ctx.state.session() } : result));
}

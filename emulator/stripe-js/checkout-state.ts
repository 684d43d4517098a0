import type { StripeCheckoutContact, StripeCheckoutSession } from '@stripe/stripe-js';
import { ActionQueue } from './action-queue';
import { mapSession } from './map-session';
import type { ServerSession } from './server-session';

type Listener = (session: StripeCheckoutSession) => void;

// The buyer-side checkout: the last session the server returned, what only the browser knows
// (Payment Element completeness, billing address, phone), the action queue and `change` listeners.
export class CheckoutState {
  readonly queue: ActionQueue;
  private listeners: Listener[] = [];
  private paymentComplete: boolean | null = null;
  billingAddress: StripeCheckoutContact | null = null;
  phoneNumber: string | null = null;
  /** Whether the page has read the total it will charge; confirm() refuses to run before. */
  totalShown = false;

  constructor(
    public server: ServerSession,
    private readonly locale?: string,
  ) {
    // Entering and leaving the busy state changes canConfirm, so both are a change.
    this.queue = new ActionQueue((size) => {
      if (size <= 1) this.emit();
    });
  }

  session(): StripeCheckoutSession {
    const session = mapSession(this.server, {
      pending: this.queue.size > 0,
      paymentComplete: this.paymentComplete,
      locale: this.locale,
    });
    return {
      ...session,
      billingAddress: this.billingAddress,
      phoneNumber: this.phoneNumber ?? session.phoneNumber,
      total: { ...session.total, total: this.watchTotal(session.total.total) },
    };
  }

  // Stripe.js requires the page to show the buyer the total before confirm(): reading `total.total.amount`
  // or `total.total.minorUnitsAmount` counts (the React wrapper reads `currency` and
  // `minorUnitsAmountDivisor` for every page, so they are not what tells a page that shows the total apart).
  private watchTotal(total: StripeCheckoutSession['total']['total']): StripeCheckoutSession['total']['total'] {
    const mark = () => {
      this.totalShown = true;
    };
    return {
      get amount() {
        mark();
        return total.amount;
      },
      get minorUnitsAmount() {
        mark();
        return total.minorUnitsAmount;
      },
    };
  }

  on(listener: Listener): void {
    this.listeners.push(listener);
  }

  setServer(server: ServerSession): void {
    this.server = server;
    this.emit();
  }

  setPaymentComplete(complete: boolean | null): void {
    if (complete === this.paymentComplete) return;
    this.paymentComplete = complete;
    this.emit();
  }

  emit(): void {
    const session = this.session();
    for (const listener of this.listeners) listener(session);
  }
}

import type { StripeCheckoutContact } from '@stripe/stripe-js';

// Messages between the page's Payment Element and its frame on the local Stripe's origin. Every
// message carries the frame id so two Payment Elements on one page never mix their answers.
export const FRAME_PATH = '/v3/elements/payment.html';
export const FRAME_SCRIPT_PATH = '/v3/elements/payment-frame.js';

export type ConfirmMessage = {
  type: 'confirm';
  requestId: number;
  publishableKey: string;
  clientSecret: string;
  email: string;
  expectedAmount: number;
  shipping: StripeCheckoutContact | null;
  billingName: string | null;
};

export type ToFrameBody =
  ConfirmMessage | { type: 'show-errors' } | { type: 'clear' } | { type: 'focus' } | { type: 'blur' };
export type ToFrame = { frameId: string } & ToFrameBody;

export type FrameError = { message: string; type: string; code: string | null; declineCode: string | null };

export type FromFrameBody =
  | { type: 'ready'; height: number }
  | { type: 'resize'; height: number }
  | { type: 'change'; complete: boolean; empty: boolean; error: string | null }
  | { type: 'focus' }
  | { type: 'blur' }
  | { type: 'confirm-result'; requestId: number; session?: unknown; error?: FrameError };
export type FromFrame = { frameId: string; source: 'local-stripe-payment-frame' } & FromFrameBody;

export function isFromFrame(data: unknown, frameId: string): data is FromFrame {
  const message = data as Partial<FromFrame> | null;
  return message?.source === 'local-stripe-payment-frame' && message.frameId === frameId;
}

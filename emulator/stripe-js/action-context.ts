import type { CheckoutState } from './checkout-state';
import type { ElementRegistry } from './element-handles';
import type { CheckoutTransport } from './transport';

export const SERVER_UPDATE_TIMEOUT_MS = 20_000;

export type ActionContext = {
  state: CheckoutState;
  transport: CheckoutTransport;
  elements: ElementRegistry;
  clientSecret: string;
  navigate: (url: string) => void;
  serverUpdateTimeoutMs?: number;
};

import { cardParams, checkCard, firstError, formatCardNumber, formatExpiry, type CardField } from '../card-validation';
import type { ConfirmMessage, FromFrameBody, ToFrame } from '../frame-protocol';
import { contactParams } from '../session-actions';
import { StripeApiError } from '../../core/errors';
import { sessionIdFromSecret, stripeRequest } from '../transport';
import { buildCardForm } from './card-form';

// Runs inside the Payment Element's iframe, on the local Stripe's origin: the card fields live
// here and the card goes from here straight to /confirm, never through the merchant's page.
const params = new URLSearchParams(location.hash.slice(1));
const frameId = params.get('frameId') ?? '';
const parentOrigin = params.get('parentOrigin') ?? '';
const form = buildCardForm(document.body);
const touched = new Set<CardField>();
let showAll = false;

function post(message: FromFrameBody) {
  window.parent.postMessage({ ...message, frameId, source: 'local-stripe-payment-frame' }, parentOrigin);
}

function values() {
  return { number: form.inputs.number.value, expiry: form.inputs.expiry.value, cvc: form.inputs.cvc.value };
}

// The html element is at least as tall as the iframe, so it would never let the frame shrink; the body is not.
function contentHeight() {
  return Math.ceil(document.body.getBoundingClientRect().height);
}

function render() {
  const check = checkCard(values());
  for (const field of ['number', 'expiry', 'cvc'] as const) {
    const message = showAll || touched.has(field) ? (check.errors[field] ?? '') : '';
    form.errors[field].textContent = message;
    form.inputs[field].setAttribute('aria-invalid', message ? 'true' : 'false');
  }
  post({ type: 'change', complete: check.complete, empty: check.empty, error: firstError(check) });
  post({ type: 'resize', height: contentHeight() });
}

form.inputs.number.addEventListener('input', () => {
  form.inputs.number.value = formatCardNumber(form.inputs.number.value);
  render();
});
form.inputs.expiry.addEventListener('input', () => {
  form.inputs.expiry.value = formatExpiry(form.inputs.expiry.value);
  render();
});
form.inputs.cvc.addEventListener('input', () => {
  form.inputs.cvc.value = form.inputs.cvc.value.replace(/\D/g, '').slice(0, 4);
  render();
});
for (const field of ['number', 'expiry', 'cvc'] as const) {
  form.inputs[field].addEventListener('focus', () => post({ type: 'focus' }));
  form.inputs[field].addEventListener('blur', () => {
    if (form.inputs[field].value) touched.add(field);
    render();
    post({ type: 'blur' });
  });
}

async function confirm(message: ConfirmMessage) {
  const check = checkCard(values());
  if (!check.complete) {
    showAll = true;
    render();
    const error = {
      message: firstError(check) ?? 'Your card is incomplete.',
      type: 'validation_error',
      code: null,
      declineCode: null,
    };
    return post({ type: 'confirm-result', requestId: message.requestId, error });
  }
  form.setDisabled(true);
  try {
    const id = sessionIdFromSecret(message.clientSecret) ?? '';
    const session = await stripeRequest(
      location.origin,
      message.publishableKey,
      'POST',
      `/v1/payment_pages/${id}/confirm`,
      {
        client_secret: message.clientSecret,
        email: message.email,
        expected_amount: message.expectedAmount,
        payment_method_data: {
          card: cardParams(values()),
          billing_details: { name: message.billingName ?? undefined },
        },
        shipping_details: message.shipping ? contactParams(message.shipping) : undefined,
      },
    );
    post({ type: 'confirm-result', requestId: message.requestId, session });
  } catch (caught) {
    const error =
      caught instanceof StripeApiError
        ? { message: caught.message, type: caught.type, code: caught.code, declineCode: caught.declineCode }
        : { message: String(caught), type: 'api_error', code: null, declineCode: null };
    post({ type: 'confirm-result', requestId: message.requestId, error });
  } finally {
    form.setDisabled(false);
  }
}

window.addEventListener('message', (event: MessageEvent<ToFrame>) => {
  if (event.origin !== parentOrigin || event.source !== window.parent || event.data?.frameId !== frameId) return;
  const message = event.data;
  if (message.type === 'confirm') void confirm(message);
  else if (message.type === 'show-errors') {
    showAll = true;
    render();
  } else if (message.type === 'clear') {
    for (const input of Object.values(form.inputs)) input.value = '';
    touched.clear();
    showAll = false;
    render();
  } else if (message.type === 'focus') form.inputs.number.focus();
  else if (message.type === 'blur') (document.activeElement as HTMLElement | null)?.blur();
});

post({ type: 'ready', height: contentHeight() });
render();

// Stripe's test cards (API-NOTES §5), checked in Stripe's order: number, expiry, CVC, then the
// issuer's answer. Errors are 402 card_error with Stripe's codes and messages.
import { StripeApiError } from '../core/errors';
import { luhnValid } from '../core/formats';

export type Card = { number: string; exp_month: number; exp_year: number; cvc: string };

const CARD_PARAM = 'payment_method_data[card]';

export const CARD_MSG = {
  incorrectNumber: 'Your card number is incorrect.',
  invalidExpiryMonth: "Your card's expiration month is invalid.",
  invalidExpiryYear: "Your card's expiration year is invalid.",
  invalidCvc: "Your card's security code is invalid.",
  insufficientFunds: 'Your card has insufficient funds.',
  declined: 'Your card was declined.',
  expired: 'Your card has expired.',
  incorrectCvc: "Your card's security code is incorrect.",
} as const;

const cardError = (message: string, code: string, param?: string, decline_code?: string) =>
  new StripeApiError(402, 'card_error', message, { code, param, decline_code });

// Numbers that decline at the issuer: [code, decline_code, message].
const DECLINES: Record<string, [string, string | undefined, string]> = {
  '4000000000000002': ['card_declined', 'generic_decline', CARD_MSG.declined],
  '4000000000009995': ['card_declined', 'insufficient_funds', CARD_MSG.insufficientFunds],
  '4000000000000069': ['expired_card', undefined, CARD_MSG.expired],
  '4000000000000127': ['incorrect_cvc', undefined, CARD_MSG.incorrectCvc],
};

/** Throws the card error Stripe would answer, or returns for a card that pays. */
export function chargeCard(card: Card, now: Date): void {
  const number = card.number.replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(number) || !luhnValid(number))
    throw cardError(CARD_MSG.incorrectNumber, 'incorrect_number', `${CARD_PARAM}[number]`);
  if (card.exp_month < 1 || card.exp_month > 12)
    throw cardError(CARD_MSG.invalidExpiryMonth, 'invalid_expiry_month', `${CARD_PARAM}[exp_month]`);
  const year = card.exp_year < 100 ? 2000 + card.exp_year : card.exp_year;
  const thisYear = now.getUTCFullYear();
  if (year < thisYear || year > thisYear + 50)
    throw cardError(CARD_MSG.invalidExpiryYear, 'invalid_expiry_year', `${CARD_PARAM}[exp_year]`);
  if (year === thisYear && card.exp_month < now.getUTCMonth() + 1) {
    throw cardError(CARD_MSG.invalidExpiryMonth, 'invalid_expiry_month', `${CARD_PARAM}[exp_month]`);
  }
  const amex = /^3[47]/.test(number);
  if (!(amex ? /^\d{4}$/ : /^\d{3}$/).test(card.cvc))
    throw cardError(CARD_MSG.invalidCvc, 'invalid_cvc', `${CARD_PARAM}[cvc]`);
  const decline = DECLINES[number];
  if (decline) throw cardError(decline[2], decline[0], undefined, decline[1]);
}

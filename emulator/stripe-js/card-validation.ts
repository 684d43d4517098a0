// Card field rules of the Payment Element, pure so they are unit-tested in node. Messages follow the
// wording Stripe's Payment Element shows.
import { luhnValid } from '../core/formats';
export type CardInput = { number: string; expiry: string; cvc: string };
export type CardField = keyof CardInput;
export type CardCheck = { complete: boolean; empty: boolean; errors: Partial<Record<CardField, string>> };

export const MESSAGES = {
  numberIncomplete: 'Your card number is incomplete.',
  numberInvalid: 'Your card number is invalid.',
  expiryIncomplete: "Your card's expiration date is incomplete.",
  expiryPast: "Your card's expiration year is in the past.",
  expiryMonth: "Your card's expiration date is invalid.",
  cvcIncomplete: "Your card's security code is incomplete.",
} as const;

export const digits = (value: string) => value.replace(/\D/g, '');

// "4242424242424242" -> "4242 4242 4242 4242"
export function formatCardNumber(value: string): string {
  return digits(value)
    .slice(0, 19)
    .replace(/(\d{4})(?=\d)/g, '$1 ');
}

// "1234" -> "12 / 34"; a lone first digit above 1 is a month: "5" -> "05 / "
export function formatExpiry(value: string): string {
  let d = digits(value).slice(0, 4);
  if (d.length === 1 && d > '1') d = `0${d}`;
  return d.length > 2 ? `${d.slice(0, 2)} / ${d.slice(2)}` : d;
}

// Amex (34, 37) numbers are 15 digits with a 4-digit CVC; other test cards are 16 with 3.
const isAmex = (number: string) => /^3[47]/.test(number);

export function checkCard(input: CardInput, now: Date = new Date()): CardCheck {
  const number = digits(input.number);
  const expiry = digits(input.expiry);
  const cvc = digits(input.cvc);
  const errors: CardCheck['errors'] = {};
  const wanted = isAmex(number) ? 15 : 16;
  if (number.length < wanted) errors.number = MESSAGES.numberIncomplete;
  else if (!luhnValid(number)) errors.number = MESSAGES.numberInvalid;
  if (expiry.length < 4) errors.expiry = MESSAGES.expiryIncomplete;
  else {
    const month = Number(expiry.slice(0, 2));
    const year = 2000 + Number(expiry.slice(2));
    const thisYear = now.getFullYear();
    if (month < 1 || month > 12) errors.expiry = MESSAGES.expiryMonth;
    else if (year < thisYear || (year === thisYear && month < now.getMonth() + 1)) errors.expiry = MESSAGES.expiryPast;
  }
  if (cvc.length < (isAmex(number) ? 4 : 3)) errors.cvc = MESSAGES.cvcIncomplete;
  return {
    complete: Object.keys(errors).length === 0,
    empty: !number && !expiry && !cvc,
    errors,
  };
}

export function firstError(check: CardCheck): string | null {
  return check.errors.number ?? check.errors.expiry ?? check.errors.cvc ?? null;
}

// The /confirm parameters for a complete card.
export function cardParams(input: CardInput): { number: string; exp_month: string; exp_year: string; cvc: string } {
  const expiry = digits(input.expiry);
  return {
    number: digits(input.number),
    exp_month: expiry.slice(0, 2),
    exp_year: `20${expiry.slice(2)}`,
    cvc: digits(input.cvc),
  };
}

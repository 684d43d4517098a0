// Formats both the local Stripe's server and its Stripe.js check: card numbers (Luhn) and email
// addresses. Imported into the browser bundle too, so it must stay free of Node APIs.

/** An email address as Stripe's forms accept it: something@something.tld, no spaces. */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The Luhn checksum of a card number (digits only); an empty string is not valid. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return digits.length > 0 && sum % 10 === 0;
}

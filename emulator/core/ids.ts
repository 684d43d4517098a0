import { randomBytes } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** Random base62, like the tails of Stripe's ids. */
export function randomToken(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[(bytes[i] ?? 0) % ALPHABET.length];
  return out;
}

// Lengths follow the ids in Stripe's fixtures (prod_ has 14 characters, most others 24).
const LENGTHS: Record<string, number> = { prod: 14, cus: 14, cs_test: 58 };

export function newId(prefix: string): string {
  return `${prefix}_${randomToken(LENGTHS[prefix] ?? 24)}`;
}

export const newRequestId = () => `req_${randomToken(14)}`;

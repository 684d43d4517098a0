// The `created` filter of Stripe's list endpoints (RangeQueryParam in stripe-node's types): a Unix
// timestamp (`created=1700000000`, that second exactly) or bounds `created[gt|gte|lt|lte]`, combined.
import type { FormValue } from '../core/form-encoding';
import type { VersionFeatures } from '../core/version';
import { int, obj, type Spec } from './params';

export type CreatedFilter = number | { gt?: number; gte?: number; lt?: number; lte?: number };

const BOUNDS = obj({ gt: int(), gte: int(), lt: int(), lte: int() });
const EXACT = int();

export const CREATED_FILTER: Spec<CreatedFilter> = {
  required: false,
  parse: (value: FormValue, param: string, features: VersionFeatures) =>
    typeof value === 'string' ? EXACT.parse(value, param, features) : BOUNDS.parse(value, param, features),
};

export function createdMatches(created: number, filter: CreatedFilter | undefined): boolean {
  if (filter === undefined) return true;
  if (typeof filter === 'number') return created === filter;
  const { gt, gte, lt, lte } = filter;
  return (
    (gt === undefined || created > gt) &&
    (gte === undefined || created >= gte) &&
    (lt === undefined || created < lt) &&
    (lte === undefined || created <= lte)
  );
}

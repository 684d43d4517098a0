// Stripe's list envelope and cursor pagination: newest first, `limit` 1..100 (default 10),
// `starting_after` / `ending_before` by id, `has_more`.
import { arr, int, str, type Spec } from '../http/params';
import { notFound } from './errors';

export const LIST_PARAMS: Record<string, Spec> = {
  limit: int({ min: 1, max: 100 }),
  starting_after: str(),
  ending_before: str(),
  expand: arr(str()),
};

export type ListPage<T> = { object: 'list'; data: T[]; has_more: boolean; url: string };

export function paginate<T extends { id?: string }>(
  newestFirst: T[],
  params: { limit?: unknown; starting_after?: unknown; ending_before?: unknown },
  url: string,
  what: string,
): ListPage<T> {
  const limit = typeof params.limit === 'number' ? params.limit : 10;
  const indexOf = (id: unknown, param: string) => {
    const i = newestFirst.findIndex((o) => o.id === id);
    if (i === -1) throw notFound(what, String(id), param);
    return i;
  };
  if (typeof params.ending_before === 'string') {
    const end = indexOf(params.ending_before, 'ending_before');
    const start = Math.max(0, end - limit);
    return { object: 'list', data: newestFirst.slice(start, end), has_more: start > 0, url };
  }
  const start = typeof params.starting_after === 'string' ? indexOf(params.starting_after, 'starting_after') + 1 : 0;
  const data = newestFirst.slice(start, start + limit);
  return { object: 'list', data, has_more: start + limit < newestFirst.length, url };
}

export function newestFirst<T>(map: Map<string, T>): T[] {
  return [...map.values()].reverse();
}

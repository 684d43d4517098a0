// Stripe's list envelope and cursor pagination: newest first, `limit` 1..100 (default 10),
// `starting_after` / `ending_before` by id, `has_more`.
import { notFound } from './errors';

/** The paging params (declared for validation as LIST_FIELDS in http/params.ts). */
export type PageParams = { limit?: number; starting_after?: string; ending_before?: string };

export type ListPage<T> = { object: 'list'; data: T[]; has_more: boolean; url: string };

export function paginate<T extends { id?: string }>(
  newestFirst: T[],
  params: PageParams,
  url: string,
  what: string,
): ListPage<T> {
  const limit = params.limit ?? 10;
  const indexOf = (id: string, param: string) => {
    const index = newestFirst.findIndex((item) => item.id === id);
    if (index === -1) throw notFound(what, id, param);
    return index;
  };
  if (params.ending_before !== undefined) {
    const end = indexOf(params.ending_before, 'ending_before');
    const start = Math.max(0, end - limit);
    return { object: 'list', data: newestFirst.slice(start, end), has_more: start > 0, url };
  }
  const start = params.starting_after !== undefined ? indexOf(params.starting_after, 'starting_after') + 1 : 0;
  const data = newestFirst.slice(start, start + limit);
  return { object: 'list', data, has_more: start + limit < newestFirst.length, url };
}

export function newestFirst<T>(map: Map<string, T>): T[] {
  return [...map.values()].reverse();
}

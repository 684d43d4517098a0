import { PageLink } from '@/components/ui/page-link';

/** Newer / older pages of a list (`path`: the orders, the emails), keeping its search. */
export function Pager({
  path,
  page,
  pageCount,
  query = '',
}: {
  path: string;
  page: number;
  pageCount: number;
  query?: string;
}) {
  const href = (to: number) => `${path}?${new URLSearchParams({ ...(query && { q: query }), page: String(to) })}`;
  return (
    <nav className="admin-pager" aria-label="Pages">
      {page > 1 ? <PageLink href={href(page - 1)}>← Newer</PageLink> : null}
      <span>
        Page {page} of {Math.max(1, pageCount)}
      </span>
      {page < pageCount ? <PageLink href={href(page + 1)}>Older →</PageLink> : null}
    </nav>
  );
}

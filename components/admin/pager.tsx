import Link from 'next/link';

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
      {page > 1 ? <Link href={href(page - 1)}>← Newer</Link> : null}
      <span>
        Page {page} of {Math.max(1, pageCount)}
      </span>
      {page < pageCount ? <Link href={href(page + 1)}>Older →</Link> : null}
    </nav>
  );
}

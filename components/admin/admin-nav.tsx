import { PageLink } from '@/components/ui/page-link';

const LINKS = [
  { href: '/admin/orders', label: 'Orders' },
  { href: '/admin/stock', label: 'Stock' },
  { href: '/admin/emails', label: 'Emails' },
];

/** The back office's sections and the sign-out button (a form: signing out is a mutation). */
export function AdminNav({ current }: { current: string }) {
  return (
    <nav className="admin-nav" aria-label="Back office">
      <ul>
        {LINKS.map((link) => (
          <li key={link.href}>
            <PageLink href={link.href} aria-current={current === link.href ? 'page' : undefined}>
              {link.label}
            </PageLink>
          </li>
        ))}
      </ul>
      <form method="post" action="/api/admin/logout">
        <button type="submit" className="button secondary">
          Sign out
        </button>
      </form>
    </nav>
  );
}

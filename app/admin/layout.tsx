import type { Metadata } from 'next';
import '@/components/admin/admin.css';

export const metadata: Metadata = {
  title: { default: 'Back office', template: '%s · Back office' },
  robots: { index: false, follow: false },
};
// Orders, stock and refunds change all the time: never a cached page.
export const dynamic = 'force-dynamic';

export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return (
    <main>
      <div className="admin">{children}</div>
    </main>
  );
}

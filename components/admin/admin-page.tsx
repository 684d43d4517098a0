import { AdminNav } from '@/components/admin/admin-nav';
import { FlashMessage } from '@/components/admin/flash';
import { adminFlash } from '@/lib/actions/admin-auth';

/** Every signed-in back-office page: its title, the sections, and the last form's outcome. */
export async function AdminPage({
  title,
  current,
  children,
}: {
  title: string;
  current: string;
  children: React.ReactNode;
}) {
  return (
    <>
      <AdminNav current={current} />
      <h1>{title}</h1>
      <FlashMessage flash={await adminFlash()} />
      {children}
    </>
  );
}

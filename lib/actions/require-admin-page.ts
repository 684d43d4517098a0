import 'server-only';
import { redirect } from 'next/navigation';
import { adminAccess } from '@/lib/actions/admin-auth';

/** Pages: the signed-in owner gets through; anyone else is sent to the sign-in page (which also says when it is off). */
export async function requireAdminPage(): Promise<void> {
  if ((await adminAccess()) !== 'signed_in') redirect('/admin/login');
}

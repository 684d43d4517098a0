import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { FlashMessage } from '@/components/admin/flash';
import { adminAccess, adminFlash } from '@/lib/actions/admin-auth';

export const metadata: Metadata = { title: 'Sign in' };

export default async function AdminLogin() {
  const access = await adminAccess();
  if (access === 'signed_in') redirect('/admin/orders');
  if (access === 'off') {
    return (
      <section className="admin-card">
        <h1>The back office is off</h1>
        <p>It turns on when the shop has a password for it. To turn it on:</p>
        <ol>
          <li>
            Choose a password of at least 10 characters and set it as <code>ADMIN_PASSWORD</code>: in{' '}
            <code>.env.local</code> on your computer, or in your host&apos;s environment settings (on Vercel: Project →
            Settings → Environment Variables).
          </li>
          <li>Restart the shop (or redeploy it), then open this page again and sign in.</li>
        </ol>
      </section>
    );
  }
  return (
    <section className="admin-card">
      <h1>Sign in to the back office</h1>
      <FlashMessage flash={await adminFlash()} />
      <form method="post" action="/api/admin/login" className="admin-form">
        <label>
          Password
          <input type="password" name="password" autoComplete="current-password" required maxLength={1000} />
        </label>
        <button type="submit" className="button">
          Sign in
        </button>
      </form>
    </section>
  );
}

import { z } from 'zod';
import { resendEmail } from '@/lib/actions/shop-emails';
import { adminFormRoute } from '@/lib/admin/form-route';
import { parseEmailId } from '@/lib/admin/order-id';

// The outbox's "Send again" / "Send now" button: the page it was on comes back with it.
const formSchema = z.object({ page: z.coerce.number().int().min(1).max(100_000).optional() });

const emailsPath = (page?: number) => (page && page > 1 ? `/admin/emails?page=${page}` : '/admin/emails');

export const POST = adminFormRoute(
  'POST /api/admin/emails/:id/send',
  formSchema,
  async (form, params) => ({ to: emailsPath(form.page), ...(await resendEmail(parseEmailId(params.id) ?? 0)) }),
  () => emailsPath(),
);

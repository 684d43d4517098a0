import { z } from 'zod';
import { changeProductStock } from '@/lib/actions/admin-stock';
import { adminFormRoute } from '@/lib/admin/form-route';

const formSchema = z.object({
  product_id: z.string().max(100),
  change: z.enum(['set', 'add']),
  units: z.coerce.number().int().min(0).max(100_000),
});

export const POST = adminFormRoute(
  'POST /api/admin/stock',
  formSchema,
  async ({ product_id, change, units }) => ({
    to: '/admin/stock',
    text: await changeProductStock(product_id, change === 'set' ? { set: units } : { add: units }),
  }),
  () => '/admin/stock',
);

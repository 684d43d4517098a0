import { z } from 'zod';
import { refundOrder } from '@/lib/actions/refund-order';
import { adminFormRoute, assertConfirmed } from '@/lib/admin/form-route';
import { parseOrderId } from '@/lib/admin/order-id';

// The order page's refund form: `scope` order (everything left) or lines (`qty_<position>` units of each), and the
// ticked box that confirms it.
const formSchema = z
  .looseObject({
    form_key: z.uuid(),
    scope: z.enum(['order', 'lines']),
    restock: z.literal('on').optional(),
    confirm: z.literal('on').optional(),
  })
  .transform((form) => ({
    ...form,
    lines: Object.entries(form)
      .map(([name, value]) => [/^qty_(\d{1,4})$/.exec(name)?.[1], value] as const)
      .filter(([position, value]) => position !== undefined && typeof value === 'string' && /^\d{1,4}$/.test(value))
      .map(([position, value]) => ({ position: Number(position), quantity: Number(value) })),
  }));

const orderPath = (params: Record<string, string>) => `/admin/orders/${encodeURIComponent(params.id ?? '')}`;

export const POST = adminFormRoute(
  'POST /api/admin/orders/:id/refund',
  formSchema,
  async (form, params) => {
    assertConfirmed(form.confirm, 'Nothing was refunded: tick the box that confirms the refund, then send it again.');
    return {
      to: orderPath(params),
      text: await refundOrder({
        orderId: parseOrderId(params.id) ?? 0,
        request: form.scope === 'order' ? { kind: 'order' } : { kind: 'lines', lines: form.lines },
        restock: form.restock === 'on',
        formKey: form.form_key,
      }),
    };
  },
  orderPath,
);

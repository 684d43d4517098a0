import { z } from 'zod';
import { cancelPlanOrder } from '@/lib/actions/cancel-plan';
import { adminFormRoute, assertConfirmed } from '@/lib/admin/form-route';
import { parseOrderId } from '@/lib/admin/order-id';

const formSchema = z.object({
  form_key: z.uuid(),
  refund: z.literal('on').optional(),
  confirm: z.literal('on').optional(),
});

const orderPath = (params: Record<string, string>) => `/admin/orders/${encodeURIComponent(params.id ?? '')}`;

export const POST = adminFormRoute(
  'POST /api/admin/orders/:id/cancel',
  formSchema,
  async (form, params) => {
    assertConfirmed(
      form.confirm,
      'Nothing was cancelled: tick the box that confirms the cancellation, then send it again.',
    );
    return {
      to: orderPath(params),
      text: await cancelPlanOrder({
        orderId: parseOrderId(params.id) ?? 0,
        refund: form.refund === 'on',
        formKey: form.form_key,
      }),
    };
  },
  orderPath,
);

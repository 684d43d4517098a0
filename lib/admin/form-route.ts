import 'server-only';
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { assertAdminRequest } from '@/lib/actions/admin-auth';
import { FLASH_COOKIE, type Flash } from '@/lib/admin/flash';
import { appOrigin } from '@/lib/app-origin';
import { AppError, InvalidRequestError } from '@/lib/errors';
import { errorResponse, readBody } from '@/lib/http';
import { log } from '@/lib/log';
import { StripeRefusedError } from '@/lib/stripe/errors';

/** A back-office form is a few fields: 8 KiB is generous. */
const FORM_BODY_LIMIT = 8 * 1024;

/** Form fields by name (a form sends each of ours once). */
export async function readForm(request: Request): Promise<Record<string, string>> {
  const mediaType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/x-www-form-urlencoded')
    throw new InvalidRequestError(`Content-Type ${mediaType ?? 'missing'}`, 'Send the form from the back office.');
  return Object.fromEntries(new URLSearchParams(new TextDecoder().decode(await readBody(request, FORM_BODY_LIMIT))));
}

export function redirectWithFlash(request: Request, to: string, flash: Flash): NextResponse {
  const origin = appOrigin(request);
  const response = NextResponse.redirect(new URL(to, origin), 303);
  response.cookies.set({
    name: FLASH_COOKIE,
    value: JSON.stringify(flash),
    httpOnly: true,
    sameSite: 'strict',
    secure: origin.startsWith('https://'),
    path: '/admin',
    maxAge: 20,
  });
  return response;
}

/**
 * A form whose action cannot be undone (a refund, a cancellation) carries a required `confirm` box. The browser
 * will not send the form without it; a request that comes without it anyway is refused with nothing done, and
 * `nothingDone` tells the owner so.
 */
export function assertConfirmed(confirm: string | undefined, nothingDone: string): void {
  if (confirm !== 'on') throw new InvalidRequestError('The form came without its confirm box ticked', nothingDone);
}

/** What the owner reads when a form fails: ours as written; Stripe's refusal in Stripe's words (the owner may act on it). */
function ownerMessage(error: unknown): string | null {
  if (error instanceof StripeRefusedError)
    return `Stripe refused: ${error.message.split('): ').slice(1).join('): ') || 'see the server log'}`;
  if (error instanceof AppError && error.status < 500) return error.publicMessage;
  return null;
}

/**
 * The route handler of a back-office form: signed in and from the shop's own page (or a 401/403/404 with nothing
 * done), the form parsed by `schema`, then one action; the browser is sent back (303) with a message either way
 * (an action may answer bad news it has handled, such as a send the mail server refused, as an error).
 */
export function adminFormRoute<T>(
  name: string,
  schema: z.ZodType<T>,
  action: (form: T, params: Record<string, string>) => Promise<{ to: string; text: string; kind?: Flash['kind'] }>,
  back: (params: Record<string, string>) => string,
) {
  return async function POST(request: Request, context: { params: Promise<Record<string, string>> }) {
    let params: Record<string, string> = {};
    try {
      await assertAdminRequest(request);
      params = await context.params;
      const parsed = schema.safeParse(await readForm(request));
      if (!parsed.success)
        throw new InvalidRequestError(
          `Bad form: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
          'Please check the form and try again.',
        );
      const done = await action(parsed.data, params);
      return redirectWithFlash(request, done.to, { kind: done.kind ?? 'ok', text: done.text });
    } catch (error) {
      if (error instanceof AppError && [401, 403, 404, 413, 415].includes(error.status))
        return errorResponse(error, name);
      const text = ownerMessage(error);
      (text ? log.warn : log.error)('admin.form_failed', { route: name, error });
      return redirectWithFlash(request, back(params), {
        kind: 'error',
        text: text ?? 'Something went wrong. The server log has the detail: check the order before trying again.',
      });
    }
  };
}

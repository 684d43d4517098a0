import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';

const hash = (text: string) => createHash('sha256').update(text).digest();

/**
 * The scheduled jobs' route answers only `Authorization: Bearer $CRON_SECRET` (what Vercel Cron sends). Without
 * CRON_SECRET it refuses every caller: the long-running server runs the jobs on its own timer anyway.
 * Compared in constant time (over hashes, so the lengths do not leak either).
 */
export function authorizeCron(request: Request): void {
  const secret = env().cronSecret;
  if (!secret)
    throw new AppError(
      'cron_disabled',
      403,
      'CRON_SECRET is not set',
      'Scheduled jobs are not enabled on this server.',
    );
  const given = request.headers.get('authorization') ?? '';
  if (!timingSafeEqual(hash(given), hash(`Bearer ${secret}`))) {
    throw new AppError('cron_unauthorized', 401, 'Bad or missing cron bearer token', 'Not authorized.');
  }
}

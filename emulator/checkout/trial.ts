// A subscription session's free trial: `subscription_data.trial_period_days` or `trial_end`, from
// create, or (preview, Trial durations page) from an update: one of them per request, `''` removes
// the trial, subscription mode only, trial_end at least 48 hours ahead on the emulator's clock.
import type { RequestCtx } from '../core/context';
import { exclusive, invalid } from '../core/errors';
import type { SessionRecord, SubscriptionData } from '../core/session-record';

const DAY = 24 * 60 * 60;
const MIN_TRIAL_END_AHEAD = 2 * DAY;

export const TRIAL_MSG = {
  subscriptionOnly: '`subscription_data` trials can only be set on a Checkout Session in `subscription` mode.',
  oneOf:
    'You may only specify one of these parameters: subscription_data[trial_end], subscription_data[trial_period_days].',
  endTooSoon: '`subscription_data[trial_end]` must be at least 48 hours in the future.',
} as const;

export type TrialParams = { trial_period_days?: number | ''; trial_end?: number | '' };

/** The trial a session would give if completed now: its end and length in days, or null. */
export function trialOf(ctx: RequestCtx, record: SessionRecord): { end: number; days: number } | null {
  if (record.session.mode !== 'subscription') return null;
  const data = record.subscriptionData;
  const now = ctx.clock.now();
  if (data?.trial_end !== undefined)
    return { end: data.trial_end, days: Math.max(1, Math.ceil((data.trial_end - now) / DAY)) };
  if (data?.trial_period_days !== undefined)
    return { end: now + data.trial_period_days * DAY, days: data.trial_period_days };
  return null;
}

/** Checks a trial change of an update and returns the session's next subscription data. */
export function draftTrial(ctx: RequestCtx, record: SessionRecord, params: TrialParams): SubscriptionData {
  if (record.session.mode !== 'subscription') throw invalid(TRIAL_MSG.subscriptionOnly, 'subscription_data');
  const { trial_period_days: days, trial_end: end } = params;
  if (days !== undefined && end !== undefined) throw exclusive(TRIAL_MSG.oneOf, 'subscription_data[trial_end]');
  if (typeof end === 'number' && end < ctx.clock.now() + MIN_TRIAL_END_AHEAD)
    throw invalid(TRIAL_MSG.endTooSoon, 'subscription_data[trial_end]');
  const next: SubscriptionData = { ...(record.subscriptionData ?? {}) };
  // Setting one way of giving a trial replaces the other; '' removes the trial.
  if (days !== undefined || end !== undefined) {
    delete next.trial_period_days;
    delete next.trial_end;
  }
  if (typeof days === 'number') next.trial_period_days = days;
  if (typeof end === 'number') next.trial_end = end;
  return next;
}

/** The create-time rule: one of trial_period_days, trial_end; trial_end 48 hours ahead. */
export function checkCreateTrial(ctx: RequestCtx, data: SubscriptionData | undefined): void {
  if (!data) return;
  if (data.trial_period_days !== undefined && data.trial_end !== undefined)
    throw exclusive(TRIAL_MSG.oneOf, 'subscription_data[trial_end]');
  if (data.trial_end !== undefined && data.trial_end < ctx.clock.now() + MIN_TRIAL_END_AHEAD) {
    throw invalid(TRIAL_MSG.endTooSoon, 'subscription_data[trial_end]');
  }
}

// Sessions expire lazily: whoever reads a session past its `expires_at` (by the emulator's clock)
// finds it expired, and the `checkout.session.expired` event is emitted then. Advancing the clock
// through /_emulator/clock/advance sweeps all sessions, so webhooks arrive without a read too.
import type { RequestCtx, World } from '../core/context';
import { invalid, notFound } from '../core/errors';
import { CHECKOUT_MSG } from './messages';
import type { SessionRecord } from '../core/session-record';
import { sessionObject } from './render-session';

export function expireNow(world: World, ctx: RequestCtx | null, record: SessionRecord): void {
  const session = record.session;
  session.status = 'expired';
  world.events.emit(ctx, 'checkout.session.expired', sessionObject(record));
}

export function expireIfDue(world: World, ctx: RequestCtx | null, record: SessionRecord): void {
  if (record.session.status === 'open' && world.clock.now() >= record.session.expires_at) expireNow(world, ctx, record);
}

export function sweepExpired(world: World): void {
  for (const record of world.store.table('checkout.session').values()) expireIfDue(world, null, record);
}

/** The session by id, expired first if its time has come. */
export function loadSession(ctx: RequestCtx, id: string, param = 'session'): SessionRecord {
  const record = ctx.store.get('checkout.session', id);
  if (!record) throw notFound('checkout.session', id, param);
  expireIfDue(ctx, ctx, record);
  return record;
}

/** Refuses a session that is not open (complete or expired): the one rule of update and the buyer's actions. */
export function requireOpen(record: SessionRecord): SessionRecord {
  if (record.session.status !== 'open') throw invalid(CHECKOUT_MSG.notOpen(String(record.session.status)));
  return record;
}

/** The session, refused unless it is open. */
export function loadOpenSession(ctx: RequestCtx, id: string): SessionRecord {
  return requireOpen(loadSession(ctx, id));
}

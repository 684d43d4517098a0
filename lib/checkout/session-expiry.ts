// How long a checkout lives, and so how long it holds stock. Stripe's default is 24 hours, which lets a
// buyer who wanders off (or a script) keep units off the shelf for a day; its limited-inventory guidance is
// to expire sessions early, at the shortest it allows: 30 minutes from creation (`expires_at` accepts 30
// minutes to 24 hours). A minute on top keeps the request inside Stripe's bound when it arrives a little
// later than it was made (network, a clock a few seconds off).
const SLACK_SECONDS = 60;
const LONGEST_SECONDS = 24 * 60 * 60;

/** `expires_at` (Unix seconds) for a session made at `now` (ms) that should live `minutes`. */
export function sessionExpiresAt(minutes: number, now = Date.now()): number {
  const seconds = Math.min(minutes * 60 + SLACK_SECONDS, LONGEST_SECONDS - SLACK_SECONDS);
  return Math.floor(now / 1000) + seconds;
}

/** A resumed checkout needs a little time left to be paid in; one closer to its end is replaced. */
export const RESUME_MIN_SECONDS = 5 * 60;

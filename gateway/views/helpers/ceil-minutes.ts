/**
 * `{{t "login.throttled" retryAfterMin=(ceilMinutes retryAfterSec)}}` → 61 s becomes 2
 *
 * Whole minutes, rounded up, for "try again in N minutes": never promise a shorter wait than
 * the throttle will allow. Missing or invalid input gives 1.
 */
export function ceilMinutes(seconds: unknown): number {
  const s = typeof seconds === 'number' ? seconds : Number(seconds);
  return Number.isFinite(s) && s > 0 ? Math.ceil(s / 60) : 1;
}

/**
 * The school year (1 August – 31 July) containing an instant, judged by the local date in
 * Europe/Amsterdam: at 23:30 UTC on 31 July it is already 1 August in Amsterdam.
 */
import type { SchoolYear } from './types.ts';

const localDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit',
});

const HOUR_MS = 3_600_000;
/**
 * The last answer, by UTC hour: Amsterdam's offset is whole hours (+1, +2 in summer) and changes
 * on the hour (since 1940), so a local date, and with it the school year, cannot change within a
 * UTC hour. Asked on every page view; Intl's formatToParts is not cheap.
 */
let last: { hour: number; year: SchoolYear } | undefined;

export function schoolYearOf(now: Date): SchoolYear {
  const hour = Math.floor(now.getTime() / HOUR_MS);
  if (last?.hour === hour) return { ...last.year };
  const parts = Object.fromEntries(localDate.formatToParts(now).map((p) => [p.type, p.value]));
  const year = Number(parts.year);
  const start = Number(parts.month) >= 8 ? year : year - 1;
  const answer = { name: `${start}-${start + 1}`, from: `${start}-08-01`, to: `${start + 1}-07-31` };
  if (Number.isFinite(hour)) last = { hour, year: answer };
  return { ...answer };
}

/**
 * The school year (1 August – 31 July) containing an instant, judged by the local date in
 * Europe/Amsterdam: at 23:30 UTC on 31 July it is already 1 August in Amsterdam.
 */
import type { SchoolYear } from './types.ts';

const localDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit',
});

export function schoolYearOf(now: Date): SchoolYear {
  const parts = Object.fromEntries(localDate.formatToParts(now).map((p) => [p.type, p.value]));
  const year = Number(parts.year);
  const start = Number(parts.month) >= 8 ? year : year - 1;
  return { name: `${start}-${start + 1}`, from: `${start}-08-01`, to: `${start + 1}-07-31` };
}

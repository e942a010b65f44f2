/**
 * Checks the portal calendar and shows what is open on a day (gateway/policy/calendar-cli.ts).
 *
 *   npm run calendar -- check [file]
 *   npm run calendar -- show --date 2027-02-17 [--group 5] [--file config/calendar.yaml]
 *
 * Exit codes: 0 valid, 1 the calendar file is invalid, 2 the arguments are unusable.
 */
import { systemClock } from '../gateway/clock.ts';
import { runCalendarCli } from '../gateway/policy/calendar-cli.ts';

process.exitCode = runCalendarCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  clock: systemClock,
});

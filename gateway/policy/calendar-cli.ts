/**
 * The calendar CLI (bin/calendar.ts), kept here so tests run it in-process:
 *
 *   calendar check [file]                                   is the file valid?
 *   calendar show [--date YYYY-MM-DD] [--group 1-8] [--file f] [--limit n]
 *                                                           what is open that day, and what changes next
 *
 * Exit codes: 0 valid, 1 the calendar file is invalid, 2 the arguments are unusable.
 */
import { parseArgs } from 'node:util';
import type { Clock } from '../../adapters/contract/adapter.ts';
import type { Calendar } from './calendar-types.ts';
import { addDays, isLocalDate, localDateOf, startOfLocalDate } from './local-time.ts';
import { describeIssue, readCalendarFile } from './parse-calendar.ts';
import { eventsBetween, transitionsBetween } from './transitions.ts';
import { JAARGROEPEN, isJaargroep, type Jaargroep } from './vocabulary.ts';
import { whatIsOpen } from './what-is-open.ts';

export const DEFAULT_CALENDAR_FILE = 'config/calendar.yaml';

export const USAGE = `usage: npm run calendar -- check [file]
       npm run calendar -- show [--date YYYY-MM-DD] [--group 1-8] [--file file] [--limit n]

  check   validates the calendar file (default ${DEFAULT_CALENDAR_FILE}) and names every problem's line and key
  show    prints what is open on --date (default: today) for --group (default: the school as a whole),
          with the reasons for closures, and the next transitions and events (--limit, default 10)`;

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  clock: Clock;
}

/** "all groups", "groep 8", "groepen 1–7", "groepen 1, 3, 5". */
export function formatGroups(groups: readonly number[]): string {
  if (groups.length === JAARGROEPEN.length) return 'all groups';
  if (groups.length === 1) return `groep ${groups[0]}`;
  const first = groups[0] as number;
  const contiguous = groups.every((g, i) => g === first + i);
  return contiguous ? `groepen ${first}–${groups[groups.length - 1]}` : `groepen ${groups.join(', ')}`;
}

function load(file: string, io: CliIo): Calendar | undefined {
  const result = readCalendarFile(file);
  if (result.ok) return result.calendar;
  const count = result.issues.length === 1 ? '1 problem' : `${result.issues.length} problems`;
  io.err(`${file}: invalid (${count})\n${result.issues.map((i) => `  ${describeIssue(i)}`).join('\n')}\n`);
  return undefined;
}

function check(file: string, io: CliIo): number {
  const calendar = load(file, io);
  if (!calendar) return 1;
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  io.out(`${file}: valid — ${count(calendar.open.length, 'open rule')}, ${count(calendar.closures.length, 'closure')}, `
    + `${count(calendar.events.length, 'event')} (${calendar.timezone}${calendar.schoolYear ? `, ${calendar.schoolYear}` : ''})\n`);
  return 0;
}

function show(file: string, date: string | undefined, group: Jaargroep | undefined, limit: number, io: CliIo): number {
  const calendar = load(file, io);
  if (!calendar) return 1;
  const day = date ?? localDateOf(io.clock.now(), calendar.timezone);
  const overview = whatIsOpen(calendar, day, group);
  const lines = [`${file}: valid (${calendar.timezone})`, '', `On ${day} for ${group === undefined ? 'the whole school' : `groep ${group}`}:`];
  const width = Math.max(...overview.sections.map((s) => s.section.length));
  for (const s of overview.sections) {
    const name = s.section.padEnd(width);
    let state = s.open ? 'open' : 'closed';
    if (group === undefined && s.openForGroups.length > 0 && s.openForGroups.length < JAARGROEPEN.length) {
      const closedFor = JAARGROEPEN.filter((g) => !s.openForGroups.includes(g));
      state = `open for ${formatGroups(s.openForGroups)}; closed for ${formatGroups(closedFor)}`;
    }
    if (!s.open && s.reopensOn) state += ` (opens ${s.reopensOn})`;
    lines.push(`  ${name}  ${state}`);
    if (s.reason) lines.push(`  ${' '.repeat(width)}    nl: ${s.reason.nl}`, `  ${' '.repeat(width)}    en: ${s.reason.en}`);
  }

  // What comes after this day: from its end, a year and a bit ahead.
  const from = startOfLocalDate(day, calendar.timezone);
  const to = startOfLocalDate(addDays(day, 400), calendar.timezone);
  const transitions = transitionsBetween(calendar, from, to)
    .filter((t) => group === undefined || t.groups.includes(group))
    .slice(0, limit);
  lines.push('', 'Next transitions:');
  if (transitions.length === 0) lines.push('  none');
  for (const t of transitions) {
    const scope = group === undefined ? ` for ${formatGroups(t.groups)}` : '';
    lines.push(`  ${t.date}  ${t.section} ${t.change}${scope}${t.closureId ? ` (closure ${t.closureId})` : ''}`);
  }
  const events = eventsBetween(calendar, from, to)
    .filter((e) => group === undefined || e.groups === undefined || e.groups.includes(group))
    .slice(0, limit);
  lines.push('', 'Next events:');
  if (events.length === 0) lines.push('  none');
  for (const e of events) {
    lines.push(`  ${e.localAt.replace('T', ' ')}${e.until ? `–${e.until.slice(11)}` : ''}  ${e.kind} (${e.id})`);
  }
  io.out(`${lines.join('\n')}\n`);
  return 0;
}

function usage(message: string, io: CliIo): number {
  io.err(`${message}\n${USAGE}\n`);
  return 2;
}

export function runCalendarCli(argv: readonly string[], io: CliIo): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        date: { type: 'string' },
        group: { type: 'string' },
        file: { type: 'string' },
        limit: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    return usage((err as Error).message, io);
  }
  const { values, positionals } = parsed;
  const [command, fileArg, ...extra] = positionals;
  if (values.help) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  if (extra.length > 0) return usage(`unexpected arguments: ${extra.join(' ')}`, io);
  if (fileArg !== undefined && values.file !== undefined) return usage('give the file once: as an argument or with --file', io);
  const file = fileArg ?? values.file ?? DEFAULT_CALENDAR_FILE;

  if (command === 'check') return check(file, io);
  if (command !== 'show') return usage(command === undefined ? 'missing command' : `unknown command "${command}"`, io);

  if (values.date !== undefined && !isLocalDate(values.date)) return usage(`--date must be a date like 2027-02-17, got "${values.date}"`, io);
  const group = values.group === undefined ? undefined : Number(values.group);
  if (group !== undefined && !isJaargroep(group)) return usage(`--group must be a jaargroep 1–8, got "${values.group}"`, io);
  const limit = values.limit === undefined ? 10 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) return usage(`--limit must be a positive whole number, got "${values.limit}"`, io);
  return show(file, values.date, group, limit, io);
}

/**
 * The zod schema of config/calendar.yaml. Unknown keys are errors (a misspelt `reopensOn` must not
 * silently leave a section closed for good), and so are rules whose dates run backwards.
 * Cross-field problems carry the path of the key to fix, so the error names its line.
 */
import { z } from 'zod';
import type { Calendar } from './calendar-types.ts';
import { isLocalDate, isLocalDateTime, isTimeZone, occurrencesOfLocal } from './local-time.ts';
import { EVENT_KINDS, JAARGROEPEN, SECTIONS } from './vocabulary.ts';

export const DEFAULT_TIMEZONE = 'Europe/Amsterdam';

const RULE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

const id = z.string().regex(RULE_ID, { error: 'expected an id of lower-case letters, digits and "-", like "rapport-juni"' });

const localDate = z.string({ error: 'expected a date like 2027-02-17' })
  .refine(isLocalDate, { error: 'expected a real date written YYYY-MM-DD, like 2027-02-17' });

const localDateTime = z.string({ error: 'expected a local time like 2026-12-12T08:30' })
  .refine(isLocalDateTime, { error: 'expected a real local time written YYYY-MM-DDTHH:mm, like 2026-12-12T08:30' });

const section = z.enum(SECTIONS, { error: `expected one of the sections ${SECTIONS.join(', ')}` });

const jaargroep = z.literal(JAARGROEPEN, { error: 'expected a jaargroep: a whole number 1–8' });

function distinctList<T extends z.ZodType>(item: T, what: string) {
  return z.array(item).min(1, { error: `list at least one ${what}, or leave the key out` })
    .refine((list) => new Set(list).size === list.length, { error: `a ${what} is listed twice` });
}

/**
 * Checks that one key's value comes after another's. Runs whenever both keys themselves are valid
 * (zod skips object refinements after any other problem by default), so one pass shows every problem.
 */
function after<K extends string>(later: K, earlier: K, message: string) {
  return {
    error: message,
    path: [later],
    when: (payload: z.core.ParsePayload) => !payload.issues.some((issue) => issue.path?.[0] === later || issue.path?.[0] === earlier),
  };
}

const bilingual = z.strictObject({
  nl: z.string().trim().min(1, { error: 'the Dutch text is empty' }),
  en: z.string().trim().min(1, { error: 'the English text is empty' }),
});

const openRule = z.strictObject({
  id,
  sections: distinctList(section, 'section'),
  from: localDate,
  closesOn: localDate.optional(),
  groups: distinctList(jaargroep, 'jaargroep').optional(),
  description: bilingual.optional(),
}).refine(
  (rule) => rule.closesOn === undefined || rule.closesOn > rule.from,
  after('closesOn', 'from', 'closesOn must be after from (it is the first day the rule no longer opens the sections)'),
);

const closure = z.strictObject({
  id,
  from: localDate,
  reopensOn: localDate.optional(),
  reason: bilingual,
  sections: distinctList(section, 'section').optional(),
  groups: distinctList(jaargroep, 'jaargroep').optional(),
}).refine(
  (rule) => rule.reopensOn === undefined || rule.reopensOn > rule.from,
  after('reopensOn', 'from', 'reopensOn must be after from (it is the first day the closure no longer applies)'),
);

const scheduledEvent = z.strictObject({
  id,
  kind: z.enum(EVENT_KINDS, { error: `expected one of the event kinds ${EVENT_KINDS.join(', ')}` }),
  at: localDateTime,
  until: localDateTime.optional(),
  groups: distinctList(jaargroep, 'jaargroep').optional(),
  description: bilingual.optional(),
}).refine((event) => event.until === undefined || event.until > event.at, after('until', 'at', 'until must be after at'));

export const calendarSchema = z.strictObject({
  timezone: z.string()
    .refine(isTimeZone, { error: 'expected an IANA time zone like "Europe/Amsterdam"' })
    .default(DEFAULT_TIMEZONE),
  schoolYear: z.string().regex(/^\d{4}-\d{4}$/, { error: 'expected a school year like 2026-2027' }).optional(),
  open: z.array(openRule).default([]),
  closures: z.array(closure).default([]),
  events: z.array(scheduledEvent).default([]),
}).superRefine((calendar, ctx) => {
  // Ids name rules in logs, reload summaries and job runs, so they are unique across the file.
  // Runs even when other parts are invalid, so the value may not have the parsed shape.
  const seen = new Set<string>();
  for (const list of ['open', 'closures', 'events'] as const) {
    const rules: unknown = calendar[list];
    if (!Array.isArray(rules)) continue;
    rules.forEach((rule: unknown, index) => {
      const ruleId = (rule as { id?: unknown } | null)?.id;
      if (typeof ruleId !== 'string') return;
      if (seen.has(ruleId)) {
        ctx.addIssue({ code: 'custom', message: `the id "${ruleId}" is used twice`, path: [list, index, 'id'] });
      }
      seen.add(ruleId);
    });
  }
  // A time the clocks skip or pass twice (02:30 on a DST changeover day) has no one instant.
  const zone = typeof calendar.timezone === 'string' && isTimeZone(calendar.timezone) ? calendar.timezone : undefined;
  const events: unknown = calendar.events;
  if (zone && Array.isArray(events)) {
    events.forEach((event: unknown, index) => {
      for (const key of ['at', 'until'] as const) {
        const time = (event as Record<string, unknown> | null)?.[key];
        if (typeof time !== 'string' || !isLocalDateTime(time)) continue;
        const times = occurrencesOfLocal(time, zone);
        if (times === 0) ctx.addIssue({ code: 'custom', message: `${time} does not exist in ${zone} (the clocks skip it that day); choose another time`, path: ['events', index, key] });
        if (times > 1) ctx.addIssue({ code: 'custom', message: `${time} happens twice in ${zone} (the clocks go back that day); choose another time`, path: ['events', index, key] });
      }
    });
  }
  // Closed unless opened: a calendar without any rule (a truncated file) closes every section for everyone.
  if (Array.isArray(calendar.open) && calendar.open.length === 0 && Array.isArray(calendar.closures) && calendar.closures.length === 0) {
    ctx.addIssue({ code: 'custom', message: 'no rule: a calendar without open rules or closures would close every section for everyone', path: ['open'] });
  }
}, { when: (payload) => typeof payload.value === 'object' && payload.value !== null });

// The schema's output is exactly the documented Calendar type.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _outputIsCalendar: Same<z.output<typeof calendarSchema>, Calendar> = true;

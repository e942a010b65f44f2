/**
 * The conversation request form: a short topic and up to `conversations.maxMoments` moments that
 * suit the parent, each a school day ahead (a local date, from tomorrow, within eight weeks) and a
 * part of the day. Bad input comes back with the parent's input and a message per field.
 */
import { addDays, isLocalDate } from '../policy/local-time.ts';

export const DAY_PARTS = ['morning', 'afternoon', 'after-school'] as const;
export type DayPart = (typeof DAY_PARTS)[number];

export interface Moment {
  date: string;
  part: DayPart;
}

export const TOPIC_MAX = 200;
/** How far ahead a parent may offer a moment. */
export const AHEAD_DAYS = 56;

export interface ConversationFormValues {
  topic: string;
  moments: Array<{ date: string; part: string }>;
}

export type ConversationFormErrors = Record<string, string>;

export type ParsedConversation =
  | { ok: true; topic: string; moments: Moment[]; values: ConversationFormValues }
  | { ok: false; errors: ConversationFormErrors; values: ConversationFormValues };

const isDayPart = (v: string): v is DayPart => (DAY_PARTS as readonly string[]).includes(v);

function weekday(date: string): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay();
}

/** `today` is the local date; moment i's fields are `datum<i>` and `dagdeel<i>`. */
export function parseConversationForm(body: Record<string, unknown>, today: string, maxMoments: number): ParsedConversation {
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const topic = text(body.onderwerp).replace(/\s+/g, ' ');
  const values: ConversationFormValues = { topic, moments: [] };
  const errors: ConversationFormErrors = {};
  if (topic.length === 0) errors.onderwerp = 'conversations.errors.topicMissing';
  else if (topic.length > TOPIC_MAX) errors.onderwerp = 'conversations.errors.topicTooLong';

  const moments: Moment[] = [];
  const seen = new Set<string>();
  for (let i = 1; i <= maxMoments; i += 1) {
    const date = text(body[`datum${i}`]);
    const part = text(body[`dagdeel${i}`]);
    values.moments.push({ date, part });
    if (date === '' && part === '') continue;
    if (!isLocalDate(date)) errors[`datum${i}`] = 'conversations.errors.dateInvalid';
    else if (date <= today || date > addDays(today, AHEAD_DAYS)) errors[`datum${i}`] = 'conversations.errors.dateRange';
    else if (weekday(date) === 0 || weekday(date) === 6) errors[`datum${i}`] = 'conversations.errors.weekend';
    if (!isDayPart(part)) errors[`dagdeel${i}`] = 'conversations.errors.partMissing';
    if (!errors[`datum${i}`] && isDayPart(part)) {
      const key = `${date}|${part}`;
      if (seen.has(key)) errors[`datum${i}`] = 'conversations.errors.duplicate';
      else {
        seen.add(key);
        moments.push({ date, part });
      }
    }
  }
  if (moments.length === 0 && !Object.keys(errors).some((k) => k.startsWith('datum') || k.startsWith('dagdeel'))) {
    errors.datum1 = 'conversations.errors.noMoment';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors, values };
  return { ok: true, topic, moments: moments.sort((a, b) => a.date.localeCompare(b.date) || DAY_PARTS.indexOf(a.part) - DAY_PARTS.indexOf(b.part)), values };
}

/**
 * The editor's forms: one per kind of rule, with plain fields (dates, times, check boxes), turned
 * into the rule the file holds and back. The form does no validation of its own: the rule goes
 * into the file text and the file's validator (parseCalendar) judges it, and its problems are
 * mapped back to the fields they are about.
 */
import type { CalendarIssue } from '../policy/parse-calendar.ts';
import type { Calendar } from '../policy/calendar-types.ts';
import { EVENT_KINDS, JAARGROEPEN, SECTIONS } from '../policy/vocabulary.ts';
import type { RuleList } from './yaml-edit.ts';

export const RULE_LISTS: readonly RuleList[] = ['open', 'closures', 'events'];

export function isRuleList(value: unknown): value is RuleList {
  return typeof value === 'string' && (RULE_LISTS as readonly string[]).includes(value);
}

/** Every field a form may post, as strings (check boxes as lists). */
export interface RuleInput {
  id: string;
  from: string;
  until: string;
  reasonNl: string;
  reasonEn: string;
  kind: string;
  date: string;
  time: string;
  untilTime: string;
  sections: string[];
  groups: string[];
}

const TEXT_FIELDS = ['id', 'from', 'until', 'reasonNl', 'reasonEn', 'kind', 'date', 'time', 'untilTime'] as const;
const MAX = 2000;

function list(value: unknown, allowed: readonly string[]): string[] {
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.filter((v): v is string => typeof v === 'string' && allowed.includes(v));
}

export function ruleInputOf(body: unknown): RuleInput {
  const b = (body ?? {}) as Record<string, unknown>;
  const text = Object.fromEntries(TEXT_FIELDS.map((name) => {
    const value = b[name];
    return [name, typeof value === 'string' ? value.trim().slice(0, MAX) : ''];
  })) as Record<(typeof TEXT_FIELDS)[number], string>;
  return { ...text, sections: list(b.sections, SECTIONS), groups: list(b.groups, JAARGROEPEN.map(String)) };
}

const emptyInput = (): RuleInput => ({
  id: '', from: '', until: '', reasonNl: '', reasonEn: '', kind: '', date: '', time: '', untilTime: '', sections: [], groups: [],
});

const bilingual = (nl: string, en: string) => (nl || en ? { reason: { nl, en } } : {});

/** The rule the file will hold; empty optional fields are left out (meaning "every" / "for good"). */
export function ruleOf(list: RuleList, input: RuleInput): Record<string, unknown> {
  const groups = input.groups.length > 0 ? { groups: input.groups.map(Number) } : {};
  if (list === 'open') {
    return { id: input.id, sections: input.sections, from: input.from, ...(input.until ? { closesOn: input.until } : {}), ...groups };
  }
  if (list === 'closures') {
    return {
      id: input.id, from: input.from, ...(input.until ? { reopensOn: input.until } : {}),
      ...bilingual(input.reasonNl, input.reasonEn),
      ...(input.sections.length > 0 ? { sections: input.sections } : {}), ...groups,
    };
  }
  const description = input.reasonNl || input.reasonEn ? { description: { nl: input.reasonNl, en: input.reasonEn } } : {};
  return {
    id: input.id, kind: input.kind, at: `${input.date}T${input.time}`,
    ...(input.untilTime ? { until: `${input.date}T${input.untilTime}` } : {}), ...groups, ...description,
  };
}

/** The form's fields for a rule of the calendar (to change it), or empty ones (a new rule). */
export function inputOfRule(calendar: Calendar, list: RuleList, id?: string): RuleInput | undefined {
  const input = emptyInput();
  if (id === undefined) return input;
  if (list === 'open') {
    const rule = calendar.open.find((r) => r.id === id);
    if (!rule) return undefined;
    return { ...input, id: rule.id, from: rule.from, until: rule.closesOn ?? '', sections: [...rule.sections], groups: (rule.groups ?? []).map(String) };
  }
  if (list === 'closures') {
    const rule = calendar.closures.find((r) => r.id === id);
    if (!rule) return undefined;
    return {
      ...input, id: rule.id, from: rule.from, until: rule.reopensOn ?? '', reasonNl: rule.reason.nl, reasonEn: rule.reason.en,
      sections: [...(rule.sections ?? [])], groups: (rule.groups ?? []).map(String),
    };
  }
  const rule = calendar.events.find((r) => r.id === id);
  if (!rule) return undefined;
  return {
    ...input, id: rule.id, kind: rule.kind, date: rule.at.slice(0, 10), time: rule.at.slice(11),
    untilTime: rule.until?.slice(11) ?? '', reasonNl: rule.description?.nl ?? '', reasonEn: rule.description?.en ?? '',
    groups: (rule.groups ?? []).map(String),
  };
}

/** The form field a rule key is about: "reopensOn" → until, "reason.nl" → reasonNl, "at" → date. */
const FIELD_OF: Record<string, keyof RuleInput> = {
  id: 'id', from: 'from', closesOn: 'until', reopensOn: 'until', 'reason.nl': 'reasonNl', 'reason.en': 'reasonEn', reason: 'reasonNl',
  'description.nl': 'reasonNl', 'description.en': 'reasonEn', description: 'reasonNl',
  kind: 'kind', at: 'date', until: 'untilTime', sections: 'sections', groups: 'groups',
};

export interface FormErrors {
  fields: Partial<Record<keyof RuleInput, string[]>>;
  /** Problems that are about no field of this form (elsewhere in the file). */
  form: string[];
}

/**
 * Splits the validator's problems over the form's fields. `key` paths look like
 * "closures[3].reason.nl" or "events[0].groups[1]"; `index` is where the edited rule sits in its list.
 */
export function fieldErrorsOf(issues: readonly CalendarIssue[], list: RuleList, index: number, message: (issue: CalendarIssue) => string): FormErrors {
  const errors: FormErrors = { fields: {}, form: [] };
  const prefix = `${list}[${index}]`;
  for (const issue of issues) {
    const rest = issue.key.startsWith(`${prefix}.`) ? issue.key.slice(prefix.length + 1).replace(/\[\d+\]$/, '') : undefined;
    const field = rest === undefined ? undefined : FIELD_OF[rest] ?? FIELD_OF[rest.split('.')[0] as string];
    const text = message(issue);
    if (field) (errors.fields[field] ??= []).push(text);
    else errors.form.push(issue.line !== undefined ? `${issue.key} (line ${issue.line}): ${text}` : `${issue.key}: ${text}`);
  }
  return errors;
}

export const EVENT_KIND_OPTIONS = EVENT_KINDS;

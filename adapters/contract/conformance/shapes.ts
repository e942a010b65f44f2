/**
 * The domain model (../types.ts) as zod schemas, so a wrong shape fails with the path of every
 * offending field. Extra fields are tolerated; dates are only required to be strings here because
 * the iso-dates trait judges them.
 */
import { z } from 'zod';
import { fail } from './checks.ts';

const text = z.string().min(1, 'must be a non-empty string');
const jaargroep = z.number().int('must be a whole number').min(1, 'must be 1–8').max(8, 'must be 1–8');
const DUTCH_POSTCODE = /^[1-9]\d{3} [A-Z]{2}$/;

const personName = z.object({
  given: text,
  prefix: z.string().optional(),
  family: text,
  firstNames: z.string().optional(),
});

const address = z.object({
  street: z.string(),
  houseNumber: z.string(),
  postcode: z.string(),
  city: z.string(),
  country: z.string().optional(),
  secret: z.boolean('every address carries a boolean `secret`'),
}).refine(
  (a) => a.secret || (a.country !== undefined && !/^(nl|nederland|netherlands)$/i.test(a.country)) || DUTCH_POSTCODE.test(a.postcode),
  { message: 'a Dutch postcode is normalised as "1234 AB"', path: ['postcode'] },
);

const contactPoint = z.object({
  kind: z.enum(['phone', 'email']),
  value: text,
  label: z.string().optional(),
  secret: z.boolean('every contact point carries a boolean `secret`'),
  emergency: z.boolean(),
});

const group = z.object({ id: text, name: text, jaargroepen: z.array(jaargroep) });

export const studentShape = z.object({
  id: text,
  name: personName,
  birthDate: z.string(),
  gender: z.enum(['M', 'V', 'X']).optional(),
  group: group.optional(),
  jaargroep: jaargroep.optional(),
  teachers: z.array(z.object({ id: text, name: personName, email: z.email().optional() })),
  address: address.optional(),
  contacts: z.array(contactPoint),
  enrolment: z.object({ from: z.string(), to: z.string().optional() }),
}).refine((s) => s.jaargroep === undefined || s.group?.jaargroepen.includes(s.jaargroep) === true, {
  message: "the pupil's jaargroep is one of its group's jaargroepen (and a pupil without a group has no jaargroep)",
  path: ['jaargroep'],
});

export const RELATIONS = ['father', 'mother', 'voogd', 'other'] as const;

export const guardianShape = z.object({
  id: text,
  name: personName,
  address: address.optional(),
  contacts: z.array(contactPoint),
  children: z.array(z.object({
    studentId: text,
    relation: z.enum(RELATIONS),
    gezag: z.boolean(),
    livesWith: z.boolean(),
  })),
});

export const absenceShape = z.object({
  kind: z.literal('record', 'a dated record has no `kind`, or `kind: \'record\'`').optional(),
  id: text,
  studentId: text,
  date: z.string(),
  dayPart: z.enum(['morning', 'afternoon', 'day']),
  reason: z.object({ code: text, text: z.string() }),
  authorised: z.boolean(),
  late: z.boolean(),
  minutes: z.number().nonnegative().optional(),
});

const absenceTotal = z.object({
  category: z.enum(['authorised', 'unauthorised', 'late']),
  unit: z.enum(['dayParts', 'hours', 'times']),
  count: z.number().nonnegative().refine(Number.isFinite, 'must be finite'),
}).refine((t) => t.unit === 'hours' || Number.isInteger(t.count), {
  message: 'day parts and times are whole numbers', path: ['count'],
});

export const absenceSummaryShape = z.object({
  kind: z.literal('summary'),
  id: text,
  studentId: text,
  period: z.object({ from: z.string(), to: z.string() })
    .refine((p) => p.from <= p.to, { message: 'the period ends on or after the day it starts', path: ['to'] }),
  totals: z.array(absenceTotal)
    .min(1, 'a summary has at least one total (leave a category the source does not count out, never give it as 0 by default)')
    .refine((totals) => new Set(totals.map((t) => `${t.category}/${t.unit}`)).size === totals.length, {
      message: 'each (category, unit) appears once',
    }),
});

export const testResultShape = z.object({
  id: text,
  studentId: text,
  kind: z.enum(['method', 'lvs', 'doorstroom']),
  testName: text,
  subject: text,
  method: z.string().optional(),
  date: z.string(),
  schoolYear: z.string().regex(/^\d{4}-\d{4}$/, 'is written "2026-2027"')
    .refine((y) => Number(y.slice(5)) === Number(y.slice(0, 4)) + 1, 'spans two consecutive years'),
  jaargroep,
  moment: z.enum(['B', 'M', 'E']).optional(),
  score: z.union([z.number(), z.string()]).optional(),
  vaardigheidsscore: z.number().optional(),
  referenceScores: z.array(z.object({ code: text, value: z.string() })),
});

const schoolYearText = z.string().regex(/^\d{4}-\d{4}$/, 'is written "2026-2027"')
  .refine((y) => Number(y.slice(5)) === Number(y.slice(0, 4)) + 1, 'spans two consecutive years');

export const reportCardShape = z.object({
  id: text,
  studentId: text,
  schoolYear: schoolYearText,
  period: text,
  kind: z.enum(['rapport', 'tussenrapport', 'adviesrapport']),
  issuedOn: z.string(),
  jaargroep,
  contentType: text,
  byteLength: z.number().int().positive().optional(),
});

export const reportDocumentShape = z.object({
  contentType: text,
  byteLength: z.number().int().positive().optional(),
  body: z.custom<AsyncIterable<Uint8Array>>(
    (b) => typeof b === 'object' && b !== null && typeof (b as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function',
    'the body is an async iterable of byte chunks (a Node Readable is one)',
  ),
});

const medicalEntry = z.object({
  id: text,
  text,
  detail: z.string().optional(),
  secret: z.boolean('every medical entry carries a boolean `secret`'),
});

export const medicalCardShape = z.object({
  studentId: text,
  medication: z.array(medicalEntry),
  allergies: z.array(medicalEntry),
  diet: z.array(medicalEntry),
  careContacts: z.array(z.object({
    id: text,
    role: z.enum(['gp', 'dentist', 'specialist', 'other']),
    name: text,
    organisation: z.string().optional(),
    phone: z.string().optional(),
    secret: z.boolean('every care contact carries a boolean `secret`'),
  })),
  remarks: z.array(medicalEntry),
});

export const healthShape = z.object({
  ok: z.boolean(),
  latencyMs: z.number().nonnegative().refine(Number.isFinite, 'must be finite'),
  detail: z.string().optional(),
});

export const pageShape = z.object({
  items: z.array(z.unknown()),
  next: z.string().min(1, 'a cursor is a non-empty string; leave `next` out on the last page').optional(),
});

function formatPath(path: PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '') || '(root)';
}

/** Fails with every issue (up to a handful) as `path: message` when `value` does not fit. */
export function expectShape<T>(schema: z.ZodType<T>, value: unknown, label: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return value as T;
  const issues = parsed.error.issues.slice(0, 6).map((i) => `  - ${formatPath(i.path)}: ${i.message}`);
  const more = parsed.error.issues.length > 6 ? `\n  … and ${parsed.error.issues.length - 6} more` : '';
  fail(`${label} does not fit the contract:\n${issues.join('\n')}${more}`);
}

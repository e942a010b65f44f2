/**
 * The domain model every SIS adapter speaks (see shared DOMAIN.md §3).
 *
 * Ids are the SIS's own opaque strings — never a BSN or ECK iD.
 * Dates are ISO 8601 local dates (`YYYY-MM-DD`) in Europe/Amsterdam; instants are full ISO strings.
 * Dutch domain words (gezag, jaargroep, verzorger) are kept where they are the domain.
 */

export interface PersonName {
  /** Roepnaam: the name the person is called by. */
  given: string;
  /** Tussenvoegsel, e.g. "van der". */
  prefix?: string;
  family: string;
  /** Voornamen (official first names), when the SIS gives them. */
  firstNames?: string;
}

/** A value the SIS marks secret (`geheim`): shown only to whom it belongs (see the gateway's privacy rules). */
export interface Address {
  street: string;
  houseNumber: string;
  /** Dutch postcode, normalised "1234 AB". */
  postcode: string;
  city: string;
  country?: string;
  secret: boolean;
}

export type ContactKind = 'phone' | 'email';

export interface ContactPoint {
  kind: ContactKind;
  value: string;
  /** Free label from the SIS, e.g. "mobiel", "werk", "oma". */
  label?: string;
  secret: boolean;
  /** Noodnummer: to call in an emergency. */
  emergency: boolean;
}

export interface Group {
  id: string;
  /** Display name, e.g. "Groep 5/6". */
  name: string;
  /** Jaargroepen this group holds (a combination group holds two or more), 1–8. */
  jaargroepen: number[];
}

export interface Teacher {
  id: string;
  name: PersonName;
  /** The teacher's school e-mail address, where the SIS gives one (a conversation request goes there). */
  email?: string;
}

export interface Student {
  id: string;
  name: PersonName;
  birthDate: string;
  gender?: 'M' | 'V' | 'X';
  /**
   * The group the pupil is placed in today. Absent when the pupil has no placement yet, e.g. in
   * the summer before the new school year's placement starts: never last year's group.
   */
  group?: Group;
  /**
   * The pupil's own jaargroep (1–8); in a combination group it tells which half. Absent when the
   * source does not say it (a combination group placement without leerjaar) or there is no group;
   * the calendar then treats the pupil as strictly as possible.
   */
  jaargroep?: number;
  teachers: Teacher[];
  address?: Address;
  contacts: ContactPoint[];
  enrolment: { from: string; to?: string };
}

/** Relation of a guardian to one child (OSO `relatietotkind`). */
export type Relation = 'father' | 'mother' | 'voogd' | 'other';

export interface GuardianChildLink {
  studentId: string;
  relation: Relation;
  /** Legal parental authority (OSO `wettigevertegenwoordiger`). */
  gezag: boolean;
  /** Whether the child lives at this guardian's address. */
  livesWith: boolean;
}

export interface Guardian {
  id: string;
  name: PersonName;
  address?: Address;
  contacts: ContactPoint[];
  children: GuardianChildLink[];
}

export type DayPart = 'morning' | 'afternoon' | 'day';

/** One registered absence or late arrival, as a SIS records it per day part. */
export interface AbsenceRecord {
  /** Absent, or 'record'. Optional, so records written before summaries existed still fit. */
  kind?: 'record';
  id: string;
  studentId: string;
  date: string;
  dayPart: DayPart;
  /** School-configurable reason code with its text (ParnasSys's own list is not public). */
  reason: { code: string; text: string };
  /** Geoorloofd (authorised) or not. */
  authorised: boolean;
  /** Te laat: a late arrival rather than an absence. */
  late: boolean;
  /** Minutes, for lates and partial day parts. */
  minutes?: number;
}

export type AbsenceCategory = 'authorised' | 'unauthorised' | 'late';

/** What a total counts: day parts (dagdelen), hours, or separate registrations (times). */
export type AbsenceUnit = 'dayParts' | 'hours' | 'times';

export interface AbsenceTotal {
  category: AbsenceCategory;
  unit: AbsenceUnit;
  /** A whole number of day parts or times; hours may have a fraction. */
  count: number;
}

/**
 * Totals over a period, from a source that keeps counts but no dated records — OSO's `verzuim`
 * block holds the day parts authorised and unauthorised "in the last twelve months" before the
 * dossier was made. A summary is never split into invented dated records: the portal shows it as
 * what it is ("over <period>: N authorised, M unauthorised").
 */
export interface AbsenceSummary {
  kind: 'summary';
  id: string;
  studentId: string;
  /** The days the totals cover, inclusive local dates. */
  period: { from: string; to: string };
  /** One entry per (category, unit) the source counts; a category it does not count is left out, never given as 0. */
  totals: AbsenceTotal[];
}

/**
 * What `listAbsences` returns: dated records, or — where the source has only totals — summaries
 * of periods. Tell them apart by `kind === 'summary'`.
 */
export type Absence = AbsenceRecord | AbsenceSummary;

export type ResultKind = 'method' | 'lvs' | 'doorstroom';

/**
 * A reference score next to the raw score. Codes follow OSO `codereferentiescore` where one exists:
 * AE (level A–E), IV (level I–V), DLE, FN (functioneringsniveau), PERCENTIEL, REF (referentieniveau), AVI.
 */
export interface ReferenceScore {
  code: string;
  value: string;
}

export interface TestResult {
  id: string;
  studentId: string;
  kind: ResultKind;
  testName: string;
  subject: string;
  /** The teaching method for method tests, e.g. "Pluspunt"; the test family for LVS, e.g. "Cito LiB". */
  method?: string;
  date: string;
  /** School year written "2026-2027". */
  schoolYear: string;
  jaargroep: number;
  /** LVS moment: B (begin), M (midden) or E (eind). */
  moment?: 'B' | 'M' | 'E';
  /** A grade or raw score as the SIS gives it (e.g. 7.5, "goed", 34). */
  score?: number | string;
  vaardigheidsscore?: number;
  referenceScores: ReferenceScore[];
}

/** A correction a parent proposes; delivered through `submitChange` or by mail. */
export interface ChangeProposal {
  studentId: string;
  guardianId: string;
  /** `secret`: the value is geheim (the parent who keeps it secret proposed it); keep the flag on the new value. */
  fields: Array<{ field: string; old?: string; new: string; secret?: boolean }>;
  note?: string;
  submittedAt: string;
}

/**
 * A parent's report that a pupil will be absent on one day (a ziekmelding), delivered through
 * `reportAbsence` (capability `absences.report`). One report covers one school day; a parent's
 * range of days arrives as one report per day.
 */
export interface AbsenceReport {
  studentId: string;
  /** The guardian (with gezag) who reported it. */
  guardianId: string;
  /** The local date (YYYY-MM-DD) of the absence. */
  date: string;
  dayPart: DayPart;
  /** The school's reason code (config absences.reportReasons) with its text, and whether it is geoorloofd. */
  reason: { code: string; text: string };
  authorised: boolean;
  /** The parent's own words, short; may be absent. */
  note?: string;
  /** When the parent reported it (ISO instant). */
  reportedAt: string;
}

export interface Page<T> {
  items: T[];
  /** Opaque; absent on the last page. */
  next?: string;
}

export interface HealthStatus {
  ok: boolean;
  latencyMs: number;
  detail?: string;
}

/** What a report card is: the regular rapport, an interim one, or the groep 8 advice report. */
export type ReportKind = 'rapport' | 'tussenrapport' | 'adviesrapport';

/**
 * One report card (rapport) as the SIS lists it. The document itself is fetched separately
 * (`getReportDocument`), so a list never carries the bytes.
 */
export interface ReportCard {
  id: string;
  studentId: string;
  /** School year written "2026-2027"; the year `issuedOn` falls in. */
  schoolYear: string;
  /** The period as the school names it, e.g. "Rapport 1", "Eindrapport". */
  period: string;
  kind: ReportKind;
  /** The local date the report was (or will be) handed out; the portal shows it from that day. */
  issuedOn: string;
  jaargroep: number;
  /** The document's media type; 'application/pdf' for every source so far. */
  contentType: string;
  /** Size in bytes, when the SIS lists it. */
  byteLength?: number;
}

/** The bytes of one report, streamed: the gateway caps the size while it reads. */
export interface ReportDocument {
  contentType: string;
  /** Exact size in bytes, when known before reading. */
  byteLength?: number;
  body: AsyncIterable<Uint8Array>;
}

/** One entry of a medical card (medication, an allergy, a diet, a remark). */
export interface MedicalEntry {
  id: string;
  /** What the SIS records, e.g. "Pinda's (ernstig, EpiPen in de klas)". */
  text: string;
  /** Extra instructions, e.g. dose and times for medication. */
  detail?: string;
  /** The SIS's secret flag: shown only to a guardian the child lives with. */
  secret: boolean;
}

export type CareRole = 'gp' | 'dentist' | 'specialist' | 'other';

/** A health-care contact of the pupil (huisarts, tandarts, specialist). */
export interface CareContact {
  id: string;
  role: CareRole;
  name: string;
  /** Practice or hospital. */
  organisation?: string;
  phone?: string;
  secret: boolean;
}

/**
 * A pupil's medical card (AVG art. 9: special category data). A pupil with nothing recorded has
 * a card with empty lists; a source that keeps none of a list leaves it empty, never invented.
 */
export interface MedicalCard {
  studentId: string;
  medication: MedicalEntry[];
  allergies: MedicalEntry[];
  diet: MedicalEntry[];
  careContacts: CareContact[];
  remarks: MedicalEntry[];
}

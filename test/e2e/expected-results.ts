/**
 * What the results page should show, derived straight from the SIS records (not through the
 * gateway's view models), as the texts a parent reads in a Dutch page.
 */
import type { TestResult } from '../../adapters/contract/index.ts';

export interface ExpectedTable<R> {
  subject: string;
  rows: R[];
}

export interface ExpectedMethodRow {
  date: string;
  test: string;
  score: string;
}

export interface ExpectedLvsRow {
  schoolYear: string;
  /** "midden, groep 4" */
  moment: string;
  test: string;
  vaardigheidsscore: string;
  /** On the demo school's scale (config results.levelScale: AE): "C". */
  level: string;
}

const MOMENT_NL: Record<string, string> = { B: 'begin', M: 'midden', E: 'eind' };

const numberNl = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2, useGrouping: false });
const dateNlShort = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/Amsterdam',
});

function shown(value: number | string | undefined): string {
  return typeof value === 'number' ? numberNl.format(value) : value ?? '';
}

function localDate(date: string): string {
  // Noon UTC is the same calendar day in Amsterdam all year round.
  return dateNlShort.format(new Date(`${date}T12:00:00Z`));
}

/** "begrijpend lezen" is headed "Begrijpend lezen". */
function subjectHeading(subject: string): string {
  const s = subject.trim();
  return s.charAt(0).toLocaleUpperCase('nl') + s.slice(1);
}

function grouped<R>(results: TestResult[], row: (r: TestResult) => R): Array<ExpectedTable<R>> {
  const bySubject = new Map<string, R[]>();
  for (const r of results) {
    const subject = subjectHeading(r.subject);
    bySubject.set(subject, [...(bySubject.get(subject) ?? []), row(r)]);
  }
  return [...bySubject.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'nl'))
    .map(([subject, rows]) => ({ subject, rows }));
}

const chronological = (a: TestResult, b: TestResult) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id);

/** Method tests of one school year, per subject, newest first. */
export function expectedMethodTables(results: TestResult[], schoolYear: string): Array<ExpectedTable<ExpectedMethodRow>> {
  const method = results.filter((r) => r.kind === 'method' && r.schoolYear === schoolYear)
    .sort((a, b) => chronological(b, a));
  return grouped(method, (r) => ({ date: localDate(r.date), test: r.testName, score: shown(r.score) }));
}

function reference(r: TestResult, code: string): string | undefined {
  return r.referenceScores.find((s) => s.code.toUpperCase() === code)?.value;
}

/** LVS tests (not the doorstroomtoets) of every year, per subject, oldest first. */
export function expectedLvsTables(results: TestResult[]): Array<ExpectedTable<ExpectedLvsRow>> {
  const lvs = results.filter((r) => r.kind === 'lvs').sort(chronological);
  return grouped(lvs, (r) => ({
    schoolYear: r.schoolYear,
    moment: `${r.moment ? `${MOMENT_NL[r.moment]}, ` : ''}groep ${r.jaargroep}`,
    test: r.testName,
    vaardigheidsscore: shown(r.vaardigheidsscore ?? r.score),
    level: reference(r, 'AE') ?? '',
  }));
}

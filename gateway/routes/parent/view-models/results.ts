/**
 * The results page: method tests of this school year by subject (newest first), and LVS results
 * per subject over all years (oldest first, so the trend reads top to bottom). Only kinds whose
 * section is open are passed in; the rest never reach a template.
 */
import type { ReferenceScore, TestResult } from '../../../../adapters/contract/index.ts';

export interface SubjectGroup<R> {
  subject: string;
  rows: R[];
}

export interface MethodTestRow {
  date: string;
  testName: string;
  method?: string;
  score?: number | string;
  jaargroep: number;
}

export interface ReferenceView {
  /** Catalog key of a known code; unknown codes show as `code`. */
  labelKey?: string;
  code: string;
  value: string;
}

export interface LvsRow {
  date: string;
  schoolYear: string;
  momentKey?: string;
  jaargroep: number;
  testName: string;
  doorstroom: boolean;
  score?: number | string;
  vaardigheidsscore?: number;
  levelAE?: string;
  levelIV?: string;
  otherScores: ReferenceView[];
}

export interface ResultsView {
  method?: { schoolYear: string; subjects: Array<SubjectGroup<MethodTestRow>> };
  lvs?: { subjects: Array<SubjectGroup<LvsRow>> };
}

/** Reference score codes the pages explain; see ReferenceScore in the adapter contract. */
export const KNOWN_REFERENCE_CODES = ['DLE', 'FN', 'PERCENTIEL', 'REF', 'AVI'] as const;

function subjectLabel(subject: string): string {
  const s = subject.trim();
  return s.charAt(0).toLocaleUpperCase('nl') + s.slice(1);
}

function bySubject<R>(results: TestResult[], row: (r: TestResult) => R): Array<SubjectGroup<R>> {
  const groups = new Map<string, R[]>();
  for (const result of results) {
    const subject = subjectLabel(result.subject);
    const rows = groups.get(subject) ?? [];
    rows.push(row(result));
    groups.set(subject, rows);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'nl'))
    .map(([subject, rows]) => ({ subject, rows }));
}

function referenceView(ref: ReferenceScore): ReferenceView {
  const code = ref.code.toUpperCase();
  const known = (KNOWN_REFERENCE_CODES as readonly string[]).includes(code);
  return { labelKey: known ? `results.ref.${code}` : undefined, code: ref.code, value: ref.value };
}

function lvsRow(r: TestResult): LvsRow {
  const find = (code: string) => r.referenceScores.find((s) => s.code.toUpperCase() === code)?.value;
  return {
    date: r.date,
    schoolYear: r.schoolYear,
    momentKey: r.moment ? `results.moment.${r.moment}` : undefined,
    jaargroep: r.jaargroep,
    testName: r.testName,
    doorstroom: r.kind === 'doorstroom',
    score: r.score,
    vaardigheidsscore: r.vaardigheidsscore,
    levelAE: find('AE'),
    levelIV: find('IV'),
    otherScores: r.referenceScores
      .filter((s) => !['AE', 'IV'].includes(s.code.toUpperCase()))
      .map(referenceView),
  };
}

const byDate = (a: TestResult, b: TestResult) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id);

export function resultsView(
  results: TestResult[],
  show: { method: boolean; lvs: boolean; schoolYear: string },
): ResultsView {
  const view: ResultsView = {};
  if (show.method) {
    const method = results
      .filter((r) => r.kind === 'method' && r.schoolYear === show.schoolYear)
      .sort((a, b) => byDate(b, a));
    view.method = {
      schoolYear: show.schoolYear,
      subjects: bySubject(method, (r) => ({
        date: r.date,
        testName: r.testName,
        // "Pluspunt blok 3 (Pluspunt)" says it twice; name the method only when the test name does not.
        method: r.method && !r.testName.toLowerCase().includes(r.method.toLowerCase()) ? r.method : undefined,
        score: r.score,
        jaargroep: r.jaargroep,
      })),
    };
  }
  if (show.lvs) {
    const lvs = results.filter((r) => r.kind === 'lvs' || r.kind === 'doorstroom').sort(byDate);
    view.lvs = { subjects: bySubject(lvs, lvsRow) };
  }
  return view;
}

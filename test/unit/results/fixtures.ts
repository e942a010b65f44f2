/** Test results shaped as the mock SIS makes them: Cito LiB LVS tests, method tests, the doorstroomtoets. */
import type { TestResult } from '../../../adapters/contract/index.ts';

let seq = 0;

export interface LvsSpec {
  subject?: string;
  family?: string;
  schoolYear: string;
  moment?: 'B' | 'M' | 'E';
  jaargroep: number;
  score?: number;
  ae?: string;
  iv?: string;
  extra?: Array<{ code: string; value: string }>;
  date?: string;
}

/** A date inside the moment's test window of that school year. */
function dateOf(schoolYear: string, moment: 'B' | 'M' | 'E' | undefined): string {
  const start = Number(schoolYear.slice(0, 4));
  if (moment === 'B') return `${start}-10-01`;
  return moment === 'E' ? `${start + 1}-06-10` : `${start + 1}-01-25`;
}

export function lvs(spec: LvsSpec): TestResult {
  seq += 1;
  const subject = spec.subject ?? 'rekenen-wiskunde';
  return {
    id: `R${String(seq).padStart(4, '0')}`,
    studentId: 'L1',
    kind: 'lvs',
    testName: `${subject} ${spec.moment ?? ''}${spec.jaargroep}`,
    subject,
    method: spec.family ?? 'Cito LiB',
    date: spec.date ?? dateOf(spec.schoolYear, spec.moment),
    schoolYear: spec.schoolYear,
    jaargroep: spec.jaargroep,
    ...(spec.moment ? { moment: spec.moment } : {}),
    ...(spec.score !== undefined ? { vaardigheidsscore: spec.score } : {}),
    referenceScores: [
      ...(spec.ae ? [{ code: 'AE', value: spec.ae }] : []),
      ...(spec.iv ? [{ code: 'IV', value: spec.iv }] : []),
      ...(spec.extra ?? []),
    ],
  };
}

export function methodTest(subject: string, method: string, n: number, date: string, score: number | string): TestResult {
  seq += 1;
  return {
    id: `M${String(seq).padStart(4, '0')}`, studentId: 'L1', kind: 'method', testName: `${method} blok ${n}`, subject, method,
    date, schoolYear: '2026-2027', jaargroep: 5, score, referenceScores: [],
  };
}

export function doorstroom(subject: string, value: { ref?: string; score?: string }): TestResult {
  seq += 1;
  return {
    id: `D${String(seq).padStart(4, '0')}`, studentId: 'L1', kind: 'doorstroom', testName: 'Doorstroomtoets', subject,
    method: 'Doorstroomtoets', date: '2027-02-10', schoolYear: '2026-2027', jaargroep: 8,
    ...(value.score ? { score: value.score } : {}),
    referenceScores: value.ref ? [{ code: 'REF', value: value.ref }] : [],
  };
}

/**
 * The teaching methods of the demo school and its doorstroomtoets. Method names are those of
 * common Dutch methods; the tests and their grades are invented.
 */
import type { TestResult } from '../../contract/index.ts';
import type { Aptitude } from './abilities.ts';

export interface MethodSubject {
  subject: string;
  method: string;
  /** What a test follows: "blok", "thema". */
  unit: string;
  tests: number;
  /** The LVS subject whose aptitude drives this subject's grades. */
  aptitudeOf: string;
  /** Groep 3 gets words instead of grades. */
  words(grade: number): string;
}

const words = (grade: number): string =>
  grade >= 8 ? 'goed' : grade >= 6.5 ? 'voldoende' : grade >= 5.5 ? 'matig' : 'onvoldoende';

export const METHOD_SUBJECTS: readonly MethodSubject[] = [
  { subject: 'rekenen', method: 'Pluspunt', unit: 'blok', tests: 8, aptitudeOf: 'rekenen-wiskunde', words },
  { subject: 'taal', method: 'Staal', unit: 'thema', tests: 8, aptitudeOf: 'begrijpend lezen', words },
  { subject: 'spelling', method: 'Staal spelling', unit: 'thema', tests: 8, aptitudeOf: 'spelling', words },
];

/** Referentieniveau reached, by aptitude: reading and language to 2F, arithmetic to 1S. */
function referentieniveau(z: number, top: '2F' | '1S', topFrom: number): string {
  if (z >= topFrom) return top;
  return z >= -1.5 ? '1F' : '<1F';
}

const ADVIES = ['vmbo-b', 'vmbo-k', 'vmbo-gt', 'vmbo-gt/havo', 'havo', 'havo/vwo', 'vwo'] as const;
const ADVIES_FROM = [-Infinity, -1.3, -0.7, -0.3, 0.1, 0.6, 1.0];

function advies(general: number): string {
  let i = 0;
  while (i + 1 < ADVIES_FROM.length && general >= (ADVIES_FROM[i + 1] as number)) i++;
  return ADVIES[i] as string;
}

export function doorstroomResults(aptitude: Aptitude, schoolYear: string, date: string): Array<Omit<TestResult, 'id' | 'studentId'>> {
  const level = (s: string) => aptitude.subjects[s]?.level ?? 0;
  const base = { kind: 'doorstroom' as const, testName: 'Doorstroomtoets', method: 'Doorstroomtoets', date, schoolYear, jaargroep: 8 };
  return [
    { ...base, subject: 'lezen', referenceScores: [{ code: 'REF', value: referentieniveau(level('begrijpend lezen'), '2F', -0.25) }] },
    { ...base, subject: 'taalverzorging', referenceScores: [{ code: 'REF', value: referentieniveau(level('spelling'), '2F', -0.1) }] },
    { ...base, subject: 'rekenen', referenceScores: [{ code: 'REF', value: referentieniveau(level('rekenen-wiskunde'), '1S', 0.35) }] },
    { ...base, subject: 'toetsadvies', score: advies(aptitude.general), referenceScores: [] },
  ];
}

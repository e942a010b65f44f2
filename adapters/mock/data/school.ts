/**
 * The whole demo school as one plain, JSON-serialisable value, generated from a seed alone:
 * the same options always give byte-identical data.
 */
import type { AbsenceRecord, Guardian, TestResult } from '../../contract/index.ts';
import type { PlacedStudent as Student } from './placed-student.ts';
import { generateAbsences } from './absences.ts';
import { parseSchoolYear, schoolYearBounds, schoolYearLabel } from './dates.ts';
import { generateFamilies } from './families.ts';
import type { PersonaKey } from './family-plan.ts';
import { generateResults } from './results.ts';

export interface SchoolOptions {
  seed: number;
  /** Current pupils (pupils who left come on top). */
  pupils: number;
  schoolYear: string;
}

export interface SchoolData {
  options: SchoolOptions;
  /** Every pupil, including the few whose enrolment ended before this school year. */
  students: Student[];
  /** Every guardian, with links to every child, departed or not. */
  guardians: Guardian[];
  /** By pupil id, for current pupils: this school year and the one before. */
  absences: Record<string, AbsenceRecord[]>;
  /** By pupil id, for current pupils. */
  results: Record<string, TestResult[]>;
  personas: Record<PersonaKey, string>;
}

/** A pupil is current unless their enrolment ended before this school year began. */
export function isCurrent(student: Student, schoolYear: string): boolean {
  const to = student.enrolment.to;
  return to === undefined || to >= schoolYearBounds(schoolYear).first;
}

/** Absences cover this school year and the one before, so date ranges across the summer work. */
export function pupilAbsences(options: SchoolOptions, student: Student): AbsenceRecord[] {
  const previous = schoolYearLabel(parseSchoolYear(options.schoolYear) - 1);
  return generateAbsences(options.seed, student, [previous, options.schoolYear]);
}

export function pupilResults(options: SchoolOptions, student: Student): TestResult[] {
  return generateResults(options.seed, student, options.schoolYear);
}

/**
 * The complete school at once. The adapter does not use it (it draws a pupil's absences and
 * results on first request, from the same per-pupil streams); it is the dataset's full form,
 * for inspection and for proving determinism.
 */
export function generateSchool(options: SchoolOptions): SchoolData {
  const families = generateFamilies(options.seed, options.pupils, options.schoolYear);
  const absences: Record<string, AbsenceRecord[]> = {};
  const results: Record<string, TestResult[]> = {};
  for (const student of families.students.filter((s) => isCurrent(s, options.schoolYear))) {
    absences[student.id] = pupilAbsences(options, student);
    results[student.id] = pupilResults(options, student);
  }
  return { options: { ...options }, ...families, absences, results };
}

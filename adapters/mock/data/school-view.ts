/**
 * The read side the adapter serves: current pupils only, guardians linked to at least one of
 * them (links to departed children dropped), lookups by id, and each pupil's absences and
 * results drawn on first request. Memoised per options, so that many adapter instances (one
 * per test) share one generated school.
 */
import type { AbsenceRecord, Guardian, MedicalCard, ReportCard, TestResult } from '../../contract/index.ts';
import type { PlacedStudent as Student } from './placed-student.ts';
import { compareStrings } from './dates.ts';
import { generateFamilies, type FamilyData } from './families.ts';
import { medicalCardOf } from './medical.ts';
import { reportsOf } from './reports.ts';
import { isCurrent, pupilAbsences, pupilResults, type SchoolOptions } from './school.ts';

export interface SchoolView {
  options: SchoolOptions;
  families: FamilyData;
  /** Current pupils, ordered by id. */
  students: readonly Student[];
  studentsById: ReadonlyMap<string, Student>;
  /** Guardians of current pupils, ordered by id. */
  guardians: readonly Guardian[];
  guardiansById: ReadonlyMap<string, Guardian>;
  guardiansOfStudent: ReadonlyMap<string, readonly Guardian[]>;
  /** Ordered by date, then id; undefined for an unknown or departed pupil. */
  absencesOf(studentId: string): readonly AbsenceRecord[] | undefined;
  /** Ordered by date, then id; undefined for an unknown or departed pupil. */
  resultsOf(studentId: string): readonly TestResult[] | undefined;
  /** Ordered by issue date, then id; undefined for an unknown or departed pupil. */
  reportsOf(studentId: string): readonly ReportCard[] | undefined;
  /** Undefined for an unknown or departed pupil. */
  medicalOf(studentId: string): MedicalCard | undefined;
  /** Milliseconds it took to build the pupils and guardians. */
  builtInMs: number;
}

const byId = (a: { id: string }, b: { id: string }) => compareStrings(a.id, b.id);

function perPupil<T>(studentsById: ReadonlyMap<string, Student>, draw: (s: Student) => T[]) {
  const cache = new Map<string, T[]>();
  return (studentId: string): readonly T[] | undefined => {
    const student = studentsById.get(studentId);
    if (!student) return undefined;
    let items = cache.get(studentId);
    if (!items) {
      items = draw(student);
      cache.set(studentId, items);
    }
    return items;
  };
}

export function buildView(options: SchoolOptions): SchoolView {
  const started = performance.now();
  const families = generateFamilies(options.seed, options.pupils, options.schoolYear);
  const students = families.students.filter((s) => isCurrent(s, options.schoolYear)).sort(byId);
  const studentsById = new Map(students.map((s) => [s.id, s]));
  const guardians = families.guardians
    .map((g) => ({ ...g, children: g.children.filter((c) => studentsById.has(c.studentId)) }))
    .filter((g) => g.children.length > 0)
    .sort(byId);
  const guardiansOfStudent = new Map<string, Guardian[]>(students.map((s) => [s.id, []]));
  for (const g of guardians) for (const c of g.children) guardiansOfStudent.get(c.studentId)?.push(g);
  // The secret-address persona's child carries a secret medical remark (see medical.ts).
  const secretParent = guardians.find((g) => g.id === families.personas.secretAddress);
  const secretRemarkFor = new Set(secretParent?.children.map((c) => c.studentId) ?? []);
  return {
    options: { ...options },
    families,
    students,
    studentsById,
    guardians,
    guardiansById: new Map(guardians.map((g) => [g.id, g])),
    guardiansOfStudent,
    absencesOf: perPupil(studentsById, (s) => pupilAbsences(options, s)),
    resultsOf: perPupil(studentsById, (s) => pupilResults(options, s)),
    reportsOf: perPupil(studentsById, (s) => reportsOf(s, options.schoolYear)),
    medicalOf: (studentId) => {
      const student = studentsById.get(studentId);
      return student && medicalCardOf(options.seed, student, secretRemarkFor);
    },
    builtInMs: performance.now() - started,
  };
}

/** Small: a test run uses a handful of seeds. */
const MEMO_LIMIT = 8;
const memo = new Map<string, SchoolView>();

const keyOf = (options: SchoolOptions) => `${options.seed}|${options.pupils}|${options.schoolYear}`;

/** Whether the school for these options has been built (lets tests prove generation is lazy). */
export function isSchoolLoaded(options: SchoolOptions): boolean {
  return memo.has(keyOf(options));
}

export function loadSchool(options: SchoolOptions): SchoolView {
  const key = keyOf(options);
  const hit = memo.get(key);
  if (hit) return hit;
  const view = buildView(options);
  memo.set(key, view);
  if (memo.size > MEMO_LIMIT) memo.delete(memo.keys().next().value as string);
  return view;
}

/**
 * A pupil's test results: method tests this school year, LVS tests over the last three school
 * years (from groep 3 on), and the doorstroomtoets in groep 8. Scores follow the pupil's
 * aptitude, so a child who is strong in arithmetic is strong in both kinds of test.
 */
import type { ReferenceScore, TestResult } from '../../contract/index.ts';
import type { PlacedStudent as Student } from './placed-student.ts';
import { aptitudeOf, type Aptitude } from './abilities.ts';
import { compareStrings, parseSchoolYear, schoolYearLabel } from './dates.ts';
import {
  dle, didacticAge, levelAE, levelIV, LVS_SUBJECTS, meanAt, momentsOf, percentile, type LvsMoment,
} from './lvs-norms.ts';
import { METHOD_SUBJECTS, doorstroomResults } from './method-tests.ts';
import { Prng } from './prng.ts';
import { doorstroomDate, lvsDate, methodTestDate } from './test-dates.ts';

type Draft = Omit<TestResult, 'id' | 'studentId'>;

/** School years of LVS history, oldest first, ending with `schoolYear`. */
export const LVS_YEARS = 3;

function lvsResult(prng: Prng, aptitude: Aptitude, subjectIndex: number, schoolYear: string, jaargroep: number, moment: LvsMoment, seed: number): Draft {
  const subject = LVS_SUBJECTS[subjectIndex] as (typeof LVS_SUBJECTS)[number];
  const own = aptitude.subjects[subject.subject] ?? { level: 0, drift: 0 };
  // Years since the middle of groep 5, so drift tilts the line without moving its centre far.
  const years = (didacticAge(jaargroep, moment) - 25) / 10;
  const z = own.level + own.drift * years + 0.3 * prng.gauss();
  const score = Math.round(meanAt(subject, jaargroep, moment) + subject.sd * z);
  const pct = percentile(subject, jaargroep, moment, score);
  const referenceScores: ReferenceScore[] = [
    { code: 'AE', value: levelAE(pct) },
    { code: 'IV', value: levelIV(pct) },
    { code: 'PERCENTIEL', value: String(pct) },
  ];
  if (subject.dle) referenceScores.push({ code: 'DLE', value: String(dle(subject, score)) });
  return {
    kind: 'lvs',
    testName: `${subject.label} ${moment}${jaargroep}`,
    subject: subject.subject,
    method: 'Cito LiB',
    date: lvsDate(seed, schoolYear, jaargroep, moment, subjectIndex),
    schoolYear,
    jaargroep,
    moment,
    vaardigheidsscore: score,
    referenceScores,
  };
}

function lvsDrafts(seed: number, student: Student, aptitude: Aptitude, schoolYear: string): Draft[] {
  const prng = new Prng(seed, `lvs:${student.id}`);
  const start = parseSchoolYear(schoolYear);
  const drafts: Draft[] = [];
  for (let back = LVS_YEARS - 1; back >= 0; back--) {
    const jaargroep = student.jaargroep - back;
    if (jaargroep < 3) continue;
    const year = schoolYearLabel(start - back);
    for (const moment of momentsOf(jaargroep)) {
      LVS_SUBJECTS.forEach((subject, i) => {
        if (jaargroep < subject.fromJaargroep) return;
        drafts.push(lvsResult(prng, aptitude, i, year, jaargroep, moment, seed));
      });
    }
  }
  return drafts;
}

function methodDrafts(seed: number, student: Student, aptitude: Aptitude, schoolYear: string): Draft[] {
  const prng = new Prng(seed, `method:${student.id}`);
  const j = student.jaargroep;
  return METHOD_SUBJECTS.flatMap((m) => Array.from({ length: m.tests }, (_, i): Draft => {
    const z = (aptitude.subjects[m.aptitudeOf]?.level ?? 0) + 0.6 * prng.gauss();
    const grade = Math.min(10, Math.max(1, Math.round((6.9 + 1.2 * z) * 10) / 10));
    return {
      kind: 'method',
      testName: `${m.method} ${m.unit} ${i + 1}`,
      subject: m.subject,
      method: m.method,
      date: methodTestDate(seed, schoolYear, j, m.subject, i + 1, m.tests),
      schoolYear,
      jaargroep: j,
      score: j === 3 ? m.words(grade) : grade,
      referenceScores: [],
    };
  }));
}

/** All results of a current pupil, ordered by date then id; none before enrolment. */
export function generateResults(seed: number, student: Student, schoolYear: string): TestResult[] {
  if (student.jaargroep < 3) return [];
  const aptitude = aptitudeOf(seed, student.id, LVS_SUBJECTS.map((s) => s.subject));
  const drafts = [
    ...lvsDrafts(seed, student, aptitude, schoolYear),
    ...methodDrafts(seed, student, aptitude, schoolYear),
    ...(student.jaargroep === 8 ? doorstroomResults(aptitude, schoolYear, doorstroomDate(seed, schoolYear)) : []),
  ].filter((d) => d.date >= student.enrolment.from);
  drafts.sort((a, b) => compareStrings(a.date, b.date) || compareStrings(a.subject, b.subject) || compareStrings(a.testName, b.testName));
  return drafts.map((d, i) => ({ id: `${student.id}-R${String(i + 1).padStart(4, '0')}`, studentId: student.id, ...d }));
}

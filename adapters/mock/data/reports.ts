/**
 * The demo school's report cards: two a school year, "Rapport 1" on 17 February (the day the
 * letter opens the results) and "Rapport 2" on 2 July (the day the June closure ends), for every
 * school year the pupil has been at school. Contents follow from the seed and the pupil alone.
 */
import type { ReportCard, Student } from '../../contract/index.ts';
import type { PlacedStudent } from './placed-student.ts';
import { aptitudeOf } from './abilities.ts';
import { parseSchoolYear, schoolYearLabel, ymd } from './dates.ts';
import { Prng } from './prng.ts';

/** Month and day of each report in a school year (both in the second calendar year). */
export const REPORT_DAYS = [
  { period: 'Rapport 1', month: 2, day: 17 },
  { period: 'Rapport 2', month: 7, day: 2 },
] as const;

export interface ReportContent {
  report: ReportCard;
  pupilName: string;
  groupName: string;
  teacherNames: string[];
  /** Subject → judgement, in the order printed. */
  judgements: Array<{ subject: string; judgement: string }>;
  teacherText: string;
}

const KLEUTER_AREAS = ['Taalontwikkeling', 'Beginnende gecijferdheid', 'Motoriek', 'Spel', 'Werkhouding', 'Sociaal-emotionele ontwikkeling'] as const;
const SUBJECTS = [
  'Rekenen', 'Taal', 'Spelling', 'Begrijpend lezen', 'Technisch lezen', 'Schrijven', 'Wereldoriëntatie',
  'Verkeer', 'Muziek', 'Tekenen en handvaardigheid', 'Bewegingsonderwijs', 'Werkhouding', 'Sociaal-emotionele ontwikkeling',
] as const;
const JUDGEMENTS = ['onvoldoende', 'matig', 'voldoende', 'ruim voldoende', 'goed'] as const;
const KLEUTER_JUDGEMENTS = ['aandachtspunt', 'voldoende', 'goed'] as const;

const OPENINGS = [
  '{name} heeft een fijne periode gehad in de groep.',
  '{name} werkt met plezier en zet goed door.',
  'We zien dat {name} dit halfjaar flink gegroeid is.',
  '{name} is een vrolijke en behulpzame klasgenoot.',
] as const;
const FOCUS = [
  'Bij rekenen mag {name} nog wat meer tijd nemen om de opgaven na te kijken.',
  'Bij het lezen helpt het als {name} thuis elke dag even hardop leest.',
  'In de kring durft {name} steeds vaker iets te vertellen; dat moedigen we aan.',
  'Het plannen van het weekwerk gaat steeds beter; daar blijven we samen aan werken.',
] as const;
const CLOSING = 'Een rapport is een moment; we praten er graag met u over bij het oudergesprek.';

function fullName(student: Student): string {
  return [student.name.given, student.name.prefix, student.name.family].filter(Boolean).join(' ');
}

/** Every report of the pupil, oldest first, from the school year they joined up to `schoolYear`. */
export function reportsOf(student: PlacedStudent, schoolYear: string): ReportCard[] {
  const current = parseSchoolYear(schoolYear);
  const joined = Number(student.enrolment.from.slice(0, 4)) - (Number(student.enrolment.from.slice(5, 7)) < 8 ? 1 : 0);
  const reports: ReportCard[] = [];
  for (let back = student.jaargroep - 1; back >= 0; back--) {
    const start = current - back;
    if (start < joined) continue;
    for (const [i, day] of REPORT_DAYS.entries()) {
      reports.push({
        id: `R${student.id.slice(1)}-${start}-${i + 1}`,
        studentId: student.id,
        schoolYear: schoolYearLabel(start),
        period: day.period,
        kind: 'rapport',
        issuedOn: ymd(start + 1, day.month, day.day),
        jaargroep: student.jaargroep - back,
        contentType: 'application/pdf',
      });
    }
  }
  return reports;
}

/** What one report says; judgements follow the pupil's aptitude, so two reports tell one story. */
export function reportContent(seed: number, student: PlacedStudent, report: ReportCard, currentYear: string): ReportContent {
  const prng = new Prng(seed, `report:${report.id}`);
  const aptitude = aptitudeOf(seed, student.id, ['general']);
  const kleuter = report.jaargroep <= 2;
  const scale: readonly string[] = kleuter ? KLEUTER_JUDGEMENTS : JUDGEMENTS;
  const areas: readonly string[] = kleuter ? KLEUTER_AREAS : SUBJECTS;
  const judgements = areas.map((subject) => {
    const z = aptitude.general + 0.8 * prng.gauss();
    const index = Math.max(0, Math.min(scale.length - 1, Math.round((scale.length - 1) / 2 + z * (scale.length / 4))));
    return { subject, judgement: scale[index] as string };
  });
  const name = student.name.given;
  const teacherText = [prng.pick(OPENINGS), prng.pick(FOCUS), CLOSING].join(' ').replaceAll('{name}', name);
  const current = report.schoolYear === currentYear;
  return {
    report,
    pupilName: fullName(student),
    groupName: current ? student.group.name : `Groep ${report.jaargroep}`,
    teacherNames: current ? student.teachers.map((t) => [t.name.given, t.name.prefix, t.name.family].filter(Boolean).join(' ')) : [],
    judgements,
    teacherText,
  };
}

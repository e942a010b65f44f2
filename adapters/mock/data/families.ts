/**
 * Pupils and guardians of the demo school, built family by family from the plan. Each family
 * draws from its own PRNG stream, so one family's randomness never shifts another's.
 */
import type { ContactPoint, Guardian } from '../../contract/index.ts';
import type { PlacedStudent as Student } from './placed-student.ts';
import { schoolDays, schoolDaysBetween } from './calendar.ts';
import { addDays, parseSchoolYear, schoolYearLabel, toDate, ymd } from './dates.ts';
import { PERSONA_FAMILIES, PUPIL_CHANCES, type PersonaKey, type PlannedFamily } from './family-plan.ts';
import { planFamilies } from './family-planner.ts';
import { assignGroups, GROUP_LAYOUT, teachersOf, type GroupLayout } from './groups.ts';
import { household, type Household, type Member } from './households.ts';
import { childName } from './names.ts';
import { landlineNumber, mobileNumber } from './places.ts';
import { Prng } from './prng.ts';

export interface FamilyData {
  /** Every pupil, including those whose enrolment ended before this school year. */
  students: Student[];
  guardians: Guardian[];
  personas: Record<PersonaKey, string>;
}

const EMERGENCY_LABELS = ['oma', 'opa', 'buurvrouw', 'tante', 'oom'] as const;
const ROLE_LABELS = { mother: 'moeder', father: 'vader', voogd: 'voogd', other: 'verzorger' } as const;

function ownGroup(jaargroep: number): GroupLayout {
  const layout = GROUP_LAYOUT.find((l) => l.group.jaargroepen.length === 1 && l.group.jaargroepen[0] === jaargroep);
  if (!layout) throw new RangeError(`No group for jaargroep ${jaargroep}`);
  return layout;
}

/** Born between 1 October and 30 September so that the child is in `jaargroep` in `startYear`. */
function birthDate(prng: Prng, startYear: number, jaargroep: number): string {
  const from = ymd(startYear - jaargroep - 4, 10, 1);
  const to = ymd(startYear - jaargroep - 3, 9, 30);
  const span = Math.round((toDate(to).getTime() - toDate(from).getTime()) / 86_400_000);
  return addDays(from, prng.int(0, span));
}

function enrolmentStart(prng: Prng, plain: boolean, startYear: number, jaargroep: number, born: string): string {
  if (!plain && jaargroep >= 3 && prng.chance(PUPIL_CHANCES.transferredIn)) {
    const joinedIn = prng.int(2, jaargroep);
    return schoolDays(schoolYearLabel(startYear - (jaargroep - joinedIn)))[0] as string;
  }
  const [y, m, d] = born.split('-').map(Number) as [number, number, number];
  return ymd(y + 4, m, d);
}

function familyContacts(prng: Prng, home: Household, plain: boolean): ContactPoint[] {
  const contacts: ContactPoint[] = home.members.filter((m) => m.gezag).map((m) => {
    const phone = m.guardian.contacts.find((c) => c.kind === 'phone' && c.label === 'mobiel');
    if (!phone) throw new Error('A guardian has a mobile number');
    return { ...phone, label: `mobiel ${ROLE_LABELS[m.relation]}` };
  });
  if (prng.chance(PUPIL_CHANCES.homePhone)) {
    contacts.push({ kind: 'phone', value: landlineNumber(prng), label: 'thuis', secret: false, emergency: false });
  }
  if (plain || prng.chance(PUPIL_CHANCES.emergencyContact)) {
    const label = plain ? 'oma' : prng.pick(EMERGENCY_LABELS);
    contacts.push({ kind: 'phone', value: mobileNumber(prng), label, secret: false, emergency: true });
  }
  return contacts;
}

interface ChildSpec {
  id: string;
  jaargroep: number;
  /** The jaargroep the child would be in this school year (differs for pupils who left). */
  ageGroup: number;
  to?: string;
}

function buildChild(prng: Prng, spec: ChildSpec, home: Household, contacts: ContactPoint[], startYear: number, plain: boolean): Student {
  const roll = prng.next();
  const gender = !plain && roll < PUPIL_CHANCES.genderX ? 'X' : roll < 0.5 ? 'V' : 'M';
  const sex = gender === 'V' || (gender === 'X' && prng.chance(0.5)) ? 'F' : 'M';
  const born = birthDate(prng, startYear, spec.ageGroup);
  const layout = ownGroup(spec.jaargroep);
  return {
    id: spec.id,
    name: childName(prng, sex, home.childSurname),
    birthDate: born,
    gender,
    group: structuredClone(layout.group),
    jaargroep: spec.jaargroep,
    teachers: structuredClone(teachersOf(layout)),
    address: { ...home.home },
    contacts: structuredClone(contacts),
    enrolment: {
      from: enrolmentStart(prng, plain, startYear, spec.ageGroup, born),
      ...(spec.to ? { to: spec.to } : {}),
    },
  };
}

function departedSpec(prng: Prng, kind: NonNullable<PlannedFamily['departed']>, id: string, startYear: number): ChildSpec {
  const lastYear = schoolYearLabel(startYear - 1);
  if (kind === 'leftAfterGroep8') {
    return { id, jaargroep: 8, ageGroup: 9, to: schoolDays(lastYear).at(-1) as string };
  }
  const jaargroep = prng.int(3, 7);
  const moved = prng.pick(schoolDaysBetween(lastYear, ymd(startYear, 2, 1), ymd(startYear, 3, 31)));
  return { id, jaargroep, ageGroup: jaargroep + 1, to: moved };
}

function link(m: Member, studentId: string) {
  return { studentId, relation: m.relation, gezag: m.gezag, livesWith: m.livesWith };
}

export function generateFamilies(seed: number, pupils: number, schoolYear: string): FamilyData {
  const startYear = parseSchoolYear(schoolYear);
  const emails = new Set<string>();
  const students: Student[] = [];
  const guardians: Guardian[] = [];
  const personas: Partial<Record<PersonaKey, string>> = {};
  let nextStudent = 1001;
  let nextGuardian = 2001;

  planFamilies(seed, pupils).forEach((planned, index) => {
    const prng = new Prng(seed, `family:${index}`);
    const plain = index < PERSONA_FAMILIES.length;
    const home = household(prng, planned.shape, { noEmail: planned.noEmail, plain, emails });
    const contacts = familyContacts(prng, home, plain);
    const specs: ChildSpec[] = planned.jaargroepen.map((j) => ({ id: `L${nextStudent++}`, jaargroep: j, ageGroup: j }));
    if (planned.departed) specs.push(departedSpec(prng, planned.departed, `L${nextStudent++}`, startYear));
    const kids = specs.map((spec) => buildChild(prng, spec, home, contacts, startYear, plain));
    students.push(...kids);

    const familyGuardians = home.members.map((m) => ({
      id: `V${nextGuardian++}`,
      ...structuredClone(m.guardian),
      children: kids.map((k) => link(m, k.id)),
    }));
    guardians.push(...familyGuardians);
    for (const [key, position] of Object.entries(planned.personas ?? {})) {
      personas[key as PersonaKey] = familyGuardians[position as number]?.id;
    }
  });

  placeInGroups(seed, students);
  return { students, guardians, personas: personas as Record<PersonaKey, string> };
}

/** Current pupils get their (possibly combination) group; departed pupils keep their last one. */
function placeInGroups(seed: number, students: Student[]): void {
  const byJaargroep = new Map<number, string[]>();
  for (const s of students.filter((st) => st.enrolment.to === undefined)) {
    byJaargroep.set(s.jaargroep, [...(byJaargroep.get(s.jaargroep) ?? []), s.id]);
  }
  const placement = assignGroups(byJaargroep, new Prng(seed, 'groups'));
  for (const s of students) {
    const layout = placement.get(s.id);
    if (!layout) continue;
    s.group = structuredClone(layout.group);
    s.teachers = structuredClone(teachersOf(layout));
  }
}

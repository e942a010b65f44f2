/**
 * OneRoster records → the contract's pupils and guardians for one day: homeroom classes and the
 * enrollments that hold today give the group (none before a placement starts), `grades` through
 * the configured map give the jaargroep, `agents` (either side) link guardians to pupils.
 * Records that cannot make a pupil are left out and named by sourcedId.
 */
import type { ContactPoint, Group, Guardian, Relation, Student } from '../contract/index.ts';
import type { OneRosterConfig } from './config.ts';

export interface Ref { sourcedId: string }
export interface OrUser {
  sourcedId: string; status?: string; givenName?: string; familyName?: string; middleName?: string; preferredFirstName?: string;
  roles?: Array<{ role?: string; org?: Ref }>; agents?: Ref[]; email?: string; phone?: string; sms?: string; grades?: string[];
}
export interface OrClass { sourcedId: string; status?: string; title?: string; classType?: string; grades?: string[] }
export interface OrEnrollment { sourcedId: string; status?: string; role?: string; user?: Ref; class?: Ref; beginDate?: string; endDate?: string }
export interface OrDemographics { sourcedId: string; birthDate?: string; sex?: string }

export interface RosterData { students: OrUser[]; guardians: OrUser[]; classes: OrClass[]; enrollments: OrEnrollment[]; demographics: OrDemographics[] }

export interface Roster {
  students: Student[];
  byId: ReadonlyMap<string, Student>;
  guardians: Guardian[];
  /** Left out: "sourcedId: why". */
  skipped: string[];
  withoutGroup: string[];
}

const live = (r: { status?: string }) => r.status !== 'tobedeleted';
const day = (v: string | undefined) => (v && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : undefined);
const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function contactsOf(u: OrUser, secret: boolean): ContactPoint[] {
  const out: ContactPoint[] = [];
  if (u.email?.trim()) out.push({ kind: 'email', value: u.email.trim(), secret, emergency: false });
  for (const phone of [u.phone, u.sms]) if (phone?.trim()) out.push({ kind: 'phone', value: phone.trim(), secret, emergency: false });
  return out;
}

const relationOf = (u: OrUser): Relation => (u.roles?.some((r) => r.role === 'guardian') ? 'voogd' : 'other');

export function buildRoster(data: RosterData, config: OneRosterConfig, today: string): Roster {
  const homerooms = new Map(data.classes.filter((c) => live(c) && c.classType === 'homeroom').map((c) => [c.sourcedId, c]));
  const births = new Map(data.demographics.map((d) => [d.sourcedId, day(d.birthDate)]));
  const jaargroepOf = (grades: string[] | undefined) => (grades ?? []).map((g) => config.grades[g]).find((j) => j !== undefined);
  const skipped: string[] = [];
  const withoutGroup: string[] = [];
  const placed = new Map<string, { cls: OrClass; begin: string }>();
  const yearStart = `${today.slice(5) >= '08-01' ? today.slice(0, 4) : Number(today.slice(0, 4)) - 1}-08-01`;
  const firstBegin = new Map<string, string>();
  for (const e of data.enrollments.filter(live)) {
    const user = e.user?.sourcedId;
    const begin = day(e.beginDate) ?? '';
    if (!user) continue;
    if (begin && (!firstBegin.has(user) || begin < firstBegin.get(user)!)) firstBegin.set(user, begin);
    const cls = e.class && homerooms.get(e.class.sourcedId);
    const end = day(e.endDate);
    // The school year decides: an enrollment holds today when it covers today and either began in
    // this school year or runs on by an explicit endDate — last year's, never closed, does not.
    // One that starts later gives no group yet.
    const thisYear = begin >= yearStart;
    if (!cls || begin > today || (end !== undefined && end < today) || (!thisYear && end === undefined)) continue;
    const before = placed.get(user);
    if (!before || before.begin < begin) placed.set(user, { cls, begin });
  }

  const groups = new Map<string, Group>();
  const students: Student[] = [];
  for (const u of data.students.filter(live)) {
    const birthDate = births.get(u.sourcedId);
    const given = u.preferredFirstName?.trim() || u.givenName?.trim();
    if (!given || !u.familyName?.trim()) { skipped.push(`${u.sourcedId}: no name`); continue; }
    if (!birthDate) { skipped.push(`${u.sourcedId}: no birthDate in demographics`); continue; }
    const placement = placed.get(u.sourcedId);
    const jaargroep = placement ? jaargroepOf(u.grades) ?? jaargroepOf(placement.cls.grades) : undefined;
    let group: Group | undefined;
    if (placement) {
      group = groups.get(placement.cls.sourcedId);
      if (!group) {
        const own = [...new Set((placement.cls.grades ?? []).map((g) => config.grades[g]).filter((j): j is number => j !== undefined))];
        group = { id: placement.cls.sourcedId, name: placement.cls.title?.trim() || placement.cls.sourcedId, jaargroepen: own };
        groups.set(placement.cls.sourcedId, group);
      }
      if (jaargroep !== undefined && !group.jaargroepen.includes(jaargroep)) group.jaargroepen.push(jaargroep);
    } else {
      withoutGroup.push(u.sourcedId);
    }
    const firstNames = [u.givenName, u.middleName].filter((n) => n?.trim()).join(' ');
    students.push({
      id: u.sourcedId,
      name: { given, family: u.familyName.trim(), ...(firstNames && { firstNames }) },
      birthDate,
      ...(group && { group }),
      ...(jaargroep !== undefined && { jaargroep }),
      teachers: [],
      contacts: [],
      // OneRoster has no date of enrolment at the school: the first enrollment's beginDate stands for it.
      enrolment: { from: firstBegin.get(u.sourcedId) ?? placement?.begin ?? today },
    });
  }
  for (const g of groups.values()) g.jaargroepen.sort((a, b) => a - b);
  students.sort(byId);
  const current = new Map(students.map((s) => [s.id, s]));

  const linked = new Map<string, Set<string>>();
  const link = (guardian: string, student: string) => {
    if (current.has(student)) (linked.get(guardian) ?? linked.set(guardian, new Set()).get(guardian)!).add(student);
  };
  for (const s of data.students) for (const a of s.agents ?? []) link(a.sourcedId, s.sourcedId);
  for (const g of data.guardians) for (const a of g.agents ?? []) link(g.sourcedId, a.sourcedId);
  const guardians: Guardian[] = data.guardians.filter(live).flatMap((g) => {
    const children = [...(linked.get(g.sourcedId) ?? [])].sort();
    if (children.length === 0 || !g.familyName?.trim()) return [];
    return [{
      id: g.sourcedId,
      name: { given: g.preferredFirstName?.trim() || g.givenName?.trim() || 'N.N.', family: g.familyName.trim() },
      contacts: contactsOf(g, config.contactsSecret),
      children: children.map((studentId) => ({ studentId, relation: relationOf(g), gezag: config.gezag === 'agents', livesWith: false })),
    }];
  }).sort(byId);
  return { students, byId: current, guardians, skipped, withoutGroup };
}

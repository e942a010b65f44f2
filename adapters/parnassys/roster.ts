/**
 * Joins the normalised getLeerlingen lists into the contract's Students for one day: the
 * placement and enrolment that hold that day, the group with the jaargroepen it holds, the
 * address and phones with their secret flags. Pupils who left before that day are left out;
 * so are records we cannot read, counted by reason (the counts are logged, the pupils never).
 *
 * Teachers stay empty here: neither getLeerlingen nor getMedewerkers links staff to groups in any
 * public description of the service, and a guessed teacher is worse than none. Where the school
 * states the link in the config, ./teachers.ts adds them.
 */
import type { Group, Student } from '../contract/index.ts';
import { parseSisDate } from './dates.ts';
import type { LeerlingenReturn, RawGroep, RawLeerling } from './leerlingen-schema.ts';
import { address, gender, phones, pupilName } from './personalia.ts';
import { currentEnrolment, currentPlacement, hasLeft, readPlacements, type Placement } from './placement.ts';

export interface RosterOptions {
  /** The local date the roster holds for (YYYY-MM-DD). */
  day: string;
  /** The school year asked for, "2026 / 2027". */
  schoolYear: string;
  /** Which ParnasSys field is the Student id. */
  studentId: 'id' | 'leerlingNummer';
}

export type SkipReason =
  | 'no-id' | 'duplicate-id' | 'no-name' | 'no-birth-date' | 'unreadable-date'
  | 'no-enrolment' | 'no-group' | 'unknown-group' | 'no-jaargroep';

export interface Roster {
  /** Current pupils, ordered by id. */
  students: Student[];
  byId: ReadonlyMap<string, Student>;
  /** Pupils left out because their enrolment ended before `day`. */
  departed: number;
  skipped: Partial<Record<SkipReason, number>>;
}

const yearKey = (name: string | undefined) => (name ?? '').replace(/\s+/g, '').replace('-', '/');

/** "Groep 5/6", "5-6", "groep 7b" → the jaargroepen the name states; [] for "Kangoeroes". */
export function jaargroepenInName(name: string | undefined): number[] {
  const m = /^(?:groep\s*)?([1-8](?:\s*[/&+-]\s*[1-8])*)\s*[a-z]?$/i.exec(name?.trim() ?? '');
  return m ? [...m[1]!.matchAll(/[1-8]/g)].map((d) => Number(d[0])) : [];
}

/** Leerjaar "5" (or "groep 5") → 5. */
export function jaargroepOf(leerjaar: string | undefined): number | undefined {
  const m = /^\s*(?:groep\s*)?([1-8])\s*$/i.exec(leerjaar ?? '');
  return m ? Number(m[1]) : undefined;
}

interface Resolved {
  raw: RawLeerling;
  id: string;
  placement: Placement;
  groep: RawGroep;
  jaargroep: number;
  enrolment: Student['enrolment'];
}

export function buildRoster(data: LeerlingenReturn, options: RosterOptions): Roster {
  const { day } = options;
  const groepen = new Map(data.groepen.map((g) => [g.id, g]));
  const adressen = new Map(data.adressen.map((a) => [a.id, a]));
  const wantedYear = yearKey(options.schoolYear);
  const yearIds = new Set(data.schooljaren.filter((s) => yearKey(s.naam) === wantedYear).map((s) => s.id));
  const inSchoolYear = (p: Placement) => yearIds.has(p.schoolYearId ?? groepen.get(p.groupId)?.schooljaar ?? '');

  const skipped: Roster['skipped'] = {};
  const skip = (reason: SkipReason) => {
    skipped[reason] = (skipped[reason] ?? 0) + 1;
  };
  let departed = 0;
  const seen = new Set<string>();
  const resolved: Resolved[] = [];

  for (const raw of data.leerlingen) {
    const id = raw[options.studentId]?.trim();
    if (!id) { skip('no-id'); continue; }
    const enrolment = currentEnrolment(raw.inschrijvingen, day);
    if (enrolment === 'unreadable-date') { skip('unreadable-date'); continue; }
    if (enrolment === undefined) { skip('no-enrolment'); continue; }
    if (hasLeft(enrolment, day)) { departed++; continue; }
    const placements = readPlacements(raw.groepsindelingen);
    if (placements === 'unreadable-date') { skip('unreadable-date'); continue; }
    const placement = currentPlacement(placements, day, inSchoolYear);
    if (!placement) { skip('no-group'); continue; }
    const groep = groepen.get(placement.groupId);
    if (!groep) { skip('unknown-group'); continue; }
    const fromName = jaargroepenInName(groep.naam || groep.code);
    const jaargroep = jaargroepOf(placement.leerjaar) ?? (fromName.length === 1 ? fromName[0] : undefined);
    if (jaargroep === undefined) { skip('no-jaargroep'); continue; }
    if (seen.has(id)) { skip('duplicate-id'); continue; }
    seen.add(id);
    resolved.push({ raw, id, placement, groep, jaargroep, enrolment });
  }

  const groups = groupsOf(resolved);
  const students: Student[] = [];
  for (const r of resolved) {
    const name = pupilName(r.raw);
    if (!name) { skip('no-name'); continue; }
    const birth = parseSisDate(r.raw.geboortedatum);
    if (!birth.ok || birth.date === undefined) { skip('no-birth-date'); continue; }
    const adres = r.raw.leerlingAdres ? adressen.get(r.raw.leerlingAdres.trim()) : undefined;
    const home = adres ? address(adres) : undefined;
    const sex = gender(r.raw.geslacht);
    students.push({
      id: r.id,
      name,
      birthDate: birth.date,
      ...(sex !== undefined ? { gender: sex } : {}),
      group: groups.get(r.groep.id)!,
      jaargroep: r.jaargroep,
      teachers: [],
      ...(home !== undefined ? { address: home } : {}),
      contacts: adres ? phones(adres) : [],
      enrolment: r.enrolment,
    });
  }
  students.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { students, byId: new Map(students.map((s) => [s.id, s])), departed, skipped };
}

/** Each group once, holding the jaargroepen its name states and those of the pupils placed in it. */
function groupsOf(resolved: readonly Resolved[]): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const r of resolved) {
    let group = groups.get(r.groep.id);
    if (!group) {
      const name = r.groep.naam?.trim() || r.groep.code?.trim() || `Groep ${r.jaargroep}`;
      group = { id: r.groep.id, name, jaargroepen: jaargroepenInName(r.groep.naam || r.groep.code) };
      groups.set(r.groep.id, group);
    }
    if (!group.jaargroepen.includes(r.jaargroep)) group.jaargroepen.push(r.jaargroep);
  }
  for (const group of groups.values()) group.jaargroepen.sort((a, b) => a - b);
  return groups;
}

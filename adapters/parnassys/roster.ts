/**
 * Joins the normalised getLeerlingen lists into the contract's Students for one day: the
 * placement and enrolment that hold that day, the group with the jaargroepen it holds, the
 * address and phones with their secret flags. Pupils who left before that day are left out;
 * so are records we cannot use, listed by reason with the pupil's id (the SIS's opaque key, so
 * the school can find them: log, health detail, conformance report). A pupil without a
 * placement in this school year yet has no group; one whose jaargroep nothing states is kept
 * without one and listed too.
 *
 * Teachers stay empty here: neither getLeerlingen nor getMedewerkers links staff to groups in any
 * public description of the service, and a guessed teacher is worse than none. Where the school
 * states the link in the config, ./teachers.ts adds them.
 */
import type { Group, Student } from '../contract/index.ts';
import { runNow, runPaced, type Steps } from '../shared/paced.ts';
import { parseSisDate } from './dates.ts';
import type { LeerlingenReturn, RawGroep, RawLeerling, UnreadableRecord } from './leerlingen-schema.ts';
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
  | 'unreadable-record' | 'no-id' | 'duplicate-id' | 'no-name' | 'no-birth-date' | 'unreadable-date'
  | 'no-enrolment' | 'unknown-group';

export interface Roster {
  /** Current pupils, ordered by id. */
  students: Student[];
  byId: ReadonlyMap<string, Student>;
  /** Pupils left out because their enrolment ended before `day`. */
  departed: number;
  /** Pupils left out, by reason: their ids (a position "#3" where there is no id). */
  skipped: Partial<Record<SkipReason, string[]>>;
  /** Pupils kept without a jaargroep: placed in a group whose name states none, without leerjaar. */
  withoutJaargroep: string[];
  /** Pupils kept without a group: no placement of this school year has started yet. */
  withoutGroup: string[];
  /** Records of the answer that did not fit the schema and were left out. */
  unreadable: readonly UnreadableRecord[];
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
  placement?: Placement;
  groep?: RawGroep;
  jaargroep?: number;
  enrolment: Student['enrolment'];
}

export function buildRoster(data: LeerlingenReturn, options: RosterOptions): Roster {
  return runNow(rosterSteps(data, options));
}

/** The same roster, joined in slices so a large school does not hold up the event loop (../shared/paced.ts). */
export function buildRosterPaced(data: LeerlingenReturn, options: RosterOptions): Promise<Roster> {
  return runPaced(rosterSteps(data, options));
}

function* rosterSteps(data: LeerlingenReturn, options: RosterOptions): Steps<Roster> {
  const { day } = options;
  const groepen = new Map(data.groepen.map((g) => [g.id, g]));
  const adressen = new Map(data.adressen.map((a) => [a.id, a]));
  const wantedYear = yearKey(options.schoolYear);
  const yearIds = new Set(data.schooljaren.filter((s) => yearKey(s.naam) === wantedYear).map((s) => s.id));
  const [startYear] = wantedYear.split('/');
  const yearStart = `${startYear}-08-01`;
  const yearEnd = `${Number(startYear) + 1}-07-31`;
  // A placement without any school year on it counts for the year its start date falls in.
  const inSchoolYear = (p: Placement) => {
    const year = p.schoolYearId ?? groepen.get(p.groupId)?.schooljaar;
    return year !== undefined ? yearIds.has(year) : p.from !== undefined && p.from >= yearStart && p.from <= yearEnd;
  };

  const skipped: Roster['skipped'] = {};
  const skip = (reason: SkipReason, ref: string) => {
    (skipped[reason] ??= []).push(ref);
  };
  for (const u of data.unreadable ?? []) if (u.kind === 'leerling') skip('unreadable-record', u.ref);
  let departed = 0;
  const seen = new Set<string>();
  const resolved: Resolved[] = [];

  for (const [i, raw] of data.leerlingen.entries()) {
    yield;
    const id = raw[options.studentId]?.trim();
    if (!id) { skip('no-id', raw.id?.trim() || `#${i + 1}`); continue; }
    const enrolment = currentEnrolment(raw.inschrijvingen, day);
    if (enrolment === 'unreadable-date') { skip('unreadable-date', id); continue; }
    if (enrolment === undefined) { skip('no-enrolment', id); continue; }
    if (hasLeft(enrolment, day)) { departed++; continue; }
    const placements = readPlacements(raw.groepsindelingen);
    if (placements === 'unreadable-date') { skip('unreadable-date', id); continue; }
    const placement = currentPlacement(placements, day, inSchoolYear);
    const groep = placement && groepen.get(placement.groupId);
    if (placement && !groep) { skip('unknown-group', id); continue; }
    if (seen.has(id)) { skip('duplicate-id', id); continue; }
    seen.add(id);
    const fromName = groep ? jaargroepenInName(groep.naam || groep.code) : [];
    const jaargroep = placement && (jaargroepOf(placement.leerjaar) ?? (fromName.length === 1 ? fromName[0] : undefined));
    resolved.push({ raw, id, placement, groep, jaargroep, enrolment });
  }

  const groups = groupsOf(resolved);
  const students: Student[] = [];
  const withoutJaargroep: string[] = [];
  const withoutGroup: string[] = [];
  for (const r of resolved) {
    yield;
    const name = pupilName(r.raw);
    if (!name) { skip('no-name', r.id); continue; }
    const birth = parseSisDate(r.raw.geboortedatum);
    if (!birth.ok || birth.date === undefined) { skip('no-birth-date', r.id); continue; }
    if (!r.groep) withoutGroup.push(r.id);
    else if (r.jaargroep === undefined) withoutJaargroep.push(r.id);
    const adres = r.raw.leerlingAdres ? adressen.get(r.raw.leerlingAdres.trim()) : undefined;
    const home = adres ? address(adres) : undefined;
    const sex = gender(r.raw.geslacht);
    students.push({
      id: r.id,
      name,
      birthDate: birth.date,
      ...(sex !== undefined ? { gender: sex } : {}),
      ...(r.groep && { group: groups.get(r.groep.id)! }),
      ...(r.jaargroep !== undefined && { jaargroep: r.jaargroep }),
      teachers: [],
      ...(home !== undefined ? { address: home } : {}),
      contacts: adres ? phones(adres) : [],
      enrolment: r.enrolment,
    });
  }
  students.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { students, byId: new Map(students.map((s) => [s.id, s])), departed, skipped, withoutJaargroep, withoutGroup, unreadable: data.unreadable ?? [] };
}

/** Each group once, holding the jaargroepen its name states and those of the pupils placed in it. */
function groupsOf(resolved: readonly Resolved[]): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const r of resolved) {
    if (!r.groep) continue;
    let group = groups.get(r.groep.id);
    if (!group) {
      const name = r.groep.naam?.trim() || r.groep.code?.trim() || (r.jaargroep !== undefined ? `Groep ${r.jaargroep}` : r.groep.id);
      group = { id: r.groep.id, name, jaargroepen: jaargroepenInName(r.groep.naam || r.groep.code) };
      groups.set(r.groep.id, group);
    }
    if (r.jaargroep !== undefined && !group.jaargroepen.includes(r.jaargroep)) group.jaargroepen.push(r.jaargroep);
  }
  for (const group of groups.values()) group.jaargroepen.sort((a, b) => a - b);
  return groups;
}

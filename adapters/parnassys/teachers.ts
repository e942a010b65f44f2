/**
 * Teachers on pupils. No public ParnasSys interface says who teaches a group: getLeerlingen's
 * groups name no staff, and getMedewerkers gives staff with their employment but no group. So the
 * school states the link in the config (`groupTeachers`: group code → medewerker ids) and
 * getMedewerkers supplies the names, spelt as the administration keeps them. Without that config
 * `teachers` stays empty rather than guessed.
 */
import type { PersonName, Student, Teacher } from '../contract/index.ts';
import type { RawGroep } from './leerlingen-schema.ts';
import type { RawMedewerker } from './medewerkers-schema.ts';
import type { Roster } from './roster.ts';

const blank = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());

export function staffName(m: RawMedewerker): PersonName | undefined {
  const given = blank(m.roepNaam) ?? blank(m.firstName);
  const family = blank(m.achternaam) ?? blank(m.lastName);
  if (given === undefined || family === undefined) return undefined;
  const prefix = blank(m.tussenvoegsel);
  return { given, ...(prefix !== undefined ? { prefix } : {}), family };
}

export interface WithTeachers {
  roster: Roster;
  /** Medewerker ids named in groupTeachers that the staff list lacks (or has without a name). */
  unknownStaff: number;
}

/** A copy of the roster with each pupil's teachers from its group's code, in the order the config lists them. */
export function withTeachers(
  roster: Roster, groepen: readonly RawGroep[], staff: readonly RawMedewerker[], groupTeachers: Readonly<Record<string, readonly string[]>>,
): WithTeachers {
  const codeOf = new Map(groepen.map((g) => [g.id, g.code?.trim() ?? '']));
  const teachers = new Map<string, Teacher>();
  for (const m of staff) {
    const name = staffName(m);
    if (name) teachers.set(m.id.trim(), { id: m.id.trim(), name });
  }
  const missing = new Set<string>();
  const byGroup = new Map<string, Teacher[]>();
  const teachersOf = (groupId: string): Teacher[] => {
    let list = byGroup.get(groupId);
    if (!list) {
      const ids = groupTeachers[codeOf.get(groupId) ?? ''] ?? [];
      list = ids.flatMap((id) => {
        const teacher = teachers.get(id);
        if (!teacher) missing.add(id);
        return teacher ? [teacher] : [];
      });
      byGroup.set(groupId, list);
    }
    return list;
  };
  const students: Student[] = roster.students.map((s) => ({ ...s, teachers: (s.group ? teachersOf(s.group.id) : []).map((t) => ({ id: t.id, name: { ...t.name } })) }));
  return {
    roster: { ...roster, students, byId: new Map(students.map((s) => [s.id, s])) },
    unknownStaff: missing.size,
  };
}

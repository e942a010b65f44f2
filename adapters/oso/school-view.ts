/**
 * The index as it stands on one local date: who is a current pupil (enrolment not ended), which
 * group each is in, and the records the contract returns. Pupils who have left are unknown
 * everywhere, and so are guardians left without a current child.
 */
import type { AbsenceSummary, Guardian, MedicalCard, Student, TestResult } from '../contract/index.ts';
import { medicalCardOf } from './map-medical.ts';
import type { DossierRecord, Placement } from './dossier-record.ts';
import type { OsoIndex } from './dossier-index.ts';
import { jaargroepInCode, placementOn, primaryJaargroep } from './map-pupil.ts';
import { runPaced, type Steps } from '../shared/paced.ts';
import { byId } from './paging.ts';

/** "5/6", "1-2", "7+8": a combination group names its jaargroepen in its code. */
function jaargroepenInCode(groepscode: string): number[] {
  const code = groepscode.replace(/\s+/g, '');
  return /^[1-8]([/\-+&][1-8])+$/.test(code) ? code.split(/[/\-+&]/).map(Number) : [];
}

/** A pupil as served, with a note when part is missing (no group yet, no jaargroep); or why there is none. */
export type StudentOutcome = { ok: true; student: Student; note?: string } | { ok: false; problem: string };

/** The jaargroep a placement states: its own, else the one its group code names. */
function jaargroepOf(p: Placement | undefined): number | undefined {
  if (!p) return undefined;
  return p.jaargroep !== undefined ? primaryJaargroep(p.jaargroep) : jaargroepInCode(p.groepscode);
}

interface ViewParts {
  current: ReadonlyMap<string, DossierRecord>;
  students: ReadonlyMap<string, StudentOutcome>;
  studentList: readonly Student[];
  guardians: ReadonlyMap<string, Guardian>;
  guardianList: readonly Guardian[];
  guardiansByStudent: ReadonlyMap<string, readonly Guardian[]>;
}

export class SchoolView {
  readonly today: string;
  readonly #index: OsoIndex;
  readonly #parts: ViewParts;

  /** The view for one day, built in slices (1,500 pupils would hold up the event loop; ../shared/paced.ts). */
  static build(index: OsoIndex, today: string): Promise<SchoolView> {
    return runPaced(viewSteps(index, today)).then((parts) => new SchoolView(index, today, parts));
  }

  private constructor(index: OsoIndex, today: string, parts: ViewParts) {
    this.#index = index;
    this.today = today;
    this.#parts = parts;
  }

  isCurrent(studentId: string): boolean {
    return this.#parts.current.has(studentId);
  }

  /** Every current pupil, readable or not, by id. */
  get students(): ReadonlyMap<string, StudentOutcome> {
    return this.#parts.students;
  }

  /** Current pupils that map to a complete Student, sorted by id. */
  listStudents(): readonly Student[] {
    return this.#parts.studentList;
  }

  get guardians(): ReadonlyMap<string, Guardian> {
    return this.#parts.guardians;
  }

  /** Guardians with a current child, sorted by id. */
  listGuardians(): readonly Guardian[] {
    return this.#parts.guardianList;
  }

  /** The pupil's results (lvs and doorstroom), ordered by date then id. */
  results(studentId: string): readonly TestResult[] {
    return this.#index.results.get(studentId) ?? [];
  }

  /** The pupil's medical card: the GP only, the rest empty (OSO has nothing else). */
  medical(studentId: string): MedicalCard {
    return medicalCardOf(studentId, this.#parts.current.get(studentId)?.pupil.gp);
  }

  /** The pupil's verzuim summaries whose period overlaps `from`–`to` (inclusive local dates). */
  absences(studentId: string, range: { from: string; to: string }): AbsenceSummary[] {
    return (this.#index.absences.get(studentId) ?? []).filter((a) => a.period.from <= range.to && range.from <= a.period.to);
  }

  /** The pupil's guardians, sorted by id. */
  guardiansOf(studentId: string): readonly Guardian[] {
    return this.#parts.guardiansByStudent.get(studentId) ?? [];
  }
}

function* viewSteps(index: OsoIndex, today: string): Steps<ViewParts> {
  const current = new Map<string, DossierRecord>();
  for (const [id, r] of index.pupils) if (r.pupil.enrolment.to === undefined || r.pupil.enrolment.to >= today) current.set(id, r);
  yield;
  const students = yield* studentSteps(current, today);
  const studentList = [...students.values()].flatMap((o) => (o.ok ? [o.student] : [])).sort(byId);
  yield;
  const guardians = yield* guardianSteps(index, current);
  const guardianList = [...guardians.values()].sort(byId);
  const guardiansByStudent = new Map<string, Guardian[]>();
  for (const g of guardianList) {
    for (const l of g.children) {
      const list = guardiansByStudent.get(l.studentId);
      if (list) {
        if (list.at(-1) !== g) list.push(g);
      } else guardiansByStudent.set(l.studentId, [g]);
    }
  }
  return { current, students, studentList, guardians, guardianList, guardiansByStudent };
}

function* studentSteps(current: ReadonlyMap<string, DossierRecord>, today: string): Generator<void, Map<string, StudentOutcome>, void> {
  const placed = new Map([...current].map(([id, r]) => [id, placementOn(r.pupil.placements, today)]));
  const jaargroepenByGroup = new Map<string, Set<number>>();
  for (const p of placed.values()) {
    const jaargroep = jaargroepOf(p);
    if (!p || jaargroep === undefined) continue;
    const set = jaargroepenByGroup.get(p.groupId) ?? new Set(jaargroepenInCode(p.groepscode));
    jaargroepenByGroup.set(p.groupId, set.add(jaargroep));
  }
  const outcomes = new Map<string, StudentOutcome>();
  for (const [id, record] of current) {
    yield;
    const placement = placed.get(id);
    const jaargroepen = placement && jaargroepenByGroup.get(placement.groupId);
    outcomes.set(id, toStudent(id, record, placement, [...(jaargroepen ?? [])].sort((a, b) => a - b)));
  }
  return outcomes;
}

function* guardianSteps(index: OsoIndex, current: ReadonlyMap<string, DossierRecord>): Generator<void, Map<string, Guardian>, void> {
  const guardians = new Map<string, Guardian>();
  for (const g of index.guardians.values()) {
    yield;
    const children = g.links.filter((l) => current.has(l.studentId)).map((l) => ({ ...l }))
      .sort((a, b) => (a.studentId < b.studentId ? -1 : a.studentId > b.studentId ? 1 : 0));
    if (children.length === 0) continue;
    const { name, address, contacts } = g.data;
    guardians.set(g.id, {
      id: g.id,
      name: { ...name },
      ...(address && { address: { ...address } }),
      contacts: contacts.map((c) => ({ ...c })),
      children,
    });
  }
  return guardians;
}

/** A current pupil as the contract's Student, or why the dossier cannot make one. */
function toStudent(id: string, record: DossierRecord, placement: Placement | undefined, jaargroepen: number[]): StudentOutcome {
  const { pupil } = record;
  const fail = (why: string): StudentOutcome => ({ ok: false, problem: `${record.file}: pupil ${id} cannot be shown: ${why}` });
  if (!pupil.birthDate) return fail('no geboortedatum');
  const jaargroep = jaargroepOf(placement);
  if (placement?.jaargroep !== undefined && jaargroep === undefined) {
    return fail(`jaargroep "${placement.jaargroep}" of group ${placement.groepscode} is not a primary-school group 1–8`);
  }
  if (!pupil.enrolment.from) return fail('no datuminschrijving');
  const note = !placement
    ? `${record.file}: pupil ${id} has no group yet (no schoolloopbaan for this school year)`
    : jaargroep === undefined ? `${record.file}: pupil ${id} kept without jaargroep (group ${placement.groepscode} names none, no jaargroep given)` : undefined;
  const student: Student = {
    id,
    name: { ...pupil.name },
    birthDate: pupil.birthDate,
    ...(pupil.gender && { gender: pupil.gender }),
    ...(placement && { group: { id: placement.groupId, name: placement.groupName, jaargroepen: jaargroepen.length > 0 || jaargroep === undefined ? jaargroepen : [jaargroep] } }),
    ...(jaargroep !== undefined && { jaargroep }),
    // OSO names no teachers.
    teachers: [],
    ...(pupil.address && { address: { ...pupil.address } }),
    contacts: pupil.contacts.map((c) => ({ ...c })),
    enrolment: { from: pupil.enrolment.from, ...(pupil.enrolment.to && { to: pupil.enrolment.to }) },
  };
  return { ok: true, student, ...(note && { note }) };
}

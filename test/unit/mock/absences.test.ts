import { expect } from 'chai';
import type { AbsenceRecord } from '../../../adapters/contract/index.ts';
import { ABSENCE_REASONS, DEMO_DEPARTED_STUDENT_IDS, createMockAdapter } from '../../../adapters/mock/index.ts';
import { schoolDays } from '../../../adapters/mock/data/calendar.ts';
import { manualClock } from '../../support/clock.ts';
import { demoSchool, expectSisError, rejectionOf } from './support.ts';

const TWO_YEARS = { from: '2025-08-01', to: '2027-07-31' };
const order = (a: AbsenceRecord, b: AbsenceRecord) => (a.date === b.date ? (a.id < b.id ? -1 : 1) : a.date < b.date ? -1 : 1);

describe('mock SIS: absences', () => {
  const school = demoSchool();
  const schoolDaySet = new Set([...schoolDays('2025-2026'), ...schoolDays('2026-2027')]);
  let all: AbsenceRecord[];

  before(() => {
    all = school.students.flatMap((s) => [...(school.absencesOf(s.id) ?? [])]);
  });

  it('fall on school days only (no weekends, no holidays) of the previous and current school year', () => {
    expect(all.length).to.be.greaterThan(1000);
    const weekend = all.filter((a) => [0, 6].includes(new Date(`${a.date}T00:00:00Z`).getUTCDay()));
    expect(weekend.map((a) => `${a.id} ${a.date}`)).to.deep.equal([]);
    expect(all.filter((a) => !schoolDaySet.has(a.date)).map((a) => `${a.id} ${a.date}`)).to.deep.equal([]);
    expect(all.some((a) => a.date < '2026-08-01')).to.equal(true);
    expect(all.some((a) => a.date > '2026-08-01')).to.equal(true);
  });

  it("never predate the pupil's enrolment", () => {
    const early = all.filter((a) => a.date < (school.studentsById.get(a.studentId)?.enrolment.from ?? '9999'));
    expect(early.map((a) => a.id)).to.deep.equal([]);
  });

  it("use the school's reason codes with their texts and flags; lates carry minutes", () => {
    const used = new Set(all.map((a) => a.reason.code));
    expect([...used].sort()).to.deep.equal(Object.keys(ABSENCE_REASONS).sort());
    const wrong = all.filter((a) => {
      const reason = ABSENCE_REASONS[a.reason.code as keyof typeof ABSENCE_REASONS];
      return a.reason.text !== reason.text || a.authorised !== reason.authorised || a.late !== reason.late
        || (a.late && !(a.minutes !== undefined && a.minutes >= 1 && a.minutes <= 60))
        || !['morning', 'afternoon', 'day'].includes(a.dayPart);
    });
    expect(wrong).to.deep.equal([]);
    expect(all.some((a) => a.dayPart === 'morning') && all.some((a) => a.dayPart === 'afternoon')).to.equal(true);
  });

  it('are ordered by date then id, with unique ids', () => {
    for (const s of school.students) {
      const list = [...(school.absencesOf(s.id) ?? [])];
      expect(list.map((a) => a.id)).to.deep.equal([...list].sort(order).map((a) => a.id));
    }
    expect(new Set(all.map((a) => a.id)).size).to.equal(all.length);
  });

  it('listAbsences includes both ends of the range and nothing outside it', async () => {
    const adapter = createMockAdapter();
    const pupil = school.students.find((s) => (school.absencesOf(s.id)?.length ?? 0) > 5)!;
    // The mock keeps dated records only; the deep equality proves it.
    const full = await adapter.listAbsences!(pupil.id, TWO_YEARS) as AbsenceRecord[];
    expect(full).to.deep.equal(school.absencesOf(pupil.id));
    const first = full[1]!.date;
    const last = full[full.length - 2]!.date;
    const inner = await adapter.listAbsences!(pupil.id, { from: first, to: last }) as AbsenceRecord[];
    expect(inner.map((a) => a.id)).to.deep.equal(full.filter((a) => a.date >= first && a.date <= last).map((a) => a.id));
    expect(inner[0]?.date).to.equal(first);
    expect(inner.at(-1)?.date).to.equal(last);
    expect(await adapter.listAbsences!(pupil.id, { from: last, to: first })).to.deep.equal([]);
  });

  it('listAbsences: unknown and departed pupils are SIS_NOT_FOUND; a malformed date is a RangeError', async () => {
    const adapter = createMockAdapter();
    await expectSisError(adapter.listAbsences!('L9999', TWO_YEARS), 'SIS_NOT_FOUND');
    for (const id of DEMO_DEPARTED_STUDENT_IDS) await expectSisError(adapter.listAbsences!(id, TWO_YEARS), 'SIS_NOT_FOUND');
    expect(await rejectionOf(adapter.listAbsences!('L1001', { from: '2026-13-01', to: '2027-01-01' }))).to.be.instanceOf(RangeError);
  });

  it('hideFuture leaves out absences after the clock\'s local date in Amsterdam', async () => {
    // 23:30 UTC on 27 November is already 28 November in Amsterdam.
    const clock = manualClock('2026-11-27T23:30:00Z');
    const hidden = createMockAdapter({ hideFuture: true }, { clock });
    const pupil = school.students.find((s) => school.absencesOf(s.id)?.some((a) => a.date > '2026-11-28'))!;
    const visible = await hidden.listAbsences!(pupil.id, TWO_YEARS) as AbsenceRecord[];
    expect(visible.every((a) => a.date <= '2026-11-28')).to.equal(true);
    expect(visible).to.deep.equal(school.absencesOf(pupil.id)?.filter((a) => a.date <= '2026-11-28'));
    clock.set('2027-07-31T12:00:00Z');
    expect(await hidden.listAbsences!(pupil.id, TWO_YEARS)).to.deep.equal(school.absencesOf(pupil.id));
  });
});

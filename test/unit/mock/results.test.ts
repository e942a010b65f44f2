import { expect } from 'chai';
import type { TestResult } from '../../../adapters/contract/index.ts';
import { createMockAdapter } from '../../../adapters/mock/index.ts';
import { levelAE, levelIV, LVS_SUBJECTS, meanAt } from '../../../adapters/mock/data/lvs-norms.ts';
import { manualClock } from '../../support/clock.ts';
import { demoSchool, expectSisError } from './support.ts';

const ref = (r: TestResult, code: string) => r.referenceScores.find((s) => s.code === code)?.value;
const YEARS = ['2024-2025', '2025-2026', '2026-2027'];

describe('mock SIS: test results', () => {
  const school = demoSchool();
  let all: TestResult[];
  const of = (id: string) => [...(school.resultsOf(id) ?? [])];
  const jaargroepOf = (id: string) => school.studentsById.get(id)?.jaargroep as number;

  before(() => {
    all = school.students.flatMap((s) => of(s.id));
  });

  it('exist only from groep 3; groep 1 and 2 have none', () => {
    for (const s of school.students.filter((p) => p.jaargroep < 3)) expect(of(s.id), s.id).to.deep.equal([]);
    expect(all.filter((r) => r.jaargroep < 3)).to.deep.equal([]);
  });

  it("LVS (Cito LiB) spans three school years, each at the pupil's jaargroep then, never before groep 3", () => {
    const lvs = all.filter((r) => r.kind === 'lvs');
    expect(lvs.length).to.be.greaterThan(2000);
    expect(new Set(lvs.map((r) => r.schoolYear))).to.deep.equal(new Set(YEARS));
    for (const r of lvs) {
      const back = 2026 - Number(r.schoolYear.slice(0, 4));
      if (r.jaargroep !== jaargroepOf(r.studentId) - back || r.jaargroep < 3 || r.method !== 'Cito LiB') expect.fail(`${r.id}: ${JSON.stringify(r)}`);
    }
    const groep3 = school.students.find((s) => s.jaargroep === 3 && s.enrolment.from < '2026-08-01')!;
    expect(new Set(of(groep3.id).map((r) => r.schoolYear))).to.deep.equal(new Set(['2026-2027']));
    const groep6 = school.students.find((s) => s.jaargroep === 6 && s.enrolment.from < '2024-08-01')!;
    const years = new Set(of(groep6.id).filter((r) => r.kind === 'lvs').map((r) => r.schoolYear));
    expect(years).to.deep.equal(new Set(YEARS));
    expect(new Set(lvs.map((r) => r.subject))).to.deep.equal(new Set(['rekenen-wiskunde', 'begrijpend lezen', 'spelling', 'technisch lezen']));
  });

  it('LVS moments: M in late January / February, E in June, none E in groep 8', () => {
    for (const r of all.filter((x) => x.kind === 'lvs')) {
      const month = r.date.slice(5, 7);
      const ok = r.moment === 'M' ? ['01', '02'].includes(month) : r.moment === 'E' && month === '06' && r.jaargroep < 8;
      if (!ok) expect.fail(`${r.id} ${r.testName} on ${r.date}`);
    }
  });

  it('levels follow the national bands: A–E 25/25/25/15/10 %, I–V five times 20 %', () => {
    const ae = [[99, 'A'], [75, 'A'], [74, 'B'], [50, 'B'], [49, 'C'], [25, 'C'], [24, 'D'], [10, 'D'], [9, 'E'], [1, 'E']] as const;
    const iv = [[99, 'I'], [80, 'I'], [79, 'II'], [60, 'II'], [59, 'III'], [40, 'III'], [39, 'IV'], [20, 'IV'], [19, 'V'], [1, 'V']] as const;
    for (const [pct, level] of ae) expect(levelAE(pct), `AE at ${pct}`).to.equal(level);
    for (const [pct, level] of iv) expect(levelIV(pct), `IV at ${pct}`).to.equal(level);
  });

  it('a vaardigheidsscore at or above the national mean of its moment has a percentile of 50 or more', () => {
    for (const r of all.filter((x) => x.kind === 'lvs')) {
      const subject = LVS_SUBJECTS.find((s) => s.subject === r.subject)!;
      const aboveMean = (r.vaardigheidsscore as number) >= meanAt(subject, r.jaargroep, r.moment as 'M' | 'E');
      if (aboveMean !== Number(ref(r, 'PERCENTIEL')) >= 50) expect.fail(`${r.id}: ${r.vaardigheidsscore} vs ${JSON.stringify(r.referenceScores)}`);
    }
  });

  it('LVS levels A–E and I–V agree with the percentile, and a higher score never gets a lower level', () => {
    const AE = ['E', 'D', 'C', 'B', 'A'];
    const IV = ['V', 'IV', 'III', 'II', 'I'];
    const groups = new Map<string, TestResult[]>();
    const problems: string[] = [];
    for (const r of all.filter((x) => x.kind === 'lvs')) {
      const pct = Number(ref(r, 'PERCENTIEL'));
      if (!(pct >= 1 && pct <= 99) || ref(r, 'AE') !== levelAE(pct) || ref(r, 'IV') !== levelIV(pct)) {
        problems.push(`${r.id}: ${JSON.stringify(r.referenceScores)}`);
      }
      const key = `${r.subject}|${r.jaargroep}|${r.moment}`;
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    for (const [key, list] of groups) {
      list.sort((a, b) => (a.vaardigheidsscore as number) - (b.vaardigheidsscore as number));
      for (let i = 1; i < list.length; i++) {
        const [lo, hi] = [list[i - 1]!, list[i]!];
        const worse = Number(ref(hi, 'PERCENTIEL')) < Number(ref(lo, 'PERCENTIEL'))
          || AE.indexOf(ref(hi, 'AE')!) < AE.indexOf(ref(lo, 'AE')!)
          || IV.indexOf(ref(hi, 'IV')!) < IV.indexOf(ref(lo, 'IV')!);
        if (worse) problems.push(`${key}: ${hi.id} scores more than ${lo.id} but has a lower level`);
      }
    }
    expect(problems).to.deep.equal([]);
    const levels = new Set(all.filter((r) => r.kind === 'lvs').map((r) => ref(r, 'AE')));
    expect(levels).to.deep.equal(new Set(['A', 'B', 'C', 'D', 'E']));
  });

  it('vaardigheidsscores grow over the years on one scale, with individual variation', () => {
    const meanOf = (list: TestResult[]) => list.reduce((s, r) => s + (r.vaardigheidsscore as number), 0) / list.length;
    const moments = ['M3', 'E3', 'M4', 'E4', 'M5', 'E5', 'M6', 'E6', 'M7', 'E7', 'M8'];
    const spelling = all.filter((r) => r.kind === 'lvs' && r.subject === 'spelling');
    const means = moments.map((m) => meanOf(spelling.filter((r) => `${r.moment}${r.jaargroep}` === m)));
    for (let i = 1; i < means.length; i++) expect(means[i]! > means[i - 1]!, `${moments[i]} after ${moments[i - 1]}`).to.equal(true);

    let grew = 0;
    let pupils = 0;
    for (const s of school.students.filter((p) => p.jaargroep >= 5)) {
      const reken = of(s.id).filter((r) => r.kind === 'lvs' && r.subject === 'rekenen-wiskunde');
      if (reken.length < 2) continue;
      pupils++;
      if (reken.at(-1)!.vaardigheidsscore! > reken[0]!.vaardigheidsscore!) grew++;
    }
    expect(grew / pupils).to.be.greaterThan(0.95);
    const m5 = all.filter((r) => r.kind === 'lvs' && r.subject === 'rekenen-wiskunde' && r.jaargroep === 5 && r.moment === 'M');
    const scores = m5.map((r) => r.vaardigheidsscore as number);
    expect(Math.max(...scores) - Math.min(...scores), 'spread within one moment').to.be.greaterThan(30);
  });

  it('DLE comes with technisch lezen and spelling', () => {
    const lvs = all.filter((r) => r.kind === 'lvs');
    for (const r of lvs) {
      const hasDle = ref(r, 'DLE') !== undefined;
      if (hasDle !== ['technisch lezen', 'spelling'].includes(r.subject)) expect.fail(`${r.id} ${r.subject}`);
    }
  });

  it('method tests: this school year, Pluspunt / Staal / Staal spelling, grades (words in groep 3)', () => {
    const method = all.filter((r) => r.kind === 'method');
    expect(new Set(method.map((r) => r.schoolYear))).to.deep.equal(new Set(['2026-2027']));
    const methods = Object.fromEntries(method.map((r) => [r.subject, r.method]));
    expect(methods).to.deep.equal({ rekenen: 'Pluspunt', taal: 'Staal', spelling: 'Staal spelling' });
    for (const r of method) {
      const ok = r.jaargroep === 3
        ? ['goed', 'voldoende', 'matig', 'onvoldoende'].includes(r.score as string)
        : typeof r.score === 'number' && r.score >= 1 && r.score <= 10;
      if (!ok || r.jaargroep !== jaargroepOf(r.studentId)) expect.fail(`${r.id}: ${JSON.stringify(r)}`);
    }
  });

  it('doorstroomtoets: groep 8 only, this school year, with referentieniveaus and a toetsadvies', () => {
    const doorstroom = all.filter((r) => r.kind === 'doorstroom');
    const pupils = new Set(doorstroom.map((r) => r.studentId));
    expect([...pupils].every((id) => jaargroepOf(id) === 8)).to.equal(true);
    expect(pupils.size).to.equal(school.students.filter((s) => s.jaargroep === 8).length);
    for (const r of doorstroom) {
      expect(r.schoolYear).to.equal('2026-2027');
      if (r.subject === 'toetsadvies') expect(r.score).to.be.a('string');
      else expect(['<1F', '1F', '2F', '1S']).to.include(ref(r, 'REF'));
    }
  });

  it('listResults: ordered by date then id, filtered by school year, SIS_NOT_FOUND for unknown pupils', async () => {
    const adapter = createMockAdapter();
    const pupil = school.students.find((s) => s.jaargroep === 8)!;
    const list = await adapter.listResults!(pupil.id);
    expect(list).to.deep.equal(of(pupil.id));
    const sorted = [...list].sort((a, b) => (a.date === b.date ? (a.id < b.id ? -1 : 1) : a.date < b.date ? -1 : 1));
    expect(list.map((r) => r.id)).to.deep.equal(sorted.map((r) => r.id));
    const lastYear = await adapter.listResults!(pupil.id, { schoolYear: '2025-2026' });
    expect(lastYear.map((r) => r.id)).to.deep.equal(list.filter((r) => r.schoolYear === '2025-2026').map((r) => r.id));
    expect(lastYear.length).to.be.greaterThan(0);
    await expectSisError(adapter.listResults!('L0000'), 'SIS_NOT_FOUND');
  });

  it('hideFuture leaves out results dated after the clock\'s local date', async () => {
    const pupil = school.students.find((s) => s.jaargroep === 8)!.id;
    const adapter = createMockAdapter({ hideFuture: true }, { clock: manualClock('2027-02-20T08:00:00Z') });
    const list = await adapter.listResults!(pupil);
    expect(list).to.deep.equal(of(pupil).filter((r) => r.date <= '2027-02-20'));
    expect(list.some((r) => r.kind === 'doorstroom')).to.equal(true);
    expect(of(pupil).some((r) => r.date > '2027-02-20')).to.equal(true);
  });

  it('listResults gives only the kinds the (narrowed) capabilities cover', async () => {
    const pupil = school.students.find((s) => s.jaargroep === 8)!.id;
    const methodOnly = await createMockAdapter({ capabilities: ['results.method'] }).listResults!(pupil);
    expect(new Set(methodOnly.map((r) => r.kind))).to.deep.equal(new Set(['method']));
    const lvsOnly = await createMockAdapter({ capabilities: ['results.lvs'] }).listResults!(pupil);
    expect(new Set(lvsOnly.map((r) => r.kind))).to.deep.equal(new Set(['lvs', 'doorstroom']));
  });
});

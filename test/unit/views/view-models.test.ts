import { expect } from 'chai';
import type { Absence, AbsenceRecord, Capability, TestResult } from '../../../adapters/contract/index.ts';
import { sectionStates, type SectionPolicy } from '../../../gateway/routes/parent/section-policy.ts';
import { stalenessOf } from '../../../gateway/routes/parent/staleness.ts';
import { absenceTotals, absencesView } from '../../../gateway/routes/parent/view-models/absences.ts';
import { accountPageModel } from '../../../gateway/routes/parent/view-models/account.ts';
import { childHeader } from '../../../gateway/routes/parent/view-models/child-header.ts';
import { clockTime } from '../../../gateway/routes/parent/view-models/help.ts';
import { resultsView } from '../../../gateway/routes/parent/view-models/results.ts';
import type { Account } from '../../../gateway/store/types.ts';
import { demoResultsStory } from '../results/demo-story.ts';

const ALL: ReadonlySet<Capability> = new Set(['students', 'guardians', 'absences', 'results.method', 'results.lvs']);

function absence(date: string, dayPart: AbsenceRecord['dayPart'], kind: 'ok' | 'not' | 'late', minutes?: number): Absence {
  return {
    id: `${date}-${dayPart}`, studentId: 'L1', date, dayPart,
    reason: { code: kind, text: kind === 'ok' ? 'Ziek' : kind === 'late' ? 'Te laat' : 'Zonder reden' },
    authorised: kind === 'ok', late: kind === 'late', minutes,
  };
}

describe('view models: absences', () => {
  const list = [
    absence('2026-09-01', 'morning', 'ok'),
    absence('2026-09-02', 'day', 'ok'),
    absence('2026-09-03', 'afternoon', 'not'),
    absence('2026-09-04', 'day', 'not'),
    absence('2026-09-05', 'morning', 'late', 10),
    absence('2026-09-06', 'morning', 'late', 5),
  ];

  it('totals day parts per kind, a whole day counting twice, and lates as times', () => {
    const totals = Object.fromEntries(absenceTotals(list).map((r) => [r.category, r]));
    expect(totals.authorised).to.include({ morning: 1, afternoon: 0, day: 1, total: 3 });
    expect(totals.unauthorised).to.include({ morning: 0, afternoon: 1, day: 1, total: 3 });
    expect(totals.late).to.include({ morning: 2, afternoon: 0, day: 0, total: 2 });
  });

  it('lists newest first, afternoon before morning on one day, with catalog keys', () => {
    const view = absencesView([absence('2026-10-01', 'morning', 'ok'), absence('2026-10-01', 'afternoon', 'not'), ...list]);
    expect(view.rows.slice(0, 3).map((r) => `${r.date} ${r.dayPartKey} ${r.categoryKey}`)).to.deep.equal([
      '2026-10-01 dayPart.afternoon absences.category.unauthorised',
      '2026-10-01 dayPart.morning absences.category.authorised',
      '2026-09-06 dayPart.morning absences.category.late',
    ]);
    expect(view.hasAbsences).to.equal(true);
    expect(absencesView([]).hasAbsences).to.equal(false);
  });
});

function result(overrides: Partial<TestResult>): TestResult {
  return {
    id: 'r', studentId: 'L1', kind: 'method', testName: 'Toets', subject: 'rekenen', date: '2026-10-01',
    schoolYear: '2026-2027', jaargroep: 5, referenceScores: [], ...overrides,
  };
}

describe('view models: results', () => {
  const SHOW = { schoolYear: '2026-2027', locale: 'nl' as const, story: demoResultsStory };
  const results = [
    result({ id: 'm1', subject: 'spelling', testName: 'Staal thema 1', method: 'Staal', date: '2026-09-20', score: 7.5 }),
    result({ id: 'm2', subject: 'rekenen', testName: 'Blok 1', method: 'Pluspunt', date: '2026-09-25', score: 8 }),
    result({ id: 'm3', subject: 'rekenen', testName: 'Blok 2', method: 'Pluspunt', date: '2026-11-02', score: 6 }),
    result({ id: 'm0', subject: 'rekenen', testName: 'Oud', schoolYear: '2025-2026', date: '2026-03-01' }),
    result({
      id: 'l2', kind: 'lvs', subject: 'rekenen-wiskunde', testName: 'Rekenen M5', date: '2026-01-20', schoolYear: '2025-2026',
      moment: 'M', jaargroep: 4, vaardigheidsscore: 180,
      referenceScores: [{ code: 'AE', value: 'B' }, { code: 'IV', value: 'II' }, { code: 'PERCENTIEL', value: '62' }, { code: 'XYZ', value: '1' }],
    }),
    result({ id: 'l1', kind: 'lvs', subject: 'rekenen-wiskunde', testName: 'Rekenen E3', date: '2025-06-10', schoolYear: '2024-2025', moment: 'E', vaardigheidsscore: 160, referenceScores: [] }),
    result({ id: 'd1', kind: 'doorstroom', subject: 'rekenen-wiskunde', testName: 'Doorstroomtoets', date: '2026-02-10', referenceScores: [{ code: 'REF', value: '1F' }] }),
  ];

  it('groups this school year\'s method tests by subject, newest first', () => {
    const view = resultsView(results, { method: true, lvs: false, ...SHOW });
    expect(view.lvs).to.equal(undefined);
    expect(view.method!.subjects.map((s) => [s.subject, s.rows.map((r) => r.testName)])).to.deep.equal([
      ['Rekenen', ['Blok 2', 'Blok 1']],
      ['Spelling', ['Staal thema 1']],
    ]);
    // The method is named only when the test name does not already say it.
    expect(view.method!.subjects[0]!.rows[0]!.method).to.equal('Pluspunt');
    expect(view.method!.subjects[1]!.rows[0]!.method).to.equal(undefined);
  });

  it('lists LVS results per subject over all years, oldest first, on the school\'s level scale; the doorstroomtoets apart', () => {
    const view = resultsView(results, { method: false, lvs: true, ...SHOW });
    expect(view.method).to.equal(undefined);
    const rows = view.lvs!.subjects[0]!.rows;
    expect(view.lvs!.subjects[0]!.subject).to.equal('Rekenen-wiskunde');
    expect(rows.map((r) => r.testName)).to.deep.equal(['Rekenen E3', 'Rekenen M5']);
    expect(rows[1]).to.deep.include({ level: { value: 'B' }, score: 180, momentKey: 'results.moment.M', schoolYear: '2025-2026' });
    expect(rows[1]!.otherScores.map(({ term: _term, ...r }) => r)).to.deep.equal([
      { labelKey: 'results.ref.PERCENTIEL', code: 'PERCENTIEL', value: '62' },
      { labelKey: undefined, code: 'XYZ', value: '1' },
    ]);
    expect(view.doorstroom!.rows).to.deep.equal([{ subject: 'Rekenen-wiskunde', value: '1F', reference: true }]);
  });

  it('shows neither kind when neither may be shown', () => {
    expect(Object.keys(resultsView(results, { method: false, lvs: false, ...SHOW }))).to.deep.equal(['terms']);
  });
});

describe('view models: sections and sub-navigation', () => {
  const summary = {
    studentId: 'L1', name: { given: 'Sanne', family: 'Berg' }, group: { id: 'G', name: 'Groep 5', jaargroepen: [5] },
    jaargroep: 5, teachers: [{ given: 'Anna', family: 'Vries', prefix: 'de' }],
  };

  it('without a policy every offered section is open', async () => {
    const states = await sectionStates(undefined, new Set<Capability>([...ALL, 'reports', 'medical']), 5);
    expect(Object.values(states).every((s) => s.open && s.offered)).to.equal(true);
  });

  it('asks the policy per section with the child\'s jaargroep, and knows what the SIS cannot offer', async () => {
    const asked: string[] = [];
    const policy: SectionPolicy = {
      isOpen(section, { studentJaargroep }) {
        asked.push(`${section}@${studentJaargroep}`);
        return section === 'results.lvs'
          ? { open: false, reason: { nl: 'Rapport', en: 'Report' }, reopensOn: '2027-02-17' }
          : { open: true };
      },
    };
    const states = await sectionStates(policy, new Set<Capability>(['students', 'guardians', 'results.lvs']), 7);
    expect(asked.sort()).to.deep.equal([
      'absence-report@7', 'absences@7', 'changes@7', 'conversations@7', 'leave@7', 'medical@7', 'personalia@7', 'reports@7', 'results.lvs@7',
      'results.method@7', 'school-year@7',
    ]);
    expect(states['results.lvs']).to.deep.equal({ open: false, reason: { nl: 'Rapport', en: 'Report' }, reopensOn: '2027-02-17', offered: true });
    expect(states.absences.offered).to.equal(false);
  });

  it('marks closed sections in the sub-navigation and hides sections the school does not offer', async () => {
    const policy: SectionPolicy = { isOpen: (s) => ({ open: s !== 'absences' && s !== 'results.lvs' }) };
    const header = childHeader('h4ndle', summary, await sectionStates(policy, ALL, 5), 'results');
    expect(header.nav.map((n) => [n.labelKey, n.href, n.current, n.closed])).to.deep.equal([
      ['child.nav.overview', '/kind/h4ndle', false, false],
      ['child.nav.absences', '/kind/h4ndle/absenties', false, true],
      ['child.nav.results', '/kind/h4ndle/resultaten', true, false],
      ['child.nav.conversation', '/kind/h4ndle/gesprek', false, false],
    ]);
    const noAbsences = childHeader('h', summary, await sectionStates(undefined, new Set<Capability>(['students', 'results.method']), 5), 'overview');
    expect(noAbsences.nav.map((n) => n.labelKey)).to.deep.equal(['child.nav.overview', 'child.nav.results', 'child.nav.conversation']);
    expect(header).to.include({ name: 'Sanne Berg', givenName: 'Sanne', groupName: 'Groep 5' });
    expect(header.teachers).to.deep.equal(['Anna de Vries']);
  });
});

describe('view models: staleness, help and account', () => {
  const served = (ageMs: number, stale: boolean, sisDown: boolean) => ({ value: 1, fetchedAt: new Date(0), ageMs, stale, sisDown });

  it('warns only about data served stale because the SIS is down, with the oldest age', () => {
    expect(stalenessOf(served(10, false, false), served(99, true, false))).to.equal(undefined);
    expect(stalenessOf(served(5_000, true, true), undefined, served(9_000, true, true), served(99_999, false, false)))
      .to.deep.equal({ ageMs: 9_000 });
  });

  it('writes clock times the way each language does', () => {
    expect(clockTime('08:30', 'nl')).to.equal('8.30');
    expect(clockTime('09:15', 'en')).to.equal('9:15');
  });

  it('builds the account page without any secret, errors only when there are some', () => {
    const account: Account = {
      id: 'a1', guardianId: 'V1', username: 'ouder', passwordHash: '$argon2id$secret', initialSecretHash: 'x',
      mustChangePassword: false, status: 'active', scope: 'limited', email: 'o@example.org',
      createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
    };
    const model = accountPageModel(account, { errors: { newPassword: [] }, saved: true });
    expect(JSON.stringify(model)).not.to.match(/argon|initialSecret|passwordHash/);
    expect(model).to.deep.include({ errors: undefined, saved: true, nav: 'account' });
    expect(model.account).to.deep.equal({ username: 'ouder', email: 'o@example.org', limited: true, lastLoginAt: undefined });
    const failed = accountPageModel(account, { errors: { newPassword: ['password.too_short'] }, saved: true });
    expect(failed.errors).to.deep.equal({ newPassword: ['password.too_short'] });
    expect(failed.saved).to.equal(false);
  });
});

import { expect } from 'chai';
import type { Guardian, Page, Student } from '../../../adapters/contract/index.ts';
import { STUDENTS } from '../../fixtures/adapters/complete/data.ts';
import { expectFailures, runInProcess, T } from './run-in-process.ts';
import { variant } from './variants.ts';

const withStudent = (change: (s: Student) => Record<string, unknown>) => variant((good) => ({
  getStudent: async (id: string) => {
    const s = await good.getStudent!(id);
    return { ...s, ...change(s) };
  },
  listStudents: async (cursor?: string) => {
    const page = await good.listStudents!(cursor);
    return { ...page, items: page.items.map((s) => ({ ...s, ...change(s) })) };
  },
}));

describe('conformance rule: pupils', () => {
  it('fails a jaargroep outside 1–8, naming the field', async () => {
    const { outcomes } = await runInProcess({ module: withStudent(() => ({ jaargroep: 9 })), config: {} });
    expectFailures(outcomes, {
      [T.listStudents]: /listStudents item 0 does not fit the contract:\n {2}- jaargroep: must be 1–8/,
      [T.getStudent]: /getStudent\("st-1"\) does not fit the contract:\n {2}- jaargroep: must be 1–8/,
    });
  });

  it("fails a jaargroep that is not one of the group's", async () => {
    const { outcomes } = await runInProcess({ module: withStudent((s) => ({ group: { ...s.group!, jaargroepen: [7, 8] } })), config: {} });
    expect(outcomes.get(T.getStudent)?.reason).to.match(/jaargroep: the pupil's jaargroep is one of its group's jaargroepen/);
  });

  it('fails a pupil without a teachers array, or with a jaargroep its group does not hold', async () => {
    const { outcomes } = await runInProcess({ module: withStudent(() => ({ teachers: undefined })), config: {} });
    expect(outcomes.get(T.getStudent)?.reason).to.match(/- teachers: /);
    const empty = await runInProcess({ module: withStudent((s) => ({ group: { ...s.group!, jaargroepen: [] } })), config: {} });
    expect(empty.outcomes.get(T.getStudent)?.reason).to.match(/- jaargroep: the pupil's jaargroep is one of its group's jaargroepen/);
  });

  it('passes a pupil with no group yet (and so no jaargroep), and one in a group without a known jaargroep', async () => {
    const none = await runInProcess({ module: withStudent(() => ({ group: undefined, jaargroep: undefined })), config: {} });
    expect(none.outcomes.get(T.getStudent)?.passed).to.equal(true);
    const unknown = await runInProcess({ module: withStudent((s) => ({ group: { ...s.group!, jaargroepen: [] }, jaargroep: undefined })), config: {} });
    expect(unknown.outcomes.get(T.getStudent)?.passed).to.equal(true);
  });

  it('fails a jaargroep without a group', async () => {
    const { outcomes } = await runInProcess({ module: withStudent(() => ({ group: undefined })), config: {} });
    expect(outcomes.get(T.getStudent)?.reason).to.match(/a pupil without a group has no jaargroep/);
  });

  it('fails a listing that includes a pupil who left', async () => {
    const module = variant(() => ({ listStudents: async (): Promise<Page<Student>> => ({ items: STUDENTS }) }));
    const { outcomes } = await runInProcess({ module, config: {}, fixtures: { studentIds: ['st-1'] } });
    expectFailures(outcomes, { [T.listStudents]: /lists pupil st-3, whose enrolment ended on 2024-07-12 .*departed pupils are left out/ });
  });

  it('fails getStudent for a departed pupil named in fixtures', async () => {
    const module = variant((good) => ({
      getStudent: async (id: string) => STUDENTS.find((s) => s.id === id) ?? good.getStudent!(id),
    }));
    const { outcomes } = await runInProcess({ module, config: {}, fixtures: { departedStudentIds: ['st-3'] } });
    expectFailures(outcomes, { [T.departed]: /getStudent\("st-3"\) for a departed pupil resolved/ });
  });

  it('fails getStudent returning another pupil', async () => {
    const module = variant((good) => ({ getStudent: async () => good.getStudent!('st-1') }));
    const { outcomes } = await runInProcess({ module, config: {} });
    expect(outcomes.get(T.getStudent)?.reason).to.equal('getStudent("st-2") returned pupil "st-1"');
  });
});

describe('conformance rule: guardians and their child links', () => {
  const withGuardians = (change: (g: Guardian) => Guardian) => variant((good) => ({
    getGuardian: async (id: string) => change(await good.getGuardian!(id)),
    listGuardians: async (cursor?: string) => {
      const page = await good.listGuardians!(cursor);
      return { ...page, items: page.items.map(change) };
    },
  }));

  it('fails a relation outside the enum and a gezag that is not boolean', async () => {
    const module = withGuardians((g) => ({ ...g, children: g.children.map((l) => ({ ...l, relation: 'oom', gezag: 'ja' })) } as unknown as Guardian));
    const { outcomes } = await runInProcess({ module, config: {} });
    const reason = outcomes.get(T.listGuardians)?.reason ?? '';
    expect(reason).to.match(/children\[0\]\.relation: /);
    expect(reason).to.match(/children\[0\]\.gezag: /);
  });

  it('fails a child link getStudent cannot resolve', async () => {
    const module = withGuardians((g) => ({ ...g, children: [...g.children, { studentId: 'st-404', relation: 'other', gezag: false, livesWith: false }] }));
    const { outcomes } = await runInProcess({ module, config: {}, fixtures: { studentIds: ['st-1'] } });
    expect(outcomes.get(T.childLinks)?.reason).to.match(/links to pupil st-404, which getStudent cannot read .*student ids must agree/);
  });

  it('fails listGuardiansOfStudent that leaves out a linked guardian or adds a stranger', async () => {
    const leavesOut = variant((good) => ({
      listGuardiansOfStudent: async (id: string) => (await good.listGuardiansOfStudent!(id)).slice(1),
    }));
    const strangers = variant((good) => ({
      listGuardiansOfStudent: async (id: string) => [...(await good.listGuardiansOfStudent!(id)), await good.getGuardian!('gd-3')],
    }));
    expect((await runInProcess({ module: leavesOut, config: {} })).outcomes.get(T.guardiansOfStudent)?.reason)
      .to.match(/guardian gd-1 links to pupil st-1, but listGuardiansOfStudent\("st-1"\) leaves them out/);
    expect((await runInProcess({ module: strangers, config: {} })).outcomes.get(T.guardiansOfStudent)?.reason)
      .to.match(/listGuardiansOfStudent\("st-1"\) includes guardian gd-3, who has no link to that pupil/);
  });
});

describe('conformance rule: departed pupils are unknown', () => {
  it('fails any per-pupil method that still answers for a departed pupil', async () => {
    const module = variant((good) => ({
      listResults: async (id: string, options?: { schoolYear?: string }) => (id === 'st-3' ? [] : good.listResults!(id, options)),
    }));
    const { outcomes } = await runInProcess({ module, config: {}, fixtures: { departedStudentIds: ['st-3'] } });
    expectFailures(outcomes, { [T.departed]: /^listResults\("st-3"\) for a departed pupil resolved with \[\]; expected a rejection whose code is SIS_NOT_FOUND$/ });
  });
});

import { expect } from 'chai';
import { expectFailures, runInProcess, T } from './run-in-process.ts';
import { variant } from './variants.ts';

describe('conformance rule: paging terminates', () => {
  it('fails paging that never ends, within the page limit', async () => {
    const module = variant(() => ({
      listStudents: async (cursor?: string) => {
        const n = cursor === undefined ? 0 : Number(cursor);
        return { items: [], next: String(n + 1) };
      },
    }));
    const { outcomes } = await runInProcess({ module, config: {}, fixtures: { studentIds: ['st-1'] }, limits: { maxPages: 25 } });
    expectFailures(outcomes, { [T.paging('listStudents')]: /still a `next` after 25 pages \(last cursor "25"\); paging must end/ });
  });

  it('fails a cursor that comes back', async () => {
    const module = variant((good) => ({
      listGuardians: async (cursor?: string) => {
        const page = await good.listGuardians!(cursor === 'b' ? undefined : cursor);
        if (cursor === undefined) return { items: page.items, next: 'a' };
        if (cursor === 'a') return { items: [], next: 'b' };
        return { items: [], next: 'a' };
      },
    }));
    const { outcomes } = await runInProcess({ module, config: {} });
    expectFailures(outcomes, { [T.paging('listGuardians')]: /cursor "a" came back on page 3: paging loops/ });
  });

  it('fails an id that appears on two pages', async () => {
    const module = variant((good) => ({
      listStudents: async (cursor?: string) => {
        const page = await good.listStudents!(cursor);
        return cursor === undefined ? page : { ...page, items: [...page.items, (await good.listStudents!()).items[0]!] };
      },
    }));
    const { outcomes } = await runInProcess({ module, config: { pageSize: 1 } });
    expectFailures(outcomes, { [T.paging('listStudents')]: /id "st-1" appears on page 1 and again on page 2/ });
  });

  it('fails `next: null` on the last page (leave it out)', async () => {
    const module = variant((good) => ({
      listGuardians: async (cursor?: string) => {
        const page = await good.listGuardians!(cursor);
        return { items: page.items, next: page.next ?? null };
      },
    }));
    const { outcomes } = await runInProcess({ module, config: {} });
    expect(outcomes.get(T.paging('listGuardians'))?.reason).to.match(/listGuardians page 2 does not fit the contract:\n {2}- next: /);
  });
});

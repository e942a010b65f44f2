/** One getLeerlingen answer serves reads for cacheMs; concurrent reads share one call; failures are not kept. */
import { expect } from 'chai';
import nock from 'nock';
import {
  CURRENT_PUPIL_IDS, fixture, interceptGetLeerlingen, useOfflineNock, XML_HEADERS,
} from '../../fixtures/parnassys/soap.ts';
import { LeerlingenCache } from '../../../adapters/parnassys/leerlingen-cache.ts';
import type { LeerlingenReturn } from '../../../adapters/parnassys/leerlingen-schema.ts';
import { parseAnswer } from '../../../adapters/parnassys/soap-parse.ts';
import { manualClock } from '../../support/clock.ts';
import { buildAdapter, expectSisError } from './support.ts';

const answer = () => fixture('get-leerlingen-2026-2027.xml');

/** Counts the calls nock answers, whatever the scope. */
function countRequests(): { count: () => number; stop: () => void } {
  let n = 0;
  const onRequest = () => {
    n++;
  };
  nock.emitter.on('no match', onRequest);
  return { count: () => n, stop: () => nock.emitter.removeListener('no match', onRequest) };
}

describe('parnassys: caching the answer', () => {
  useOfflineNock();

  it('200 getStudent calls cost one SOAP call', async () => {
    const scope = interceptGetLeerlingen({ times: 1 }).reply(200, answer(), XML_HEADERS);
    const { adapter } = buildAdapter();
    for (let i = 0; i < 200; i++) {
      const id = CURRENT_PUPIL_IDS[i % CURRENT_PUPIL_IDS.length]!;
      expect((await adapter.getStudent!(id)).id).to.equal(id);
    }
    await adapter.listStudents!();
    expect(scope.isDone()).to.equal(true);
  });

  it('asks again once cacheMs has passed, not before', async () => {
    const first = interceptGetLeerlingen({ times: 1 }).reply(200, answer(), XML_HEADERS);
    const { adapter, clock } = buildAdapter({ cacheMs: 60_000 });
    await adapter.listStudents!();
    clock.advance(59_999);
    await adapter.getStudent!('1001');
    expect(first.isDone()).to.equal(true);

    const second = interceptGetLeerlingen({ times: 1 }).reply(200, answer(), XML_HEADERS);
    clock.advance(1);
    await adapter.getStudent!('1001');
    expect(second.isDone()).to.equal(true);
  });

  it('the default keeps an answer for 5 minutes', async () => {
    interceptGetLeerlingen({ times: 1 }).reply(200, answer(), XML_HEADERS);
    const { adapter, clock } = buildAdapter();
    await adapter.listStudents!();
    clock.advance(5 * 60_000 - 1);
    await adapter.listStudents!();
    const again = interceptGetLeerlingen({ times: 1 }).reply(200, answer(), XML_HEADERS);
    clock.advance(1);
    await adapter.listStudents!();
    expect(again.isDone()).to.equal(true);
  });

  it('with cacheMs 0 every read asks ParnasSys', async () => {
    const scope = interceptGetLeerlingen({ times: 3 }).reply(200, answer(), XML_HEADERS);
    const { adapter } = buildAdapter({ cacheMs: 0 });
    await adapter.getStudent!('1001');
    await adapter.getStudent!('1002');
    await adapter.listStudents!();
    expect(scope.isDone()).to.equal(true);
  });

  it('concurrent reads share one call in flight', async () => {
    const scope = interceptGetLeerlingen({ times: 1 }).delay(50).reply(200, answer(), XML_HEADERS);
    const unmatched = countRequests();
    try {
      const { adapter } = buildAdapter();
      const reads = await Promise.all([
        adapter.listStudents!(),
        ...CURRENT_PUPIL_IDS.map((id) => adapter.getStudent!(id)),
        adapter.healthCheck(),
      ]);
      expect(reads).to.have.length(CURRENT_PUPIL_IDS.length + 2);
      expect(scope.isDone()).to.equal(true);
      expect(unmatched.count(), 'no second request was made').to.equal(0);
    } finally {
      unmatched.stop();
    }
  });

  it('concurrent reads share a failure too, and the failure is not kept', async () => {
    interceptGetLeerlingen({ times: 1 }).delay(20).reply(503, 'busy');
    const { adapter } = buildAdapter();
    const outcomes = await Promise.allSettled([adapter.listStudents!(), adapter.getStudent!('1001')]);
    expect(outcomes.map((o) => o.status)).to.deep.equal(['rejected', 'rejected']);

    const retry = interceptGetLeerlingen({ times: 1 }).reply(200, answer(), XML_HEADERS);
    expect((await adapter.getStudent!('1001')).id).to.equal('1001');
    expect(retry.isDone()).to.equal(true);
  });

  it('a kept answer is joined again when the day changes: a pupil whose last day has passed drops out', async () => {
    interceptGetLeerlingen({ times: 1 }).reply(200, answer(), XML_HEADERS);
    const { adapter, clock } = buildAdapter({ cacheMs: 24 * 60 * 60_000 }, { now: '2026-09-30T21:30:00Z' });
    // 23:30 on 30 September in Amsterdam: the last day of pupil 1005.
    expect((await adapter.getStudent!('1005')).id).to.equal('1005');
    clock.advance(60 * 60_000);
    await expectSisError(adapter.getStudent!('1005'), 'SIS_NOT_FOUND');
  });

  it('close() drops the kept answer and refuses further reads', async () => {
    interceptGetLeerlingen({ times: 1 }).reply(200, answer(), XML_HEADERS);
    const { adapter } = buildAdapter();
    await adapter.listStudents!();
    await adapter.close!();
    await expectSisError(adapter.getStudent!('1001'), 'SIS_UNAVAILABLE');
    expect((await adapter.healthCheck()).ok).to.equal(false);
  });

  it('readers arriving while the roster is joined (in slices) share that one join', async () => {
    const parsed = parseAnswer({ bytes: Buffer.from(answer()), operation: 'getLeerlingen' });
    if (parsed.kind !== 'return') throw new Error('fixture did not parse');
    let fetches = 0;
    const cache = new LeerlingenCache({
      ttlMs: 60_000,
      clock: manualClock('2026-10-05T08:00:00Z'),
      fetch: async () => {
        fetches++;
        return parsed.value as LeerlingenReturn;
      },
    });
    const options = { day: '2026-10-05', schoolYear: '2026 / 2027', studentId: 'id' as const };
    const [a, b, c] = await Promise.all([cache.roster(options), cache.roster(options), cache.roster(options)]);
    expect(a).to.equal(b);
    expect(b).to.equal(c);
    expect(a.students.map((s) => s.id)).to.deep.equal([...CURRENT_PUPIL_IDS]);
    expect(fetches).to.equal(1);
    // Another day is joined afresh from the kept answer.
    expect(await cache.roster({ ...options, day: '2026-10-06' })).to.not.equal(a);
    expect(fetches).to.equal(1);
  });
});

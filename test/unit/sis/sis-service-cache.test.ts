import { expect } from 'chai';
import { SisError } from '../../../adapters/contract/index.ts';
import { isSisServiceError, SisDataUnavailableError } from '../../../gateway/sis/errors.ts';
import { DAY, HOUR, MINUTE, settle, setup } from './setup.ts';

describe('SisService cache-first reads', () => {
  it('makes exactly one adapter call for 50 concurrent reads of one cold key', async () => {
    const { service, sis } = setup();
    sis.hold();
    const reads = Array.from({ length: 50 }, () => service.getStudent('s1'));
    await settle();
    sis.release();
    const served = await Promise.all(reads);

    expect(sis.count('getStudent')).to.equal(1);
    for (const s of served) {
      expect(s.value.name.given).to.equal('Sanne');
      expect(s).to.include({ stale: false, sisDown: false, ageMs: 0 });
    }
  });

  it('serves a fresh value from the cache without calling the adapter, with its age', async () => {
    const { service, sis, clock } = setup();
    const first = await service.getStudent('s1');
    clock.advance(59 * MINUTE);
    const second = await service.getStudent('s1');

    expect(sis.count('getStudent')).to.equal(1);
    expect(second).to.deep.include({ stale: false, sisDown: false, ageMs: 59 * MINUTE, value: first.value });
    expect(second.fetchedAt.toISOString()).to.equal('2026-11-10T08:00:00.000Z');
  });

  it('past the TTL serves the stale value, marked not up to date when the refresh does not answer in time, and refreshes exactly once', async () => {
    const { service, sis, clock, cache } = setup();
    await service.getStudent('s1');
    sis.students.set('s1', { ...sis.students.get('s1')!, jaargroep: 6 });
    clock.advance(HOUR + 1);

    sis.hold(); // the refresh cannot finish, so a read that waited for it would never resolve
    const staleReads = await Promise.all(Array.from({ length: 10 }, () => service.getStudent('s1')));
    // The page that serves it knows from its own read that it is not up to date (issue 14, item 5).
    for (const s of staleReads) expect(s).to.deep.include({ stale: true, sisDown: true, ageMs: HOUR + 1 });
    expect(staleReads[0]!.value.jaargroep).to.equal(5);
    expect(sis.count('getStudent')).to.equal(2);

    const written = cache.nextWrite();
    sis.release();
    expect((await written).storedAt).to.equal(clock.now().toISOString());

    const after = await service.getStudent('s1');
    expect(after).to.deep.include({ stale: false, ageMs: 0 });
    expect(after.value.jaargroep).to.equal(6);
    expect(sis.count('getStudent')).to.equal(2);
  });

  it('warm() joins a background refresh already running: never two calls in flight per key', async () => {
    const { service, sis, clock } = setup();
    await service.listResults('s1');
    clock.advance(7 * HOUR);
    sis.hold();
    await service.listResults('s1'); // stale; starts the refresh
    const warmed = service.warm('s1', ['results']);
    await settle();
    sis.release();
    await warmed;
    expect(sis.count('listResults')).to.equal(2);
  });

  describe('when the SIS is down', () => {
    it('serves stale data with its real age and sisDown once a refresh has failed', async () => {
      const { service, sis, clock, logger } = setup();
      await service.getStudent('s1');
      clock.advance(2 * HOUR);
      sis.failWith(new SisError('SIS_UNAVAILABLE'));

      const failed = logger.next('refresh-failed');
      const first = await service.getStudent('s1');
      expect(first).to.include({ stale: true, ageMs: 2 * HOUR });
      expect((await failed).fields).to.deep.equal({ kind: 'student', outcome: 'refresh-failed', code: 'SIS_UNAVAILABLE' });

      clock.advance(30_000);
      const during = await service.getStudent('s1');
      expect(during).to.include({ stale: true, sisDown: true, ageMs: 2 * HOUR + 30_000 });
      expect(during.fetchedAt.toISOString()).to.equal('2026-11-10T08:00:00.000Z');
      expect(during.value.name.given).to.equal('Sanne');
    });

    it('does not retry a failed key on every read, and clears sisDown when the SIS is back', async () => {
      const { service, sis, clock, logger } = setup({ refreshRetryMs: MINUTE });
      await service.getStudent('s1');
      clock.advance(2 * HOUR);
      sis.failWith(new SisError('SIS_UNAVAILABLE'));
      const failed = logger.next('refresh-failed');
      await service.getStudent('s1');
      await failed;

      clock.advance(MINUTE - 1);
      await service.getStudent('s1');
      expect(sis.count('getStudent')).to.equal(2);

      sis.recover();
      clock.advance(1);
      const refreshed = logger.next('refreshed');
      // The refresh answers within the read's short wait: this very read is fresh.
      expect(await service.getStudent('s1')).to.include({ stale: false, sisDown: false });
      await refreshed;
      expect(sis.count('getStudent')).to.equal(3);
      expect(await service.getStudent('s1')).to.include({ stale: false, sisDown: false, ageMs: 0 });
    });

    it('waits as long as the SIS asked (Retry-After) before the next background refresh', async () => {
      const { service, sis, clock, logger } = setup({ refreshRetryMs: MINUTE });
      await service.getStudent('s1');
      clock.advance(2 * HOUR);
      sis.failWith(new SisError('SIS_UNAVAILABLE', { retryAfter: 600 }));
      const failed = logger.next('refresh-failed');
      await service.getStudent('s1');
      await failed;

      clock.advance(10 * MINUTE - 1);
      await service.getStudent('s1');
      expect(sis.count('getStudent')).to.equal(2);
      clock.advance(1);
      await service.getStudent('s1');
      expect(sis.count('getStudent')).to.equal(3);
    });

    it('throws SIS_NO_DATA (503) with the cause when nothing is cached', async () => {
      const { service, sis } = setup();
      const cause = new SisError('SIS_UNAVAILABLE', { retryAfter: 120 });
      sis.failWith(cause);
      const err = await service.getStudent('s1').then(() => undefined, (e: unknown) => e);

      expect(err).to.be.instanceOf(SisDataUnavailableError);
      expect(isSisServiceError(err, 'SIS_NO_DATA')).to.equal(true);
      expect(err).to.include({ statusCode: 503, retryAfter: 120, kind: 'student' });
      expect((err as Error).cause).to.equal(cause);
    });

    it('turns any adapter failure, not only SIS_UNAVAILABLE, into SIS_NO_DATA', async () => {
      const { service, sis } = setup();
      sis.failWith(new TypeError('socket hang up'));
      const err = await service.listAbsences('s1', { from: '2026-08-01', to: '2027-07-31' }).catch((e: unknown) => e);
      expect(isSisServiceError(err, 'SIS_NO_DATA')).to.equal(true);
    });

    it('never serves a value older than staleMaxAgeMs', async () => {
      const { service, sis, clock } = setup();
      await service.getStudent('s1');
      clock.advance(7 * DAY + 1);
      sis.failWith(new SisError('SIS_UNAVAILABLE'));
      const err = await service.getStudent('s1').catch((e: unknown) => e);
      expect(isSisServiceError(err, 'SIS_NO_DATA')).to.equal(true);
    });
  });

  describe('SIS_NOT_FOUND', () => {
    it('propagates unchanged and is not cached', async () => {
      const { service, sis, cache } = setup();
      for (let i = 0; i < 2; i += 1) {
        const err = await service.getStudent('nobody').catch((e: unknown) => e);
        expect(err).to.include({ code: 'SIS_NOT_FOUND' });
      }
      expect(sis.count('getStudent')).to.equal(2);
      expect(await cache.count()).to.equal(0);
    });

    it('drops the cached record when a refresh finds the pupil gone', async () => {
      const { service, sis, clock, cache, logger } = setup();
      await service.getStudent('s1');
      sis.students.delete('s1');
      clock.advance(HOUR + 1);
      const failed = logger.next('refresh-failed');
      await service.getStudent('s1');
      await failed;
      expect(await cache.get('student:s1')).to.equal(undefined);
      expect(await service.getStudent('s1').catch((e: unknown) => e)).to.include({ code: 'SIS_NOT_FOUND' });
    });
  });

  it('background refresh failures never become unhandled rejections', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => { unhandled.push(reason); };
    // Mocha's own listener would turn the rejection into a failure elsewhere; we want it here.
    const previous = process.listeners('unhandledRejection');
    process.removeAllListeners('unhandledRejection');
    process.on('unhandledRejection', onUnhandled);
    try {
      const { service, sis, clock, logger } = setup({ refreshRetryMs: 0 });
      await service.getStudent('s1');
      await service.listResults('s1');
      clock.advance(7 * HOUR);
      for (const err of [new SisError('SIS_UNAVAILABLE'), new Error('boom'), 'a string']) {
        sis.failWith(err);
        await Promise.all([service.getStudent('s1'), service.listResults('s1')]);
        await settle();
        await settle();
      }
      expect(sis.count('getStudent')).to.equal(4);
      expect(unhandled).to.deep.equal([]);
      expect(logger.outcomes().filter((o) => o === 'refresh-failed')).to.have.length(6);
    } finally {
      process.removeListener('unhandledRejection', onUnhandled);
      for (const l of previous) process.on('unhandledRejection', l);
    }
  });

  it('still serves from the SIS when the cache store fails', async () => {
    const { service, store, sis, logger } = setup();
    await store.close(); // every cache call now rejects with CLOSED
    const served = await service.getStudent('s1');
    expect(served.value.id).to.equal('s1');
    expect(sis.count('getStudent')).to.equal(1);
    expect(logger.outcomes().filter((o) => o === 'store-failed')).to.have.length(2);
  });
});

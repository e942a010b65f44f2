import { expect } from 'chai';
import type { SisAdapter } from '../../../adapters/contract/index.ts';
import { isSisServiceError, SisCapabilityMissingError } from '../../../gateway/sis/errors.ts';
import { createSisService } from '../../../gateway/sis/sis-service.ts';
import { guardian } from './fakes.ts';
import { DAY, HOUR, settle, setup, TTL } from './setup.ts';

const YEAR = { from: '2026-08-01', to: '2027-07-31' };

describe('SisService forget, warm, provisioning and health', () => {
  describe('forget()', () => {
    it('purges every cached record of the pupil and nothing else', async () => {
      const { service, cache, sis } = setup();
      await service.getStudent('s1');
      await service.listAbsences('s1', YEAR);
      await service.listResults('s1');
      await service.listGuardiansOfStudent('s1');
      await service.getStudent('s2');

      expect(await service.forget('s1')).to.equal(4);
      expect(await cache.keys()).to.deep.equal(['student:s2']);
      await service.getStudent('s1');
      expect(sis.count('getStudent')).to.equal(3);
    });

    it('does not let an SIS call that was running store the pupil again', async () => {
      const { service, cache, sis } = setup();
      sis.hold();
      const read = service.getStudent('s1');
      await settle();
      await service.forget('s1');
      sis.release();
      expect((await read).value.id).to.equal('s1');
      expect(await cache.count()).to.equal(0);
    });
  });

  describe('warm()', () => {
    it('fetches fresh values regardless of TTL and stores them', async () => {
      const { service, cache, sis, clock } = setup();
      await service.getStudent('s1');
      clock.advance(HOUR / 2);
      await service.warm('s1', ['student', 'absences', 'results', 'guardiansOfStudent']);

      expect(sis.count('getStudent')).to.equal(2);
      expect((await cache.get('student:s1'))!.storedAt).to.equal(clock.now().toISOString());
      // Absences are warmed for the school year containing the clock's date, the range pages ask for.
      expect(await cache.keys()).to.deep.equal([
        'absences:s1:2026-08-01:2027-07-31', 'guardiansOfStudent:s1', 'results:s1', 'student:s1',
      ]);
      for (const key of await cache.keys()) expect((await cache.get(key))!.studentId).to.equal('s1');
      await service.listAbsences('s1', YEAR);
      expect(sis.count('listAbsences')).to.equal(1);
    });

    it('warms each guardian of the pupil for the guardian kind', async () => {
      const { service, cache, sis } = setup();
      sis.guardians.set('g2', guardian('g2', 's1'));
      await service.warm('s1', ['guardian']);
      expect(await cache.get('guardian:g1')).to.include({ key: 'guardian:g1' });
      expect(await cache.get('guardian:g2')).to.include({ key: 'guardian:g2' });
      await service.getGuardian('g2');
      expect(sis.count('getGuardian')).to.equal(2);
    });

    it('stores what it can and rejects with the failure of the rest', async () => {
      const { service, cache } = setup({ capabilities: ['students', 'guardians'] });
      const err = await service.warm('s1', ['student', 'absences']).catch((e: unknown) => e);
      expect(err).to.be.instanceOf(SisCapabilityMissingError);
      expect(await cache.get('student:s1')).to.include({ key: 'student:s1' });
    });
  });

  describe('missing capabilities', () => {
    it('throw SIS_CAPABILITY_MISSING naming the capability, without calling the adapter', async () => {
      const { service, sis } = setup({ capabilities: ['students'] });
      const absences = await service.listAbsences('s1', YEAR).catch((e: unknown) => e);
      expect(isSisServiceError(absences, 'SIS_CAPABILITY_MISSING')).to.equal(true);
      expect(absences).to.include({ capability: 'absences', statusCode: 501 });
      const results = await service.listResults('s1').catch((e: unknown) => e);
      expect(results).to.include({ code: 'SIS_CAPABILITY_MISSING', capability: 'results.method' });
      expect(sis.count('listResults')).to.equal(0);
      const provisioning = await service.allGuardians()[Symbol.asyncIterator]().next().catch((e: unknown) => e);
      expect(provisioning).to.include({ code: 'SIS_CAPABILITY_MISSING', capability: 'guardians' });
    });

    it('accept either results capability', async () => {
      const { service, sis } = setup({ capabilities: ['students', 'results.lvs'] });
      expect((await service.listResults('s1')).value).to.have.length(1);
      expect(sis.count('listResults')).to.equal(1);
    });
  });

  it('allGuardians() pages through the SIS and caches nothing', async () => {
    const pages = [[guardian('g1', 's1'), guardian('g2', 's2')], [guardian('g3', 's3')], [guardian('g4', 's4')]];
    const { service, sis, cache } = setup({ guardianPages: pages });
    const ids: string[] = [];
    for await (const g of service.allGuardians()) ids.push(g.id);
    expect(ids).to.deep.equal(['g1', 'g2', 'g3', 'g4']);
    expect(sis.count('listGuardians')).to.equal(3);
    expect(await cache.count()).to.equal(0);
  });

  describe('health()', () => {
    it('reports the single adapter with its capabilities', async () => {
      const { service } = setup({ capabilities: ['students', 'absences'] });
      expect(await service.health()).to.deep.equal([
        { adapter: 'fake', capabilities: ['students', 'absences'], ok: true, latencyMs: 3 },
      ]);
    });

    it('reports each member of a stack, even one whose health check throws', async () => {
      const { cache, clock, logger } = setup();
      const member = (name: string, ok: boolean) => ({
        name,
        capabilities: new Set(['students'] as const),
        healthCheck: async () => {
          if (!ok) throw new Error('oops');
          return { ok, latencyMs: 12 };
        },
      });
      const stack: SisAdapter & { adapters: unknown[] } = {
        name: 'stack', version: '1', capabilities: new Set(['students']),
        healthCheck: async () => ({ ok: false, latencyMs: 0 }),
        adapters: [member('parnassys', true), member('csv', false)],
      };
      const service = createSisService({ adapter: stack, cache, clock, logger, ttl: TTL, staleMaxAgeMs: DAY });
      expect(await service.health()).to.deep.equal([
        { adapter: 'parnassys', capabilities: ['students'], ok: true, latencyMs: 12 },
        { adapter: 'csv', capabilities: ['students'], ok: false, latencyMs: 0, detail: 'health check threw' },
      ]);
    });
  });

  it('keeps personal data out of cache keys and log lines', async () => {
    const { service, cache, logger, clock, sis } = setup();
    await service.getStudent('s1');
    await service.listAbsences('s1', YEAR);
    await service.getGuardian('g1');
    clock.advance(2 * HOUR);
    sis.failWith(new Error('Sanne de Vries, Dorpsstraat 12'));
    const failed = logger.next('refresh-failed');
    await service.getStudent('s1');
    await failed;

    const keys = await cache.keys();
    expect(keys).to.have.length(3);
    for (const key of keys) {
      expect(key).to.match(/^(student|guardian|guardiansOfStudent|absences|results):[\w%.-]+(:[\d-]+:[\d-]+)?$/);
    }
    const logged = JSON.stringify(logger.lines);
    for (const secret of ['Sanne', 'Vries', 'Dorpsstraat', '1234 AB', '0612345678', 's1', 'g1']) {
      expect(logged).not.to.contain(secret);
    }
    expect(logger.outcomes()).to.include.members(['miss', 'stale', 'refresh-failed']);
  });

  it('keeps ids with separators from colliding in keys', async () => {
    const { service, cache, sis } = setup();
    sis.students.set('a:b', { ...sis.students.get('s1')!, id: 'a:b' });
    await service.getStudent('a:b');
    expect(await cache.get('student:a%3Ab')).to.include({ key: 'student:a%3Ab' });
  });
});

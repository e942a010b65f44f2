import { expect } from 'chai';
import { schoolYearOf } from '../../../gateway/sis/school-year.ts';
import { createSisService } from '../../../gateway/sis/sis-service.ts';
import { createMemoryStore } from '../../../gateway/store/memory-store.ts';
import { manualClock } from '../../support/clock.ts';
import { fakeAdapter, logSink, student } from './fakes.ts';
import { DAY, HOUR, settle, TTL } from './setup.ts';

/** A SisService over the memory store's own cache, which can share its entries (CacheRepo.peek). */
function sharedSetup() {
  const clock = manualClock('2026-11-10T08:00:00Z');
  const store = createMemoryStore();
  const sis = fakeAdapter();
  sis.students.set('s1', student('s1'));
  const service = createSisService({
    adapter: sis.adapter, cache: store.cache, clock, logger: logSink(), ttl: TTL, staleMaxAgeMs: 7 * DAY,
  });
  return { clock, store, sis, service };
}

describe('SisService reads without copying', () => {
  it('serves the cached record itself, frozen, to every reader, without copying it per read', async () => {
    const { service } = sharedSetup();
    await service.getStudent('s1');
    const first = await service.getStudent('s1');
    const second = await service.getStudent('s1');
    expect(second.value).to.equal(first.value);
    expect(Object.isFrozen(first.value) && Object.isFrozen(first.value.address)).to.equal(true);
    expect(() => { first.value.contacts.push({ kind: 'phone', value: '0', secret: false, emergency: false }); }).to.throw(TypeError);
    expect((await service.getStudent('s1')).value.contacts).to.have.length(1);
  });

  it('serves a new object once the record is refreshed, and leaves what was served before as it was', async () => {
    const { service, sis, clock, store } = sharedSetup();
    await service.getStudent('s1');
    const before = (await service.getStudent('s1')).value;
    sis.students.set('s1', { ...student('s1'), jaargroep: 6 });
    clock.advance(HOUR + 1);
    await service.getStudent('s1'); // stale: served, and refreshed in the background
    await settle();
    expect((await store.cache.get('student:s1'))?.value).to.deep.include({ jaargroep: 6 });
    const after = (await service.getStudent('s1')).value;
    expect(after).to.not.equal(before);
    expect(after.jaargroep).to.equal(6);
    expect(before.jaargroep).to.equal(5);
  });
});

describe('schoolYearOf, asked again within the hour', () => {
  it('gives the right year in any order of asking, at the local midnight of 1 August', () => {
    const asked = [
      '2026-07-31T22:00:00Z', '2026-07-31T21:59:59Z', '2026-07-31T21:00:00Z', '2026-07-31T22:59:59Z',
      '2026-07-31T21:30:00Z', '2027-01-01T00:30:00Z', '2027-01-01T00:10:00Z', '2026-07-31T22:00:00Z',
    ];
    const expected = ['2026-2027', '2025-2026', '2025-2026', '2026-2027', '2025-2026', '2026-2027', '2026-2027', '2026-2027'];
    expect(asked.map((iso) => schoolYearOf(new Date(iso)).name)).to.deep.equal(expected);
  });

  it('hands each caller its own object', () => {
    const first = schoolYearOf(new Date('2027-03-01T10:00:00Z'));
    first.name = 'changed';
    expect(schoolYearOf(new Date('2027-03-01T10:05:00Z'))).to.deep.equal({ name: '2026-2027', from: '2026-08-01', to: '2027-07-31' });
  });
});

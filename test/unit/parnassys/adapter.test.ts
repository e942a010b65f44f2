/** The module and the adapter it builds: capabilities, methods, paging, health, construction without I/O. */
import axios from 'axios';
import { expect } from 'chai';
import type { Student } from '../../../adapters/contract/index.ts';
import parnassys, { PARNASSYS_CAPABILITIES, parnassysConfigSchema } from '../../../adapters/parnassys/index.ts';
import {
  CURRENT_PUPIL_IDS, fixture, interceptGetLeerlingen, testConfig, useOfflineNock, XML_HEADERS,
} from '../../fixtures/parnassys/soap.ts';
import { buildAdapter, expectSisError, recordingLogger } from './support.ts';

describe('parnassys: module and adapter', () => {
  useOfflineNock();

  it("offers exactly 'students': what the public web service gives", () => {
    expect(parnassys.name).to.equal('parnassys');
    expect(parnassys.capabilities).to.deep.equal(['students']);
    expect(PARNASSYS_CAPABILITIES).to.deep.equal(['students']);
    const { adapter } = buildAdapter();
    expect([...adapter.capabilities]).to.deep.equal(['students']);
    expect(typeof adapter.listStudents).to.equal('function');
    expect(typeof adapter.getStudent).to.equal('function');
    for (const method of ['listGuardians', 'getGuardian', 'listGuardiansOfStudent', 'listAbsences', 'listResults', 'submitChange'] as const) {
      expect(adapter[method], method).to.equal(undefined);
    }
  });

  it('construction touches neither the network, the clock nor the logger', () => {
    let used = 0;
    const count = () => {
      used++;
    };
    const http = axios.create({ adapter: async () => { used++; throw new Error('no I/O at construction'); } });
    const logger = { debug: count, info: count, warn: count, error: count };
    const clock = { now: () => { used++; return new Date(); } };
    parnassys.create(parnassysConfigSchema.parse(testConfig()), { http, logger, clock });
    expect(used).to.equal(0);
  });

  it('pages through the pupils with an opaque cursor', async () => {
    const scope = interceptGetLeerlingen({ times: 1 }).reply(200, fixture('get-leerlingen-2026-2027.xml'), XML_HEADERS);
    const { adapter } = buildAdapter({ pageSize: 4 });
    const first = await adapter.listStudents!();
    expect(first.items.map((s) => s.id)).to.deep.equal(CURRENT_PUPIL_IDS.slice(0, 4));
    expect(first.next).to.be.a('string');
    const second = await adapter.listStudents!(first.next);
    expect(second.items.map((s: Student) => s.id)).to.deep.equal(CURRENT_PUPIL_IDS.slice(4));
    expect(second).not.to.have.property('next');
    expect(scope.isDone()).to.equal(true);
    await expectSisError(adapter.listStudents!('not-a-cursor'), 'SIS_NOT_FOUND');
  });

  it('healthCheck reports the school year and the size of the answer', async () => {
    interceptGetLeerlingen({ times: 1 }).reply(200, fixture('get-leerlingen-2026-2027.xml'), XML_HEADERS);
    const { adapter, clock } = buildAdapter();
    const fresh = await adapter.healthCheck();
    expect(fresh.ok).to.equal(true);
    expect(fresh.latencyMs).to.be.a('number').and.at.least(0);
    expect(fresh.detail).to.equal('ParnasSys BRIN 12AB, schooljaar 2026 / 2027: 7 pupils in the answer');
    clock.advance(42_000);
    expect((await adapter.healthCheck()).detail).to.match(/kept answer, 42 s old/);
  });

  it('healthCheck resolves ok: false with the code when ParnasSys refuses', async () => {
    interceptGetLeerlingen().reply(401, 'no');
    const { adapter } = buildAdapter();
    const status = await adapter.healthCheck();
    expect(status.ok).to.equal(false);
    expect(status.detail).to.match(/^SIS_AUTH_FAILED: /);
  });

  it('logs how many pupils were joined, departed and left out — counts only', async () => {
    interceptGetLeerlingen().reply(200, fixture('get-leerlingen-2026-2027.xml'), XML_HEADERS);
    const { logger, lines } = recordingLogger();
    const adapter = parnassys.create(parnassysConfigSchema.parse(testConfig()), {
      http: axios.create(), logger, clock: { now: () => new Date('2026-10-05T08:00:00Z') },
    });
    await adapter.listStudents!();
    await adapter.getStudent!('1001');
    const joined = lines.filter((l) => l.msg === 'ParnasSys pupils joined');
    expect(joined).to.have.length(1);
    expect(joined[0]!.obj).to.deep.equal({ pupils: 6, departed: 1, skipped: {}, day: '2026-10-05' });
    expect(JSON.stringify(lines)).not.to.match(/Daan|Dijk|Lindelaan|030-/);
  });
});

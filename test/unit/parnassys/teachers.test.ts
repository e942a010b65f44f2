/**
 * Teachers from getMedewerkers, where the config says who teaches which group (groupTeachers).
 * Without that config the adapter never asks for staff: the public service links staff to no group.
 */
import { expect } from 'chai';
import nock from 'nock';
import { parnassysConfigSchema } from '../../../adapters/parnassys/index.ts';
import {
  fixture, interceptGetLeerlingen, interceptGetMedewerkers, testConfig, useOfflineNock, XML_HEADERS,
} from '../../fixtures/parnassys/soap.ts';
import { buildAdapter, expectSisError } from './support.ts';

const LEERLINGEN = () => fixture('get-leerlingen-2026-2027.xml');
const MEDEWERKERS = () => fixture('get-medewerkers-2026-2027.xml');
// Group codes in the fixture: 56 "Groep 5/6", KZ "Kleutergroep De Zon", 8 "Groep 8", 6 "Groep 6".
const GROUP_TEACHERS = { 56: ['m-502', 'm-501'], KZ: ['m-503'], 8: ['m-999'] };

describe('parnassys: teachers from getMedewerkers', () => {
  useOfflineNock();

  it('without groupTeachers it asks only getLeerlingen, and pupils have no teachers', async () => {
    const scope = interceptGetLeerlingen({ times: 1 }).reply(200, LEERLINGEN(), XML_HEADERS);
    const { adapter } = buildAdapter();
    expect((await adapter.getStudent!('1001')).teachers).to.deep.equal([]);
    expect(scope.isDone()).to.equal(true);
    // Any getMedewerkers call would have found no interceptor and failed the read above.
    expect(nock.pendingMocks()).to.deep.equal([]);
  });

  it('names the teachers of a pupil\'s group in the order the config lists them, one call of each operation', async () => {
    const pupils = interceptGetLeerlingen({ times: 1 }).reply(200, LEERLINGEN(), XML_HEADERS);
    const staff = interceptGetMedewerkers({ times: 1 }).reply(200, MEDEWERKERS(), XML_HEADERS);
    const { adapter } = buildAdapter({ groupTeachers: GROUP_TEACHERS });
    const daan = await adapter.getStudent!('1001');
    expect(daan.group!.name).to.equal('Groep 5/6');
    expect(daan.teachers).to.deep.equal([
      { id: 'm-502', name: { given: 'Joost', prefix: 'van den', family: 'Berg' } },
      { id: 'm-501', name: { given: 'Anouk', family: 'Smit' } },
    ]);
    // firstName/lastName, the other spelling public code reads.
    expect((await adapter.getStudent!('1003')).teachers).to.deep.equal([{ id: 'm-503', name: { given: 'Lisa', family: 'Mulder' } }]);
    // Groep 6 is not in the config: no teachers, not a guess.
    expect((await adapter.getStudent!('1006')).teachers).to.deep.equal([]);
    const listed = (await adapter.listStudents!()).items;
    expect(listed.find((s) => s.id === '1001')?.teachers.map((t) => t.id)).to.deep.equal(['m-502', 'm-501']);
    expect(pupils.isDone()).to.equal(true);
    expect(staff.isDone()).to.equal(true);
  });

  it('leaves out a medewerker id the staff list lacks, and logs how many, not who', async () => {
    interceptGetLeerlingen({ times: 1 }).reply(200, LEERLINGEN(), XML_HEADERS);
    interceptGetMedewerkers({ times: 1 }).reply(200, MEDEWERKERS(), XML_HEADERS);
    const { adapter, lines } = buildAdapter({ groupTeachers: GROUP_TEACHERS });
    expect((await adapter.getStudent!('1007')).teachers).to.deep.equal([]);
    const line = lines.find((l) => l.msg === 'ParnasSys teachers joined');
    expect(line).to.deep.include({ level: 'warn', obj: { staff: 3, unknownStaff: 1 } });
    expect(JSON.stringify(lines)).not.to.match(/Smit|Berg|Mulder|delinde/);
  });

  it('a failed staff call fails the read with its code, like a failed pupil call', async () => {
    interceptGetLeerlingen({ times: 1 }).reply(200, LEERLINGEN(), XML_HEADERS);
    interceptGetMedewerkers({ times: 1 }).reply(500, fixture('fault-not-authorised.xml'), XML_HEADERS);
    const { adapter } = buildAdapter({ groupTeachers: GROUP_TEACHERS });
    await expectSisError(adapter.getStudent!('1001'), 'SIS_AUTH_FAILED');
  });

  it('keeps the staff answer for cacheMs like the pupils answer, and asks again after it', async () => {
    interceptGetLeerlingen({ times: 2 }).reply(200, LEERLINGEN(), XML_HEADERS);
    const staff = interceptGetMedewerkers({ times: 2 }).reply(200, MEDEWERKERS(), XML_HEADERS);
    const { adapter, clock } = buildAdapter({ groupTeachers: GROUP_TEACHERS, cacheMs: 60_000 });
    await adapter.getStudent!('1001');
    await adapter.getStudent!('1002');
    expect(staff.isDone()).to.equal(false);
    clock.advance(60_000);
    expect((await adapter.getStudent!('1001')).teachers).to.have.length(2);
    expect(staff.isDone()).to.equal(true);
  });

  it('config: group codes map to non-empty lists of medewerker ids', () => {
    const issues = (groupTeachers: unknown) => {
      const parsed = parnassysConfigSchema.safeParse(testConfig({ groupTeachers } as never));
      return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(issues({ 56: ['m-1'] })).to.deep.equal([]);
    expect(issues({ 56: [] })).to.deep.equal(['groupTeachers.56: name at least one medewerker id, or leave the group out']);
    expect(issues({ 56: [' '] })).to.deep.equal(['groupTeachers.56.0: a ParnasSys medewerker id']);
  });
});

/** The Edustandaard example dossiers (OSO gegevensset 2019.1), mapped field by field. */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import type { Guardian } from '../../../adapters/contract/index.ts';
import { EXAMPLE_NOW, FIXTURES, TempFolder, expectSisError, osoAdapter } from './support.ts';

const POPO_FULL = 'examples/Voorbeelddossier_OV_POPO_full.xml';
const POPO_OPT_OUT = 'examples/Voorbeelddossier_OV_POPO_opt_out.xml';
const POVO_FULL = 'examples/Voorbeelddossier_OV_POVO_full.xml';
const PUPIL = 'LN094837';

function overFile(fixture: string, config: { includeIntelligenceTests?: boolean } = {}, now = EXAMPLE_NOW) {
  const folder = new TempFolder(fixture);
  const built = osoAdapter({ dir: folder.dir, ...config }, now);
  return { ...built, folder };
}

const byName = (guardians: Guardian[]) => new Map(guardians.map((g) => [g.name.given, g]));

describe('OSO adapter: the Edustandaard example dossiers', () => {
  const folders: TempFolder[] = [];
  const open = (fixture: string, config?: { includeIntelligenceTests?: boolean }, now?: string) => {
    const built = overFile(fixture, config, now);
    folders.push(built.folder);
    return built.adapter;
  };
  after(() => folders.forEach((f) => f.remove()));

  describe('POPO full', () => {
    it('maps the leerling: names, birth date, gender, group of the current school year, address, enrolment', async () => {
      const student = await open(POPO_FULL).getStudent!(PUPIL);
      expect(student).to.deep.include({
        id: PUPIL,
        name: { given: 'Daan', prefix: 'van de', family: 'Berg', firstNames: 'Björn Johannes Martinus Franciscus' },
        birthDate: '2003-03-17',
        gender: 'M',
        group: { id: '00YY00:2015-2016:8', name: 'groep 8', jaargroepen: [8] },
        jaargroep: 8,
        teachers: [],
        enrolment: { from: '2005-01-04', to: '2016-07-31' },
      });
      // The bezoekadres, not the postal or GBA one; 6030 is the Netherlands whatever the description says.
      expect(student.address).to.deep.equal({ street: 'Hoofdstraat', houseNumber: '136a', postcode: '7311 BA', city: 'Apeldoorn', country: 'NL', secret: false });
    });

    it('maps the communicatielijst with geheim and noodnummer; the placeholders come out secret', async () => {
      const { contacts } = await open(POPO_FULL).getStudent!(PUPIL);
      expect(contacts).to.deep.equal([
        { kind: 'phone', value: '9999999999', label: 'overig', secret: true, emergency: false },
        { kind: 'phone', value: '0235257739', label: 'prive', secret: false, emergency: true },
        { kind: 'phone', value: '0666362828', label: 'werk', secret: false, emergency: false },
        { kind: 'email', value: 'geheim@geheim.geheim', label: 'prive', secret: true, emergency: false },
        { kind: 'email', value: 'leerling@leerling.nl', label: 'prive', secret: false, emergency: false },
      ]);
    });

    it('maps the verzorgers: relation from relatietotkind, gezag from wettigevertegenwoordiger, the deceased left out', async () => {
      const guardians = await open(POPO_FULL).listGuardiansOfStudent!(PUPIL);
      const named = byName(guardians);
      expect([...named.keys()].sort()).to.deep.equal(['Pieter', 'Tanja', 'Wilma']); // Paul and Fokke are overleden
      expect(named.get('Pieter')!.children).to.deep.equal([{ studentId: PUPIL, relation: 'father', gezag: true, livesWith: false }]);
      // relatietotkind 6 and 7: codes whose labels are not public.
      expect(named.get('Tanja')!.children).to.deep.equal([{ studentId: PUPIL, relation: 'other', gezag: true, livesWith: false }]);
      expect(named.get('Wilma')!.children).to.deep.equal([{ studentId: PUPIL, relation: 'other', gezag: false, livesWith: false }]);
      expect(named.get('Pieter')).to.deep.include({
        name: { given: 'Pieter', prefix: 'van de', family: 'Berg', firstNames: 'Pieter Johannes' },
        address: { street: 'Hofstraat', houseNumber: '117d', postcode: '7311 KT', city: 'Apeldoorn', country: 'NL', secret: false },
      });
      expect(named.get('Pieter')!.contacts.find((c) => c.emergency)).to.deep.equal({ kind: 'phone', value: '0107890123', label: 'overig', secret: false, emergency: true });
      expect(named.get('Tanja')!.contacts.find((c) => c.kind === 'email')).to.include({ value: 'geheim@geheim.geheim', secret: true });
      expect(named.get('Wilma')).to.not.have.property('address');
    });

    it('maps the toetslijst to LVS results and the eindtoets to doorstroom results, by date then id', async () => {
      const results = await open(POPO_FULL).listResults!(PUPIL);
      expect(results.map((r) => `${r.date} ${r.kind}`)).to.deep.equal([
        '2015-01-19 lvs', '2015-04-10 lvs',
        '2015-04-28 doorstroom', '2015-04-28 doorstroom', '2015-04-28 doorstroom', '2015-04-28 doorstroom',
        '2015-10-23 lvs',
      ]);
      const sameDay = results.filter((r) => r.date === '2015-04-28').map((r) => r.id);
      expect(sameDay).to.deep.equal([...sameDay].sort());
      expect(results.filter((r) => r.kind === 'doorstroom').map((r) => r.subject).sort())
        .to.deep.equal(['Nederlandse taal - Lezen', 'Nederlandse taal - Taalverzorging', 'Rekenen', 'doorstroomtoets']);
      const rekenen = results.find((r) => r.subject === 'rekenen')!;
      expect(rekenen).to.deep.include({
        studentId: PUPIL, testName: 'Rekenen-Wiskunde 2006 ( jaar van uitgave groep 3/4)', schoolYear: '2015-2016',
        jaargroep: 8, moment: 'B', score: 51, vaardigheidsscore: 90,
      });
      // RNTRM is OSO's code for the referentieniveau: REF in the contract.
      expect(rekenen.referenceScores).to.deep.equal([
        { code: 'AE', value: 'B' }, { code: 'IV', value: 'III' }, { code: 'FN', value: '87' }, { code: 'REF', value: '1F' },
        { code: 'DLE', value: '40' }, { code: 'CAE', value: 'C' }, { code: 'CIV', value: 'II' },
      ]);
      expect(results.find((r) => r.subject === 'begrijpend lezen')).to.include({ moment: 'M', jaargroep: 7, schoolYear: '2014-2015' });
      const doorstroom = results.find((r) => r.subject === 'doorstroomtoets')!;
      expect(doorstroom).to.deep.include({ testName: 'Centrale eindtoets (CET)', score: 525, jaargroep: 8, referenceScores: [{ code: 'ADVIES', value: 'vmbo kb/vmbo gl-tl' }] });
      expect(results.find((r) => r.subject === 'Rekenen')!.referenceScores).to.deep.equal([{ code: 'REF', value: '2F' }]);
      expect(results.find((r) => r.subject === 'Nederlandse taal - Lezen')!.referenceScores).to.deep.equal([{ code: 'REF', value: '<1F' }]);
    });

    it('leaves out the intelligence tests (WISC, NIO) unless the school opts in', async () => {
      const names = (await open(POPO_FULL).listResults!(PUPIL)).map((r) => r.testName);
      expect(names.some((n) => /WISC|NIO/.test(n))).to.equal(false);
      const withIq = await open(POPO_FULL, { includeIntelligenceTests: true }).listResults!(PUPIL);
      const iq = withIq.filter((r) => /WISC|NIO/.test(r.testName));
      expect(iq.map((r) => [r.date, r.subject, r.referenceScores[0]])).to.deep.equal([
        ['2016-01-03', 'overig', { code: 'IQ', value: '97' }],
        ['2016-01-10', 'IQ', { code: 'IQ', value: '114' }],
      ]);
    });

    it('never hands out the BSN: it appears nowhere in what the adapter returns', async () => {
      const bsn = /<bsn>(\d+)<\/bsn>/.exec(readFileSync(`${FIXTURES}${POPO_FULL}`, 'utf8'))![1]!;
      const adapter = open(POPO_FULL, { includeIntelligenceTests: true });
      const everything = JSON.stringify([await adapter.listStudents!(), await adapter.listGuardians!(), await adapter.listResults!(PUPIL)]);
      expect(everything).to.not.include(bsn);
    });

    it('after the pupil\'s last school day (datumuitschrijving) the pupil and their guardians are unknown', async () => {
      const adapter = open(POPO_FULL, {}, '2016-08-01T09:00:00Z');
      expect((await adapter.listStudents!()).items).to.deep.equal([]);
      expect((await adapter.listGuardians!()).items).to.deep.equal([]);
      await expectSisError(adapter.getStudent!(PUPIL), 'SIS_NOT_FOUND');
      await expectSisError(adapter.listGuardiansOfStudent!(PUPIL), 'SIS_NOT_FOUND');
      await expectSisError(adapter.listResults!(PUPIL), 'SIS_NOT_FOUND');
      // On the last day itself the pupil is still there.
      expect((await open(POPO_FULL, {}, '2016-07-31T09:00:00Z').getStudent!(PUPIL)).id).to.equal(PUPIL);
    });
  });

  describe('POPO opt-out (optional categories left out)', () => {
    it('still gives the pupil and the verzorgers; no test results, no eindtoets', async () => {
      const adapter = open(POPO_OPT_OUT);
      const full = open(POPO_FULL);
      expect(await adapter.getStudent!(PUPIL)).to.deep.equal(await full.getStudent!(PUPIL));
      expect((await adapter.listGuardians!()).items.map((g) => g.name.given).sort()).to.deep.equal(['Pieter', 'Tanja', 'Wilma']);
      expect(await adapter.listResults!(PUPIL)).to.deep.equal([]);
    });
  });

  describe('POVO full (primary to secondary)', () => {
    it('maps to the same pupil, guardians and results as the POPO dossier of the same child', async () => {
      const povo = open(POVO_FULL);
      const popo = open(POPO_FULL);
      expect(await povo.getStudent!(PUPIL)).to.deep.equal(await popo.getStudent!(PUPIL));
      expect(await povo.listGuardians!()).to.deep.equal(await popo.listGuardians!());
      expect(await povo.listResults!(PUPIL)).to.deep.equal(await popo.listResults!(PUPIL));
    });
  });
});

/**
 * The project's own dossiers (a fictional school, school year 2025-2026) for the cases the
 * examples do not cover: siblings, several verzorgers, no gezag, secret values, combination
 * groups, optional categories missing, a departed pupil, incomplete dossiers.
 */
import { expect } from 'chai';
import type { Guardian } from '../../../adapters/contract/index.ts';
import { TempFolder, expectSisError, osoAdapter } from './support.ts';

const SCHOOL_FILES = ['1001', '1002', '1003', '1004', '1005'].map((n) => `school/dossier-${n}.xml`).concat('school/dossiers-1006.xml');

const named = (guardians: Guardian[], given: string): Guardian => {
  const found = guardians.find((g) => g.name.given === given);
  if (!found) expect.fail(`no guardian called ${given} among ${guardians.map((g) => g.name.given).join(', ')}`);
  return found;
};

describe('OSO adapter: the project fixture school', () => {
  const folder = new TempFolder(...SCHOOL_FILES);
  after(() => folder.remove());
  const open = (config: { includeIntelligenceTests?: boolean; pageSize?: number } = {}, now?: string) => osoAdapter({ dir: folder.dir, ...config }, now).adapter;

  describe('pupils', () => {
    it('picks the home address over the postal one, normalises the postcode, keeps the emergency number', async () => {
      const sanne = await open().getStudent!('1001');
      expect(sanne).to.deep.include({
        name: { given: 'Sanne', prefix: 'de', family: 'Vries', firstNames: 'Sanne Maria' },
        gender: 'V',
        group: { id: '99ZZ00:2025-2026:7', name: 'Groep 7', jaargroepen: [7] },
        jaargroep: 7,
        enrolment: { from: '2018-08-20' },
        address: { street: 'Kerkstraat', houseNumber: '12', postcode: '3511 AB', city: 'Utrecht', country: 'NL', secret: false },
        contacts: [{ kind: 'phone', value: '030 123 4567', label: 'prive', secret: false, emergency: true }],
      });
    });

    it('a combination group holds the jaargroepen of its pupils and of its code', async () => {
      const adapter = open();
      expect((await adapter.getStudent!('1002')).group).to.deep.equal({ id: '99ZZ00:2025-2026:5/6', name: 'Groep 5/6', jaargroepen: [5, 6] });
      expect(await adapter.getStudent!('1002')).to.include({ jaargroep: 5 });
      expect(await adapter.getStudent!('1004')).to.include({ jaargroep: 6 });
      // Julia is the only pupil of groep 1/2: the code says it holds 1 and 2.
      expect((await adapter.getStudent!('1006')).group!.jaargroepen).to.deep.equal([1, 2]);
    });

    it('a secret address (adresgeheim) and a geheim number come out flagged secret', async () => {
      const liam = await open().getStudent!('1004');
      expect(liam.address).to.include({ street: 'Dorpsweg', secret: true });
      expect(liam.contacts).to.deep.equal([{ kind: 'phone', value: '0301112233', label: 'prive', secret: true, emergency: true }]);
    });

    it('optional categories left out: no address, no contacts, no results — the pupil is still there', async () => {
      const adapter = open();
      const noor = await adapter.getStudent!('1003');
      expect(noor).to.not.have.property('address');
      expect(noor.contacts).to.deep.equal([]);
      expect(await adapter.listResults!('1003')).to.deep.equal([]);
      const [bakker, ...others] = await adapter.listGuardiansOfStudent!('1003');
      expect(others).to.deep.equal([]);
      // Only voorletters and no relatietotkind: the initials stand in for the given name.
      expect(bakker).to.deep.include({ name: { given: 'J.', family: 'Bakker' }, contacts: [], children: [{ studentId: '1003', relation: 'other', gezag: true, livesWith: false }] });
      expect(bakker).to.not.have.property('address');
    });

    it('lists the current pupils only, in id order, across pages; a forged cursor is SIS_NOT_FOUND', async () => {
      const adapter = open({ pageSize: 2 });
      const ids: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await adapter.listStudents!(cursor);
        ids.push(...page.items.map((s) => s.id));
        cursor = page.next;
        pages++;
      } while (cursor !== undefined && pages < 10);
      expect(ids).to.deep.equal(['1001', '1002', '1003', '1004', '1006']);
      expect(pages).to.equal(3);
      await expectSisError(adapter.listStudents!('bm90LWEtY3Vyc29y'), 'SIS_NOT_FOUND');
      await expectSisError(adapter.listStudents!((await adapter.listGuardians!()).next), 'SIS_NOT_FOUND');
    });
  });

  describe('guardians', () => {
    it('several verzorgers: relation, gezag and lives-with per child; the deceased voogd left out', async () => {
      const guardians = await open().listGuardiansOfStudent!('1004');
      expect(guardians.map((g) => g.name.given).sort()).to.deep.equal(['Anna', 'Karin', 'Peter']);
      expect(named(guardians, 'Anna').children).to.deep.equal([{ studentId: '1004', relation: 'mother', gezag: true, livesWith: true }]);
      expect(named(guardians, 'Karin').children).to.deep.equal([{ studentId: '1004', relation: 'other', gezag: false, livesWith: false }]);
      expect(named(guardians, 'Anna').address).to.include({ postcode: '3731 AA', secret: true });
    });

    it('a parent of two pupils is one guardian with two child links, details from the newest dossier', async () => {
      const adapter = open();
      const ofSanne = await adapter.listGuardiansOfStudent!('1001');
      const ofTim = await adapter.listGuardiansOfStudent!('1002');
      expect(ofSanne.map((g) => g.id).sort()).to.deep.equal(ofTim.map((g) => g.id).sort());
      const mark = named(ofSanne, 'Mark');
      expect(mark.children).to.deep.equal([
        { studentId: '1001', relation: 'father', gezag: true, livesWith: true },
        { studentId: '1002', relation: 'father', gezag: true, livesWith: true },
      ]);
      // Tim's dossier (2026-01-15) is newer than Sanne's (2026-01-14): his mobile number counts.
      expect(mark.contacts.map((c) => c.value)).to.deep.equal(['Mark.deVries@example.org', '0687654321']);
      expect(await adapter.getGuardian!(mark.id)).to.deep.equal(mark);
    });

    it('a father without gezag for one child and with gezag for another: one guardian, matched by home address', async () => {
      const peter = named(await open().listGuardiansOfStudent!('1004'), 'Peter');
      expect(peter.children).to.deep.equal([
        { studentId: '1004', relation: 'father', gezag: false, livesWith: false },
        { studentId: '1006', relation: 'father', gezag: true, livesWith: true },
      ]);
    });

    it('secret values of a guardian: adresgeheim, a geheim number, and the placeholder e-mail even without the flag', async () => {
      const eva = named(await open().listGuardiansOfStudent!('1001'), 'Eva');
      expect(eva.address).to.deep.equal({ street: 'Lange Nieuwstraat', houseNumber: '4 bis', postcode: '3512 PA', city: 'Utrecht', country: 'NL', secret: true });
      expect(eva.contacts).to.deep.equal([
        { kind: 'phone', value: '9999999999', label: 'prive', secret: true, emergency: false },
        { kind: 'email', value: 'eva.jansen@example.org', label: 'prive', secret: false, emergency: false },
        { kind: 'email', value: 'geheim@geheim.geheim', label: 'werk', secret: true, emergency: false },
      ]);
    });

    it('a guardian whose only child has left is unknown; while the child was at school they were there', async () => {
      const now = open();
      expect((await now.listGuardians!()).items.map((g) => g.name.given)).to.not.include('Rob');
      const before = open({}, '2025-06-01T09:00:00Z');
      const rob = named((await before.listGuardians!()).items, 'Rob');
      expect(rob.children).to.deep.equal([{ studentId: '1005', relation: 'father', gezag: true, livesWith: true }]);
      await expectSisError(now.getGuardian!(rob.id), 'SIS_NOT_FOUND');
    });
  });

  describe('results', () => {
    it('LVS results: moment from the version, jaargroep from the schoolloopbaan when the afname has none, codes mapped', async () => {
      const results = await open().listResults!('1001');
      expect(results.map((r) => [r.date, r.testName, r.jaargroep, r.moment])).to.deep.equal([
        ['2025-01-20', 'Rekenen-Wiskunde', 6, 'M'],
        ['2025-06-10', 'Rekenen-Wiskunde', 6, 'E'],
        ...results.slice(2).map((r) => ['2026-01-12', r.testName, 7, 'M']),
      ]);
      expect(results.slice(2).map((r) => r.testName).sort()).to.deep.equal(['Begrijpend lezen M7', 'Rekenen-Wiskunde']);
      expect(results[2]!.id < results[3]!.id).to.equal(true);
      expect(results[0]!.referenceScores).to.deep.include({ code: 'PERCENTIEL', value: '70' });
      expect(results[1]!.referenceScores).to.deep.include({ code: 'REF', value: '1F' });
      expect(results.find((r) => r.subject === 'begrijpend lezen')).to.include({ vaardigheidsscore: 44.5 }).and.not.have.property('score');
      expect(results.every((r) => r.kind === 'lvs' && r.studentId === '1001')).to.equal(true);
    });

    it('{ schoolYear } gives that year only', async () => {
      const adapter = open();
      expect((await adapter.listResults!('1001', { schoolYear: '2024-2025' })).map((r) => r.date)).to.deep.equal(['2025-01-20', '2025-06-10']);
      expect((await adapter.listResults!('1001', { schoolYear: '2025-2026' })).map((r) => r.date)).to.deep.equal(['2026-01-12', '2026-01-12']);
      expect(await adapter.listResults!('1001', { schoolYear: '2019-2020' })).to.deep.equal([]);
    });

    it('a test of a VO leerjaar and a test without scores are left out, and the log says so by file', async () => {
      const { adapter, logger } = osoAdapter({ dir: folder.dir });
      expect((await adapter.listResults!('1004')).map((r) => r.testName)).to.deep.equal(['DMT']);
      const line = logger.lines.find((l) => l.msg === 'OSO dossier: parts left out');
      expect(line?.obj).to.deep.equal({ file: 'dossier-1004.xml', notes: ['toets VO-ENG on 2025-12-01: no primary-school jaargroep (11)', 'toets LEEG on 2025-12-02: no scores'] });
    });

    it('the doorstroomtoets (IEP) while the pupil was in groep 8: overall score and advice, a row per referentieniveau', async () => {
      const results = await open({}, '2025-06-01T09:00:00Z').listResults!('1005');
      const rows = results.map((r) => ({ kind: r.kind, testName: r.testName, subject: r.subject, jaargroep: r.jaargroep, score: r.score, refs: r.referenceScores }));
      expect(rows).to.have.deep.members([
        { kind: 'doorstroom', testName: 'IEP Eindtoets', subject: 'doorstroomtoets', jaargroep: 8, score: 84, refs: [{ code: 'ADVIES', value: 'havo' }] },
        { kind: 'doorstroom', testName: 'IEP Eindtoets', subject: 'Rekenen', jaargroep: 8, score: undefined, refs: [{ code: 'REF', value: '1S' }] },
      ]);
      expect(results.map((r) => r.schoolYear)).to.deep.equal(['2024-2025', '2024-2025']);
      await expectSisError(open().listResults!('1005'), 'SIS_NOT_FOUND');
    });
  });
});

describe('OSO adapter: dossiers that cannot make a complete pupil', () => {
  const folder = new TempFolder('incomplete/dossier-2001.xml', 'incomplete/dossier-2002.xml', 'incomplete/dossier-2003.xml');
  after(() => folder.remove());

  it('serves a pupil without schoolloopbaan without a group (noted), leaves out one in a non-primary jaargroep, and reports both', async () => {
    const { adapter } = osoAdapter({ dir: folder.dir });
    expect((await adapter.listStudents!()).items.map((s) => s.id)).to.deep.equal(['2001']);
    const noGroup = await adapter.getStudent!('2001');
    expect(noGroup).to.not.have.property('group');
    expect(noGroup).to.not.have.property('jaargroep');
    const sbo = await expectSisError(adapter.getStudent!('2002'), 'SIS_BAD_RESPONSE');
    expect(sbo.message).to.include('jaargroep "S"');
    const health = await adapter.healthCheck();
    expect(health.detail).to.include('dossier-2001.xml: pupil 2001 has no group yet').and.include('dossier-2002.xml');
  });

  it('their guardians are still linked: guardians do not need a complete pupil record', async () => {
    const { adapter } = osoAdapter({ dir: folder.dir });
    expect((await adapter.listGuardiansOfStudent!('2001')).map((g) => g.name.given)).to.deep.equal(['Sara']);
  });

  it('refuses an id equal to the pupil\'s BSN: that dossier gives no pupil at all', async () => {
    const { adapter } = osoAdapter({ dir: folder.dir });
    await expectSisError(adapter.getStudent!('999990093'), 'SIS_NOT_FOUND');
    const status = await adapter.folderStatus();
    expect(status.problems).to.deep.include({ file: 'dossier-2003.xml', problem: 'the pupil\'s id equals their BSN or onderwijsnummer; refused (use another id source)' });
  });
});

describe('OSO adapter: callers get copies', () => {
  const folder = new TempFolder('school/dossier-1001.xml', 'school/dossier-1002.xml');
  after(() => folder.remove());

  it('changing a returned record changes nothing the adapter serves next', async () => {
    const { adapter } = osoAdapter({ dir: folder.dir });
    const [listed] = (await adapter.listStudents!()).items;
    listed!.name.given = 'Changed';
    listed!.contacts.length = 0;
    (await adapter.getStudent!('1001')).group!.jaargroepen.push(8);
    const [guardian] = (await adapter.listGuardians!()).items;
    guardian!.children[0]!.gezag = false;
    (await adapter.listResults!('1001'))[0]!.referenceScores.length = 0;
    const again = await adapter.getStudent!('1001');
    expect(again.name.given).to.equal('Sanne');
    expect(again.contacts).to.have.length(1);
    expect(again.group!.jaargroepen).to.deep.equal([7]);
    expect((await adapter.getGuardian!(guardian!.id)).children[0]!.gezag).to.equal(true);
    expect((await adapter.listResults!('1001'))[0]!.referenceScores).to.have.length(3);
  });
});

/**
 * Ids: where a pupil's id comes from (leerlingid, file name, the id map), never the BSN, one
 * pupil in two dossiers, and the derived ids of guardians and results staying put.
 */
import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseIdMap } from '../../../adapters/oso/id-map.ts';
import { TempFolder, expectSisError, osoAdapter } from './support.ts';

const ids = async (adapter: { listStudents?: (c?: string) => Promise<{ items: Array<{ id: string }> }> }) =>
  (await adapter.listStudents!()).items.map((s) => s.id);

describe('OSO adapter: ids', () => {
  let folder: TempFolder;
  beforeEach(() => {
    folder = new TempFolder('school/dossier-1001.xml', 'school/dossier-1002.xml');
  });
  afterEach(() => folder.remove());

  describe('pupils', () => {
    it('studentIdFrom "filename": the file name without .xml', async () => {
      folder.remove();
      folder = new TempFolder();
      folder.add('school/dossier-1001.xml', 'P-77.xml');
      folder.add('school/dossier-1002.xml', 'P-78.XML');
      const { adapter } = osoAdapter({ dir: folder.dir, studentIdFrom: 'filename' });
      expect(await ids(adapter)).to.deep.equal(['P-77', 'P-78']);
      expect((await adapter.listGuardiansOfStudent!('P-77')).flatMap((g) => g.children.map((l) => l.studentId)))
        .to.include.members(['P-77', 'P-78']);
      expect((await adapter.listResults!('P-77')).every((r) => r.studentId === 'P-77')).to.equal(true);
    });

    it('studentIdFrom "filename" refuses a file holding several dossiers', async () => {
      folder.add('school/dossiers-1006.xml');
      const { adapter } = osoAdapter({ dir: folder.dir, studentIdFrom: 'filename' });
      expect(await ids(adapter)).to.deep.equal(['dossier-1001', 'dossier-1002']);
      expect((await adapter.folderStatus()).problems).to.deep.include({ file: 'dossiers-1006.xml', problem: 'studentIdFrom "filename" needs one dossier per file' });
    });

    it('a dossier without leerlingid gives no pupil and is reported', async () => {
      const path = folder.path('dossier-1002.xml');
      writeFileSync(path, readFileSync(path, 'utf8').replace('<leerlingid>1002</leerlingid>', ''));
      const { adapter } = osoAdapter({ dir: folder.dir });
      expect(await ids(adapter)).to.deep.equal(['1001']);
      expect((await adapter.folderStatus()).problems).to.deep.equal([
        { file: 'dossier-1002.xml', problem: 'the dossier has no leerlingid, so the pupil has no id (see studentIdFrom)' },
      ]);
    });

    it('the id map turns dossier ids into the stack\'s ids; unmapped pupils are left out; a change is picked up', async () => {
      const map = folder.path('ids.csv');
      writeFileSync(map, '# ParnasSys leerling ids\nleerlingid;id\n1001;884410\n');
      const { adapter } = osoAdapter({ dir: folder.dir, idMapFile: map });
      expect(await ids(adapter)).to.deep.equal(['884410']);
      expect((await adapter.listResults!('884410')).length).to.be.greaterThan(0);
      await expectSisError(adapter.getStudent!('1001'), 'SIS_NOT_FOUND');
      expect((await adapter.folderStatus()).problems).to.deep.equal([{ file: 'dossier-1002.xml', problem: 'pupil 1002 is not in the id map; left out' }]);
      writeFileSync(map, 'leerlingid,id\n1001,884410\n1002,884411\n');
      await adapter.rescan();
      expect(await ids(adapter)).to.deep.equal(['884410', '884411']);
      const links = (await adapter.listGuardiansOfStudent!('884411')).flatMap((g) => g.children.map((l) => l.studentId));
      expect(new Set(links)).to.deep.equal(new Set(['884410', '884411']));
    });

    it('an id map that cannot be read: no pupils at all rather than unmapped ids, and the health check says why', async () => {
      const map = folder.path('missing.csv');
      const { adapter } = osoAdapter({ dir: folder.dir, idMapFile: map });
      expect(await ids(adapter)).to.deep.equal([]);
      const health = await adapter.healthCheck();
      expect(health.ok).to.equal(false);
      expect(health.detail).to.include(`the id map ${map} cannot be read (ENOENT)`);
    });

    it('one pupil in two dossiers: the newest dossier wins, and the older file is reported', async () => {
      const older = folder.path('dossier-1001-old.xml');
      writeFileSync(older, readFileSync(folder.path('dossier-1001.xml'), 'utf8')
        .replace('<datum>2026-01-14</datum>', '<datum>2025-09-01</datum>')
        .replace('<roepnaam>Sanne</roepnaam>', '<roepnaam>Old</roepnaam>'));
      const { adapter } = osoAdapter({ dir: folder.dir });
      expect((await adapter.getStudent!('1001')).name.given).to.equal('Sanne');
      expect((await adapter.folderStatus()).problems).to.deep.equal([
        { file: 'dossier-1001-old.xml', problem: 'pupil 1001 is also in dossier-1001.xml, a newer dossier; that one is used' },
      ]);
    });
  });

  describe('derived ids', () => {
    it('guardian and result ids are opaque, and stay the same across a re-export with another order and a rescan', async () => {
      const { adapter } = osoAdapter({ dir: folder.dir });
      const guardians = (await adapter.listGuardians!()).items.map((g) => [g.name.given, g.id]);
      const results = (await adapter.listResults!('1001')).map((r) => r.id);
      expect(guardians.every(([, id]) => /^g-[0-9a-f]{24}$/.test(id!))).to.equal(true);
      expect(results.every((id) => /^r-[0-9a-f]{24}$/.test(id))).to.equal(true);

      // Re-exported: verzorgers in the other order, toetsen reversed, a newer dossier date.
      const path = folder.path('dossier-1001.xml');
      const text = readFileSync(path, 'utf8');
      const verzorgers = text.match(/ {6}<verzorger>[\s\S]*?<\/verzorger>\n/g)!;
      const toetsen = text.match(/ {8}<toets>[\s\S]*?<\/toets>\n/g)!;
      let reordered = text.replace(verzorgers.join(''), [...verzorgers].reverse().join(''));
      reordered = reordered.replace(toetsen.join(''), [...toetsen].reverse().join('')).replace('<datum>2026-01-14</datum>', '<datum>2026-01-16</datum>');
      expect(reordered).to.not.equal(text);
      writeFileSync(path, reordered);
      await adapter.rescan();
      expect((await adapter.listGuardians!()).items.map((g) => [g.name.given, g.id])).to.deep.equal(guardians);
      expect((await adapter.listResults!('1001')).map((r) => r.id)).to.deep.equal(results);
    });

    it('look-alike verzorgers with nothing to tie them (no e-mail, no address) are never merged across pupils', async () => {
      folder.remove();
      folder = new TempFolder('incomplete/dossier-2001.xml');
      const copy = readFileSync(folder.path('dossier-2001.xml'), 'utf8').replace('<leerlingid>2001</leerlingid>', '<leerlingid>2009</leerlingid>')
        .replace('<bsn>999990070</bsn>', '<bsn>999990105</bsn>');
      writeFileSync(folder.path('dossier-2009.xml'), copy);
      const { adapter } = osoAdapter({ dir: folder.dir });
      const saras = (await adapter.listGuardians!()).items.filter((g) => g.name.given === 'Sara');
      expect(saras.map((g) => g.children.map((l) => l.studentId))).to.have.deep.members([['2001'], ['2009']]);
    });
  });
});

describe('OSO id map file format', () => {
  it('reads pairs separated by comma, semicolon or tab; skips comments, blank lines and a leerlingid header', () => {
    const { map, problems } = parseIdMap('\ufeffleerlingid,parnassys_id\n# comment\n\nA1,100\nA2;200\n"A3"\t"300"\n');
    expect([...map]).to.deep.equal([['A1', '100'], ['A2', '200'], ['A3', '300']]);
    expect(problems).to.deep.equal([]);
  });

  it('reports lines it cannot read, and drops an id mapped to two different ids', () => {
    const { map, problems } = parseIdMap('A1,100\nA1,101\nA2\nA3,300,extra\nA4,400\nA4,400\n');
    expect([...map]).to.deep.equal([['A4', '400']]);
    expect(problems).to.deep.equal([
      "line 3: expected two columns, the dossier's id and the stack's id",
      "line 4: expected two columns, the dossier's id and the stack's id",
      'id A1 is mapped twice, to different ids; left out',
    ]);
  });
});

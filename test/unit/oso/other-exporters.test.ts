/**
 * Dossiers written the way other exporters write them (test/fixtures/oso/other-exporters/):
 * ISO-8859-1 with character references, the summer before a new placement, placements without
 * jaargroep.
 */
import { expect } from 'chai';
import { osoAdapter, TempFolder } from './support.ts';

describe('OSO adapter: dossiers from other exporters', () => {
  describe('encodings and character references', () => {
    const latin1 = new TempFolder('other-exporters/dossier-3001-latin1.xml');
    const utf8 = new TempFolder('other-exporters/dossier-3001-utf8.xml');
    after(() => {
      latin1.remove();
      utf8.remove();
    });

    it('honours an ISO-8859-1 declaration and decodes character references', async () => {
      const { adapter } = osoAdapter({ dir: latin1.dir });
      const pupil = await adapter.getStudent!('3001');
      expect(pupil.name).to.include({ given: 'Björn', firstNames: 'Björn Maria' });
      const guardians = await adapter.listGuardiansOfStudent!('3001');
      expect(guardians.map((g) => `${g.name.given} ${g.name.family}`).sort()).to.deep.equal(['Jürgen Vries', 'Zoë Çelik']);
      expect((await adapter.healthCheck()).detail).to.not.match(/problem/);
    });

    it('gives the same ids whatever encoding the same dossier was written in', async () => {
      const fromLatin1 = osoAdapter({ dir: latin1.dir }).adapter;
      const fromUtf8 = osoAdapter({ dir: utf8.dir }).adapter;
      const ids = async (a: typeof fromUtf8) => (await a.listGuardians!()).items.map((g) => g.id);
      expect(await ids(fromLatin1)).to.deep.equal(await ids(fromUtf8)).and.have.length(2);
      expect((await fromLatin1.listResults!('3001')).map((r) => r.id)).to.deep.equal((await fromUtf8.listResults!('3001')).map((r) => r.id));
    });
  });

  describe('the school year decides the group', () => {
    const folder = new TempFolder('other-exporters/dossier-3002-summer.xml');
    after(() => folder.remove());

    it('before the new placement begins, last year\'s open placement gives no group; then the new one', async () => {
      const { adapter, clock } = osoAdapter({ dir: folder.dir }, '2026-08-10T08:00:00Z');
      const summer = await adapter.getStudent!('3002');
      expect(summer).to.not.have.property('group');
      expect(summer).to.not.have.property('jaargroep');
      expect((await adapter.healthCheck()).detail).to.include('pupil 3002 has no group yet');
      clock.set('2026-07-20T08:00:00Z');
      expect((await adapter.getStudent!('3002')).jaargroep).to.equal(7);
      clock.set('2026-08-24T08:00:00Z');
      const placed = await adapter.getStudent!('3002');
      expect(placed.group!.name).to.equal('Groep 8');
      expect(placed.jaargroep).to.equal(8);
    });
  });

  describe('placements without jaargroep', () => {
    const folder = new TempFolder('other-exporters/dossier-3003-combination.xml', 'other-exporters/dossier-3004-code-7b.xml');
    after(() => folder.remove());

    it('keeps the pupil without jaargroep and reports the id; takes it from a code that names one', async () => {
      const { adapter } = osoAdapter({ dir: folder.dir });
      expect((await adapter.listStudents!()).items.map((s) => s.id)).to.deep.equal(['3003', '3004']);
      const uilen = await adapter.getStudent!('3003');
      expect(uilen.group).to.deep.include({ name: 'Combinatiegroep Uilen', jaargroepen: [] });
      expect(uilen).to.not.have.property('jaargroep');
      expect((await adapter.getStudent!('3004')).jaargroep).to.equal(7);
      expect((await adapter.healthCheck()).detail).to.include('pupil 3003 kept without jaargroep');
    });
  });
});

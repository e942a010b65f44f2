/**
 * Pupil ids must agree across a stack. When the OSO export's leerlingid is not the id ParnasSys
 * serves, the OSO adapter's idMapFile turns one into the other; a pupil missing from the map is
 * left out rather than linked to the wrong child.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import axios from 'axios';
import { expect } from 'chai';
import { createStack, loadAdapters, type SisStack } from '../../../gateway/adapters/index.ts';
import { fixture, FIXTURE_NOW, interceptGetLeerlingen, testConfig, useOfflineNock, XML_HEADERS } from '../../fixtures/parnassys/soap.ts';
import { fixedClock } from '../../support/clock.ts';

const OSO_DIR = fileURLToPath(new URL('../../fixtures/oso/stacked/', import.meta.url));
const silent = { debug() {}, info() {}, warn() {}, error() {} };

describe('stacked ids: ParnasSys ids with an OSO id map', () => {
  useOfflineNock();
  const dir = mkdtempSync(join(tmpdir(), 'ouderpoort-idmap-'));
  const idMapFile = join(dir, 'oso-ids.csv');
  // Dossier leerlingid (the pupil number) → ParnasSys id. Fien (20220829) is missing on purpose.
  writeFileSync(idMapFile, 'leerlingid,id\n20210830,1001\n20260907,1003\n20250825,1004\n20200831,1006\n20180828,1007\n');
  after(() => rmSync(dir, { recursive: true, force: true }));

  async function stack(): Promise<SisStack> {
    const loaded = await loadAdapters([
      { adapter: 'parnassys', config: testConfig({ studentId: 'id' }) },
      { adapter: 'oso', config: { dir: OSO_DIR, watch: false, idMapFile, capabilities: ['guardians', 'absences', 'results.lvs'] } },
    ], { baseDir: process.cwd() });
    return createStack(loaded, () => ({ http: axios.create(), logger: silent, clock: fixedClock(FIXTURE_NOW) }));
  }

  it('a guardian from the dossiers links to the ParnasSys pupil, whose absences and results come from the same dossier', async () => {
    const scope = interceptGetLeerlingen().reply(200, fixture('get-leerlingen-2026-2027.xml'), XML_HEADERS);
    const sis = await stack();
    try {
      const sophie = (await sis.listGuardians!()).items.find((g) => g.name.given === 'Sophie')!;
      expect(sophie.children.map((l) => l.studentId)).to.deep.equal(['1001']);
      const daan = await sis.getStudent!('1001');
      expect(daan).to.deep.include({ id: '1001', jaargroep: 6 });
      expect(daan.group!.name).to.equal('Groep 5/6');
      expect((await sis.listGuardiansOfStudent!('1001')).map((g) => g.name.given).sort()).to.deep.equal(['Sophie', 'Thomas']);
      const [summary] = await sis.listAbsences!('1001', { from: '2026-08-01', to: '2027-07-31' });
      expect(summary).to.deep.include({ kind: 'summary', studentId: '1001', period: { from: '2025-09-29', to: '2026-09-28' } });
      expect((await sis.listResults!('1001')).map((r) => `${r.studentId} ${r.testName}`)).to.deep.equal(['1001 Rekenen-Wiskunde', '1001 Spelling']);
      expect(scope.isDone()).to.equal(true);
    } finally {
      await sis.close?.();
    }
  });

  it('a pupil missing from the map has no guardians, absences or results in the stack: no link beats a wrong link', async () => {
    interceptGetLeerlingen().reply(200, fixture('get-leerlingen-2026-2027.xml'), XML_HEADERS);
    const sis = await stack();
    try {
      expect((await sis.getStudent!('1002')).name.given).to.equal('Fien');
      const linked = (await sis.listGuardians!()).items.flatMap((g) => g.children.map((l) => l.studentId));
      expect(linked).not.to.include('1002');
      expect(linked).not.to.include('20220829');
      const notFound = await sis.listGuardiansOfStudent!('1002').then(() => undefined, (err: unknown) => err);
      expect(notFound).to.include({ code: 'SIS_NOT_FOUND' });
      expect((await sis.healthOfEach()).find((h) => h.adapter === 'oso')?.detail).to.include('pupil 20220829 is not in the id map; left out');
    } finally {
      await sis.close?.();
    }
  });
});

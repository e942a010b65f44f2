/**
 * The folder behind the adapter: broken and foreign files are skipped and reported by name,
 * changes are picked up without a restart (rescan(), the clock-driven poll, the watcher), and
 * nothing is read before the first call.
 */
import { expect } from 'chai';
import { mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createOsoAdapter, type WatchFolder } from '../../../adapters/oso/index.ts';
import { watchWithFs } from '../../../adapters/oso/folder-watch.ts';
import { FIXTURES, TempFolder, expectSisError, osoAdapter } from './support.ts';

const ids = async (adapter: { listStudents?: (c?: string) => Promise<{ items: Array<{ id: string }> }> }) =>
  (await adapter.listStudents!()).items.map((s) => s.id);

/** A fake watcher: the test fires the change event itself. */
function fakeWatch() {
  const state = { started: 0, closed: 0, fire: () => {} };
  const watch: WatchFolder = (_dir, onChange) => {
    state.started++;
    state.fire = onChange;
    return { close: () => void state.closed++ };
  };
  return { state, watch };
}

describe('OSO adapter: the dossier folder', () => {
  let folder: TempFolder;
  beforeEach(() => {
    folder = new TempFolder('school/dossier-1001.xml', 'school/dossier-1003.xml');
  });
  afterEach(() => folder.remove());

  describe('files it cannot use', () => {
    it('skips a broken file and a non-OSO file, names them in the health check and logs each once', async () => {
      folder.add('school/broken.xml');
      folder.add('school/not-oso.xml');
      const { adapter, logger } = osoAdapter({ dir: folder.dir, pollMs: 0 });
      expect(await ids(adapter)).to.deep.equal(['1001', '1003']);
      await ids(adapter);
      const health = await adapter.healthCheck();
      expect(health.ok).to.equal(true);
      expect(health.detail).to.include("broken.xml: not well-formed XML (line 104, column 12)")
        .and.include('not-oso.xml: not an OSO dossier: the root element is <leerlingen>, not <dossier> or <dossiers>');
      const skipped = logger.lines.filter((l) => l.msg === 'OSO dossier file skipped').map((l) => (l.obj as { file: string }).file);
      expect(skipped).to.deep.equal(['broken.xml', 'not-oso.xml']);
    });

    it('skips a dossier in another namespace, and a file larger than maxFileBytes', async () => {
      writeFileSync(folder.path('other.xml'), '<?xml version="1.0"?><dossier xmlns="urn:example:not-oso"><huidigeschool/></dossier>');
      const { adapter } = osoAdapter({ dir: folder.dir, maxFileBytes: 4096 });
      expect(await ids(adapter)).to.deep.equal(['1003']);
      const { problems } = await adapter.folderStatus();
      expect(problems).to.deep.include({ file: 'other.xml', problem: 'not an OSO dossier: <dossier> is in namespace urn:example:not-oso' });
      expect(problems.find((p) => p.file === 'dossier-1001.xml')?.problem).to.match(/^larger than maxFileBytes \(\d+ > 4096 bytes\)$/);
    });

    it('in a <dossiers> file, keeps the good dossiers and reports the bad one by its position', async () => {
      folder.add('school/dossiers-1006.xml');
      const { adapter } = osoAdapter({ dir: folder.dir });
      expect(await ids(adapter)).to.deep.equal(['1001', '1003', '1006']);
      expect((await adapter.folderStatus()).problems).to.deep.equal([{ file: 'dossiers-1006.xml', problem: 'dossier 2: not an OSO dossier: no huidigeschool/leerling' }]);
    });

    it('reads only *.xml files and no hidden ones', async () => {
      writeFileSync(folder.path('notes.txt'), 'not a dossier');
      folder.add('school/dossier-1004.xml', '.dossier-1004.xml');
      folder.add('school/dossier-1002.xml', 'dossier-1002.XML');
      const { adapter } = osoAdapter({ dir: folder.dir });
      expect(await ids(adapter)).to.deep.equal(['1001', '1002', '1003']);
      expect((await adapter.folderStatus()).problems).to.deep.equal([]);
    });

    it('a file that breaks keeps its last readable version in use until it is fixed', async () => {
      const { adapter } = osoAdapter({ dir: folder.dir });
      expect(await ids(adapter)).to.deep.equal(['1001', '1003']);
      const path = folder.path('dossier-1001.xml');
      const good = readFileSync(path, 'utf8');
      writeFileSync(path, good.slice(0, 2000));
      await adapter.rescan();
      expect((await adapter.getStudent!('1001')).name.given).to.equal('Sanne');
      expect((await adapter.healthCheck()).detail).to.match(/dossier-1001\.xml: not well-formed XML .*; the last readable version is used/);
      writeFileSync(path, good.replace('<roepnaam>Sanne</roepnaam>', '<roepnaam>Sannie</roepnaam>'));
      await adapter.rescan();
      expect((await adapter.getStudent!('1001')).name.given).to.equal('Sannie');
      expect((await adapter.folderStatus()).problems).to.deep.equal([]);
    });
  });

  describe('changes, picked up without a restart', () => {
    it('rescan(): an added, a changed and a removed file', async () => {
      const { adapter } = osoAdapter({ dir: folder.dir });
      expect(await ids(adapter)).to.deep.equal(['1001', '1003']);

      folder.add('school/dossier-1004.xml');
      expect(await ids(adapter), 'no change before the poll interval').to.deep.equal(['1001', '1003']);
      await adapter.rescan();
      expect(await ids(adapter)).to.deep.equal(['1001', '1003', '1004']);

      const path = folder.path('dossier-1003.xml');
      writeFileSync(path, readFileSync(path, 'utf8').replace('<roepnaam>Noor</roepnaam>', '<roepnaam>Noortje</roepnaam>'));
      await adapter.rescan();
      expect((await adapter.getStudent!('1003')).name.given).to.equal('Noortje');

      unlinkSync(folder.path('dossier-1001.xml'));
      await adapter.rescan();
      expect(await ids(adapter)).to.deep.equal(['1003', '1004']);
      await expectSisError(adapter.getStudent!('1001'), 'SIS_NOT_FOUND');
      await expectSisError(adapter.listResults!('1001'), 'SIS_NOT_FOUND');
    });

    it('the poll: the folder is checked again once pollMs has passed by the injected clock', async () => {
      const { adapter, clock } = osoAdapter({ dir: folder.dir, pollMs: 60_000 });
      expect(await ids(adapter)).to.deep.equal(['1001', '1003']);
      folder.add('school/dossier-1004.xml');
      clock.advance(59_999);
      expect(await ids(adapter)).to.deep.equal(['1001', '1003']);
      clock.advance(1);
      expect(await ids(adapter)).to.deep.equal(['1001', '1003', '1004']);
    });

    it('the watcher: a change event makes the next call re-read, whatever pollMs says; started lazily, closed on close()', async () => {
      const { state, watch } = fakeWatch();
      const { adapter } = osoAdapter({ dir: folder.dir, watch: true, pollMs: 3_600_000 }, undefined, { watch });
      expect(state.started, 'nothing at construction').to.equal(0);
      expect(await ids(adapter)).to.deep.equal(['1001', '1003']);
      expect(state.started).to.equal(1);
      folder.add('school/dossier-1004.xml');
      expect(await ids(adapter)).to.deep.equal(['1001', '1003']);
      state.fire();
      state.fire(); // a burst of events is one re-read
      expect(await ids(adapter)).to.deep.equal(['1001', '1003', '1004']);
      expect(state.started).to.equal(1);
      await adapter.close!();
      expect(state.closed).to.equal(1);
      await expectSisError(adapter.listStudents!(), 'SIS_UNAVAILABLE');
    });

    it('a folder that cannot be watched is polled, with one warning', async () => {
      const watch: WatchFolder = () => {
        throw new Error('ENOSPC: no watchers left');
      };
      const { adapter, logger, clock } = osoAdapter({ dir: folder.dir, watch: true, pollMs: 1000 }, undefined, { watch });
      expect(await ids(adapter)).to.deep.equal(['1001', '1003']);
      folder.add('school/dossier-1004.xml');
      clock.advance(1000);
      expect(await ids(adapter)).to.deep.equal(['1001', '1003', '1004']);
      clock.advance(1000);
      await ids(adapter);
      expect(logger.lines.filter((l) => l.msg === 'OSO dossier folder cannot be watched; relying on pollMs')).to.have.length(1);
    });

    it('with the real fs.watch, a new file is read after the event arrives', async () => {
      let seen: () => void = () => {};
      const event = new Promise<void>((resolve) => {
        seen = resolve;
      });
      const watch: WatchFolder = (dir, onChange, onError) => watchWithFs(dir, () => {
        onChange();
        seen();
      }, onError);
      const { adapter } = osoAdapter({ dir: folder.dir, watch: true, pollMs: 3_600_000 }, undefined, { watch });
      expect(await ids(adapter)).to.deep.equal(['1001', '1003']);
      folder.add('school/dossier-1004.xml');
      await event;
      expect(await ids(adapter)).to.deep.equal(['1001', '1003', '1004']);
      await adapter.close!();
    });

    it('calls arriving during a scan share it', async () => {
      const { adapter, logger } = osoAdapter({ dir: folder.dir });
      await Promise.all([ids(adapter), ids(adapter), adapter.listGuardians!(), adapter.healthCheck()]);
      expect(logger.lines.filter((l) => l.msg === 'OSO dossiers read')).to.have.length(1);
    });
  });

  describe('the folder itself', () => {
    it('construction reads nothing: a folder that appears later is read on the first call', async () => {
      const dir = join(folder.dir, 'later');
      const explode = () => {
        throw new Error('touched at construction');
      };
      const adapter = createOsoAdapter({ dir, pollMs: 0 }, {
        clock: { now: explode }, logger: { debug: explode, info: explode, warn: explode, error: explode }, watch: explode,
      });
      expect(adapter.name).to.equal('oso');
      const { adapter: lazy } = osoAdapter({ dir, pollMs: 0 });
      const err = await expectSisError(lazy.listStudents!(), 'SIS_UNAVAILABLE');
      expect(err.message).to.equal(`The OSO dossier folder ${dir} cannot be read (ENOENT)`);
      const health = await lazy.healthCheck();
      expect(health.ok).to.equal(false);
      expect(health.detail).to.include('cannot be read (ENOENT)');
      mkdirSync(dir);
      writeFileSync(join(dir, 'a.xml'), readFileSync(join(FIXTURES, 'school/dossier-1003.xml')));
      expect(await ids(lazy)).to.deep.equal(['1003']);
      expect((await lazy.healthCheck()).ok).to.equal(true);
    });

    it('a folder that goes away keeps the last data in use; the health check says so', async () => {
      const { adapter } = osoAdapter({ dir: folder.dir, pollMs: 0 });
      expect(await ids(adapter)).to.deep.equal(['1001', '1003']);
      rmSync(folder.dir, { recursive: true, force: true });
      expect(await ids(adapter)).to.deep.equal(['1001', '1003']);
      const health = await adapter.healthCheck();
      expect(health.ok).to.equal(false);
      expect(health.detail).to.include(`The OSO dossier folder ${folder.dir} cannot be read (ENOENT)`);
    });

    it('an empty folder is not healthy: no pupils to serve', async () => {
      const empty = new TempFolder();
      try {
        const health = await osoAdapter({ dir: empty.dir }).adapter.healthCheck();
        expect(health).to.deep.include({ ok: false, detail: `0 current pupils from 0 dossiers in ${empty.dir}` });
      } finally {
        empty.remove();
      }
    });
  });
});

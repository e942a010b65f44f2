/**
 * "Ontvangen" only for what is on disk: the real app on a lowdb store in a real tmpfs of a few
 * hundred KB. With the disk full or read-only a correction is refused (503) however often it is
 * posted, nothing of it is on disk, the child's pages are not shown (their view cannot be audited),
 * /readyz and /beheer/status show the store failing, and once the disk has room again the same
 * form is accepted and on disk.
 */
import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CHANGE_REQUESTS_COLLECTION } from '../../gateway/changes/index.ts';
import type { Store } from '../../gateway/store/types.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { operatorLogin } from '../support/operator.ts';
import { mountTmpfs, type Tmpfs } from '../support/tmpfs.ts';
import { formFields, formValues, newAddress, parentSession, sendCorrection } from './changes.support.ts';

async function healthy(store: Store): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!store.health().ok) {
    if (Date.now() > deadline) throw new Error(`store still failing: ${JSON.stringify(store.health())}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const onDisk = async (dir: string) => readFile(join(dir, 'store', `${CHANGE_REQUESTS_COLLECTION}.json`), 'utf8').catch(() => '');

for (const fault of ['full', 'read-only'] as const) {
  describe(`store on a ${fault} disk (real tmpfs)`, function () {
    this.timeout(60_000);
    let disk: Tmpfs;
    let t: TestApp;

    beforeEach(async () => {
      disk = await mountTmpfs(768);
      // The gateway's own lowdb store (with its logger), in the tmpfs.
      t = await createTestApp({ values: { store: { lowdb: { dir: join(disk.dir, 'store') } } }, overrides: { store: undefined } });
      await t.services.store.flush();
    });

    afterEach(async () => {
      if (fault === 'read-only') await disk.readWrite().catch(() => {});
      else await disk.free().catch(() => {});
      await t.services.store.close().catch(() => {});
      await disk.unmount();
    });

    it('never says "ontvangen" for a correction that is not on disk, and accepts it once the disk recovers', async () => {
      const { agent, handle } = await parentSession(t);
      const operator = (await operatorLogin(t)).agent;
      const form = await agent.get(`/kind/${handle}/wijzigen`);
      expect(form.status).to.equal(200);
      const body = { ...formFields(form.text), ...newAddress(formValues(form.text)) };
      await t.services.store.flush();

      if (fault === 'full') await disk.fill();
      else await disk.readOnly();

      const first = await agent.post(`/kind/${handle}/wijzigen`).type('form').send(body);
      expect(first.status, 'first post').to.equal(503);
      const again = await agent.post(`/kind/${handle}/wijzigen`).type('form').send(body);
      expect(again.status, 'the same form again').to.equal(503);
      expect(again.headers.location).to.equal(undefined);
      expect(await onDisk(disk.dir)).not.to.include('Lindelaan');
      expect(await t.services.store.collection(CHANGE_REQUESTS_COLLECTION).list()).to.deep.equal([]);

      const logs = t.logs().split('\n').filter((l) => l.includes('store file write failed'));
      expect(logs.length, 'one error line per failing file').to.be.greaterThan(0);
      const line = JSON.parse(logs[0]!) as { level: number; file: string; reason: string };
      expect(line.level).to.equal(50);
      expect(line.file).to.include(disk.dir);
      expect(line.reason).to.equal(fault === 'full' ? 'ENOSPC' : 'EROFS');

      const child = await agent.get(`/kind/${handle}`);
      expect(child.status, 'a view that cannot be audited is not shown').to.equal(503);

      const ready = await agent.get('/readyz');
      expect(ready.status).to.equal(503);
      expect(ready.text).not.to.include(disk.dir);
      const status = await operator.get('/beheer/status');
      expect(status.status).to.equal(200);
      expect(status.text).to.include(fault === 'full' ? 'schijf vol' : 'schijf alleen-lezen');
      expect(status.text).not.to.include(disk.dir);

      if (fault === 'full') await disk.free();
      else await disk.readWrite();
      await healthy(t.services.store);
      const sent = await sendCorrection(agent, handle, body);
      expect(sent.location).not.to.include('opnieuw');
      expect(await onDisk(disk.dir)).to.include(sent.reference);
      expect((await agent.get('/readyz')).status).to.equal(200);
    });
  });
}

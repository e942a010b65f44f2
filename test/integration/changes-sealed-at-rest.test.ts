/**
 * A correction's values are not kept in plaintext next to their sealed outbox copy: after a
 * parent's address correction the raw lowdb file and the raw PostgreSQL row hold no part of the
 * new or old address, while the gateway (queue, the parent's page) reads them as before. A store
 * opened with another data key stops at boot naming OUDERPOORT_DATA_KEY; a record that does not
 * open is an error naming it, never garbage.
 */
import { expect } from 'chai';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { CHANGE_REQUESTS_COLLECTION } from '../../gateway/changes/index.ts';
import { changeRequestsCollection } from '../../gateway/changes/sealed-requests.ts';
import { loadConfig } from '../../gateway/config/index.ts';
import { createServices } from '../../gateway/services.ts';
import { createLowdbStore } from '../../gateway/store/lowdb/index.ts';
import { createPostgresStore } from '../../gateway/store/postgres/index.ts';
import type { Store } from '../../gateway/store/types.ts';
import { createTestApp, TEST_DATA_KEY, type TestApp } from '../support/app.ts';
import { manualClock } from '../support/clock.ts';
import { operatorLogin } from '../support/operator.ts';
import { createTestDatabase, type TestDatabase } from '../support/postgres.ts';
import { formFields, formValues, newAddress, parentSession, sendCorrection } from './changes.support.ts';

const NEW = ['Lindelaan', '1234ab', 'Leemdijk'];

async function correctAddress(t: TestApp): Promise<{ old: string[]; reference: string }> {
  const parent = await parentSession(t);
  const form = await parent.agent.get(`/kind/${parent.handle}/wijzigen`);
  const shown = formValues(form.text);
  const sent = await sendCorrection(parent.agent, parent.handle, { ...formFields(form.text), ...newAddress(shown) });
  await t.services.store.flush();
  return { old: [shown.street!, shown.city!].filter((v) => v.length > 3), reference: sent.reference };
}

async function expectReadable(t: TestApp, reference: string): Promise<void> {
  const [request] = await t.services.changes.list();
  expect(request!.reference).to.equal(reference);
  expect(request!.fields.map((f) => f.new)).to.include('Lindelaan');
  expect(request!.studentName).to.be.a('string').and.not.equal('');
}

describe('changes: the values are sealed at rest', function () {
  this.timeout(30_000);

  describe('lowdb', () => {
    let dir: string;
    let t: TestApp | undefined;
    afterEach(async () => {
      await t?.services.store.close();
      t = undefined;
      await rm(dir, { recursive: true, force: true });
    });

    it('keeps no old or new address in the changeRequests file, and reads it back through the gateway', async () => {
      dir = await mkdtemp(join(tmpdir(), 'ouderpoort-sealed-'));
      t = await createTestApp({ overrides: { store: createLowdbStore({ dir, flushDelayMs: 0 }) } });
      const { old, reference } = await correctAddress(t);
      const raw = await readFile(join(dir, `${CHANGE_REQUESTS_COLLECTION}.json`), 'utf8');
      expect(raw).to.include(reference);
      for (const value of [...NEW, ...old]) expect(raw, value).not.to.include(value);
      expect(raw).not.to.include('"fields"');
      await expectReadable(t, reference);
      const { agent } = await operatorLogin(t);
      expect((await agent.get('/beheer/wijzigingen')).text, 'the operator queue reads it as before').to.include('Lindelaan');
    });

    it('refuses to start on the store with another data key, naming OUDERPOORT_DATA_KEY', async () => {
      dir = await mkdtemp(join(tmpdir(), 'ouderpoort-sealed-'));
      t = await createTestApp({ overrides: { store: createLowdbStore({ dir, flushDelayMs: 0 }) } });
      await correctAddress(t);
      await t.services.store.close();
      t = undefined;
      const config = loadConfig({ file: 'config/demo.yaml', env: {}, values: { log: { level: 'silent' }, store: { lowdb: { dir } } } });
      const base = { logger: pino({ level: 'silent' }), clock: manualClock('2027-03-02T10:00:00+01:00'), sessionSecret: 's'.repeat(40) };
      let failure: unknown;
      await createServices(config, { ...base, dataKey: 'another-key-'.padEnd(48, 'z') }, { watchCalendar: false }).catch((err: unknown) => (failure = err));
      expect(String((failure as Error | undefined)?.message)).to.match(/^store\.dataKey: .*OUDERPOORT_DATA_KEY/);
    });
  });

  describe('PostgreSQL', () => {
    let db: TestDatabase;
    let t: TestApp | undefined;
    let other: Store | undefined;
    before(async () => {
      db = await createTestDatabase('sealed');
    });
    after(async () => {
      await t?.services.store.close();
      await other?.close();
      await db.drop();
    });

    it('keeps no old or new address in the documents row; another key gets an error, not garbage', async () => {
      t = await createTestApp({ overrides: { store: createPostgresStore({ url: db.url }) } });
      const { old, reference } = await correctAddress(t);
      const rows = await db.query<{ doc: unknown }>(`SELECT doc FROM documents WHERE collection = '${CHANGE_REQUESTS_COLLECTION}'`);
      expect(rows).to.have.length(1);
      const raw = JSON.stringify(rows[0]!.doc);
      expect(raw).to.include(reference);
      for (const value of [...NEW, ...old]) expect(raw, value).not.to.include(value);
      await expectReadable(t, reference);

      other = createPostgresStore({ url: db.url });
      await other.open();
      const wrong = changeRequestsCollection(other, 'another-key-'.padEnd(48, 'z'));
      let failure: unknown;
      await wrong.list().catch((err: unknown) => (failure = err));
      expect(failure).to.have.property('code', 'DATA_KEY_MISMATCH');
      expect(String((failure as Error).message)).to.match(/^changeRequests\/[^ ]+: does not open with this data key; set OUDERPOORT_DATA_KEY/);
      expect(TEST_DATA_KEY).to.not.equal('another-key-'.padEnd(48, 'z'));
    });
  });
});

import { expect } from 'chai';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { changeRequestsCollection } from '../../../gateway/changes/sealed-requests.ts';
import { loadConfig } from '../../../gateway/config/index.ts';
import { secretsWrittenIn } from '../../../gateway/config/env-secrets.ts';
import { dataKeyFor, DEMO_DATA_KEY_FILE } from '../../../gateway/data-key/index.ts';
import { createMemoryStore } from '../../../gateway/store/memory-store.ts';
import type { ChangeRequest } from '../../../gateway/changes/index.ts';

const KEY = 'k'.repeat(40);

function configFor(dir: string, demo: boolean, dataKey?: string) {
  return { demo: { enabled: demo } as never, store: { lowdb: { dir }, ...(dataKey ? { dataKey } : {}) } };
}

function request(): ChangeRequest {
  return {
    id: 'r1', reference: 'WZ-AAAA-BBBB', deliveryKey: 'd1', accountId: 'a1', guardianId: 'V1', studentId: 'L1',
    studentName: 'Sanne Berg', guardianName: 'Anna Berg', groupName: 'Groep 5',
    fields: [{ field: 'student.address.street', old: 'Dorpsstraat', new: 'Lindelaan' }],
    status: 'rejected', schoolNote: 'Klopt al.', submittedAt: '2027-03-01T10:00:00.000Z', updatedAt: '2027-03-02T10:00:00.000Z',
    history: [
      { at: '2027-03-01T10:00:00.000Z', status: 'submitted', by: 'parent' },
      { at: '2027-03-02T10:00:00.000Z', status: 'rejected', by: 'operator', actor: 'beheerder', note: 'Klopt al.' },
    ],
  };
}

describe('data key', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ouderpoort-datakey-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('comes from OUDERPOORT_DATA_KEY as store.dataKey, and a file may not set it', () => {
    const config = loadConfig({ file: 'config/demo.yaml', env: { OUDERPOORT_DATA_KEY: KEY } });
    expect(config.store.dataKey).to.equal(KEY);
    expect(dataKeyFor(config)).to.equal(KEY);
    expect(() => loadConfig({ file: 'config/demo.yaml', env: { OUDERPOORT_DATA_KEY: 'short' } })).to.throw(/store\.dataKey: expected at least 32 characters/);
    expect(secretsWrittenIn({ store: { dataKey: KEY } }, 'school.yaml')).to.deep.equal([
      'store.dataKey: is a secret and is read from the environment only; remove it from school.yaml and set OUDERPOORT_DATA_KEY',
    ]);
  });

  it('stops a production start without it, naming the variable', () => {
    expect(() => dataKeyFor(configFor(dir, false))).to.throw(/^store\.dataKey is not set: set OUDERPOORT_DATA_KEY/);
  });

  it('makes the demo its own key once, kept beside the demo store (0600), the same at the next start', async () => {
    const first = dataKeyFor(configFor(dir, true));
    expect(first.length).to.be.at.least(32);
    expect(dataKeyFor(configFor(dir, true))).to.equal(first);
    expect((await readFile(join(dir, DEMO_DATA_KEY_FILE), 'utf8')).trim()).to.equal(first);
    expect((await stat(join(dir, DEMO_DATA_KEY_FILE))).mode & 0o777).to.equal(0o600);
    expect(dataKeyFor(configFor(dir, true, KEY)), 'the variable wins').to.equal(KEY);
    await writeFile(join(dir, DEMO_DATA_KEY_FILE), 'short\n');
    expect(() => dataKeyFor(configFor(dir, true))).to.throw(/demo data key is shorter than 32/);
  });
});

describe('change requests: sealed collection', () => {
  it('seals the values, names and notes; keeps ids, status and dates readable; opens to the same record', async () => {
    const store = createMemoryStore();
    await store.open();
    const requests = changeRequestsCollection(store, KEY);
    await requests.put(request());
    const [raw] = await store.collection<{ id: string } & Record<string, unknown>>('changeRequests').list();
    const text = JSON.stringify(raw);
    for (const secret of ['Lindelaan', 'Dorpsstraat', 'Sanne', 'Anna', 'Groep 5', 'Klopt al']) expect(text, secret).not.to.include(secret);
    expect(raw).to.include({ id: 'r1', reference: 'WZ-AAAA-BBBB', status: 'rejected', studentId: 'L1' });
    expect((raw!.history as Array<{ at: string }>).map((h) => h.at)).to.deep.equal(request().history.map((h) => h.at));
    expect(await requests.get('r1')).to.deep.equal(request());
    expect(await requests.list((r) => r.schoolNote === 'Klopt al.')).to.deep.equal([request()]);
    await store.close();
  });

  it('reads a record stored before sealing and seals it on resealPlain()', async () => {
    const store = createMemoryStore();
    await store.open();
    await store.collection<ChangeRequest>('changeRequests').put(request());
    const requests = changeRequestsCollection(store, KEY);
    expect(await requests.get('r1')).to.deep.equal(request());
    expect(await requests.resealPlain()).to.equal(1);
    expect(await requests.resealPlain()).to.equal(0);
    expect(JSON.stringify(await store.collection('changeRequests').list())).not.to.include('Lindelaan');
    expect(await requests.get('r1')).to.deep.equal(request());
    await store.close();
  });

  it('does not open a record copied onto another id', async () => {
    const store = createMemoryStore();
    await store.open();
    await changeRequestsCollection(store, KEY).put(request());
    const raw = store.collection<{ id: string }>('changeRequests');
    await raw.put({ ...(await raw.get('r1'))!, id: 'r2' });
    let failure: unknown;
    await changeRequestsCollection(store, KEY).get('r2').catch((err: unknown) => (failure = err));
    expect(failure).to.have.property('code', 'DATA_KEY_MISMATCH');
    await store.close();
  });
});

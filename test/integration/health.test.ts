/** /healthz and /readyz on the real app, with real faults: a store closed, PostgreSQL cut off or hanging. */
import { expect } from 'chai';
import { copyFileSync, writeFileSync } from 'node:fs';
import request from 'supertest';
import { createPostgresStore } from '../../gateway/store/postgres/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createTestDatabase, type TestDatabase } from '../support/postgres.ts';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.ts';
import { tempDir, type TempDir } from '../unit/config/temp-files.ts';

describe('health and readiness probes', function () {
  this.timeout(30_000);

  describe('on the default store', () => {
    let t: TestApp;
    let tmp: TempDir;
    beforeEach(async () => {
      tmp = tempDir();
      const calendar = tmp.write('calendar.yaml', '');
      copyFileSync('config/calendar.yaml', calendar);
      t = await createTestApp({ values: { calendar: { file: calendar } } });
    });
    afterEach(async () => {
      await t.services.store.close();
      t.services.calendar.close();
      tmp.remove();
    });

    it('answers /healthz and /readyz without a session cookie or a log line', async () => {
      const live = await request(t.app).get('/healthz');
      expect(live.status).to.equal(200);
      expect(live.body).to.deep.equal({ status: 'ok' });
      const ready = await request(t.app).get('/readyz');
      expect(ready.status).to.equal(200);
      expect(ready.body).to.deep.equal({ ready: true, checks: { store: 'ok', calendar: 'ok', shutdown: 'ok' } });
      for (const res of [live, ready]) {
        expect(res.headers['set-cookie']).to.equal(undefined);
        expect(res.headers['cache-control']).to.equal('no-store');
      }
      expect(t.logs()).to.not.include('/readyz').and.not.include('/healthz');
    });

    it('is not ready once shutting down, while still alive', async () => {
      t.services.readiness.markShuttingDown();
      const ready = await request(t.app).get('/readyz');
      expect(ready.status).to.equal(503);
      expect(ready.body.checks).to.include({ shutdown: 'shutting-down', store: 'ok' });
      expect((await request(t.app).get('/healthz')).status).to.equal(200);
    });

    it('is not ready when the store is closed', async () => {
      await t.services.store.close();
      const ready = await request(t.app).get('/readyz');
      expect(ready.status).to.equal(503);
      expect(ready.body).to.deep.include({ ready: false });
      expect(ready.body.checks.store).to.equal('unreachable');
      expect(t.logs()).to.include('not ready');
    });

    it('reports a calendar file edited into an invalid state, and stays ready on the last good calendar', async () => {
      writeFileSync(t.services.config.calendar.file, 'schoolYear: [not, a, calendar\n');
      await t.services.calendar.reload();
      const ready = await request(t.app).get('/readyz');
      expect(ready.status).to.equal(200);
      expect(ready.body.checks).to.include({ calendar: 'stale-invalid-file', store: 'ok' });
    });
  });

  describe('on PostgreSQL behind a connection that fails', () => {
    let db: TestDatabase;
    let proxy: TcpProxy;
    let t: TestApp;
    before(async () => {
      db = await createTestDatabase('readyz');
    });
    after(async () => {
      await db.drop();
    });
    beforeEach(async () => {
      proxy = await startTcpProxy({ host: '127.0.0.1', port: Number(new URL(db.url).port || 5432) });
      const url = new URL(db.url);
      url.port = String(proxy.port);
      t = await createTestApp({ overrides: { store: createPostgresStore({ url: url.toString(), poolSize: 2 }) } });
    });
    afterEach(async () => {
      await proxy.restore();
      await t.services.store.close();
      await proxy.close();
    });

    it('is not ready while PostgreSQL cannot be reached, and ready again when it is back', async () => {
      expect((await request(t.app).get('/readyz')).status).to.equal(200);
      await proxy.cut();
      const down = await request(t.app).get('/readyz');
      expect(down.status).to.equal(503);
      expect(down.body.checks.store).to.equal('unreachable');
      expect(JSON.stringify(down.body)).to.not.include('postgres');
      expect((await request(t.app).get('/healthz')).status).to.equal(200);
      await proxy.restore();
      expect((await request(t.app).get('/readyz')).status).to.equal(200);
    });

    it('is not ready when PostgreSQL stops answering (the probe gives up, it does not hang)', async () => {
      proxy.hang();
      const res = await request(t.app).get('/readyz');
      expect(res.status).to.equal(503);
      expect(res.body.checks.store).to.equal('timeout');
    });
  });
});

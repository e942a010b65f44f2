/**
 * Boot while the SIS is down: the gateway starts, serves its login page and what the store has,
 * and provisions the accounts once the SIS is back (retried with backoff) — it does not exit.
 */
import { expect } from 'chai';
import { Writable } from 'node:stream';
import request from 'supertest';
import { boot, type Booted } from '../../gateway/boot.ts';
import { loadConfig } from '../../gateway/config/index.ts';
import { createLogger } from '../../gateway/logger.ts';
import { createMemoryStore } from '../../gateway/store/memory-store.ts';
import { CHEAP_HASHER } from '../support/app.ts';
import { manualClock } from '../support/clock.ts';

describe('boot while the SIS is down', function () {
  this.timeout(90_000);
  let booted: Booted | undefined;
  afterEach(async () => {
    await booted?.stop();
    booted = undefined;
  });

  it('starts, serves the login page, and provisions the accounts with backoff once the SIS is back', async () => {
    const outage = { from: '2027-03-01T09:00:00Z', to: '2027-03-01T10:00:00Z' };
    const config = loadConfig({
      file: 'config/demo.yaml', env: {},
      values: {
        log: { level: 'info' }, server: { port: 0, host: '127.0.0.1' }, demo: { idp: { port: 0 } },
        // The retries during the outage open the circuit; a short cool-down lets its probe find
        // the SIS back within the test (the default is longer than the test's timeout).
        sis: { stack: [{ adapter: 'mock', config: { outage } }], circuit: { coolDown: '1s' } },
      },
    });
    let logs = '';
    const sink = new Writable({ write(chunk, _enc, cb) { logs += String(chunk); cb(); } });
    const clock = manualClock('2027-03-01T09:30:00Z');
    const store = createMemoryStore();
    booted = await boot(config, { logger: createLogger(config, sink), clock }, { store, hasher: CHEAP_HASHER, watchCalendar: false }, {
      provisionRetry: { baseMs: 10, maxMs: 40 },
    });
    expect(booted.provisioning.done).to.equal(false);
    expect((await request(booted.server).get('/inloggen')).status).to.equal(200);
    expect(logs).to.include('account provisioning failed');
    expect(await store.accounts.list()).to.deep.equal([]);

    clock.set('2027-03-01T10:00:01Z');
    await booted.provisioning.succeeded;
    expect(booted.provisioning.done).to.equal(true);
    expect((await store.accounts.list()).length).to.be.greaterThan(100);
    expect(booted.demoLogins.length).to.be.greaterThan(0);
    expect(logs).to.include('accounts provisioned after the SIS came back');
  });
});

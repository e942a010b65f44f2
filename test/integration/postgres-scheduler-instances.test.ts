/**
 * Two real gateway processes on one PostgreSQL database both catch up a calendar event they
 * missed (the invitation day, passed while neither ran), at the same moment: the invitations job
 * runs once. The moment is forced: the test holds a lock that lets both instances look for the
 * job's run record but not write it, and lets go once both wait to write it — the race two
 * instances behind a balancer run into when they tick together.
 */
import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createPostgresStore } from '../../gateway/store/postgres/index.ts';
import { startGateway, until, writeDemoConfig, type GatewayProcess } from '../support/gateway-process.ts';
import { createTestDatabase, type TestDatabase } from '../support/postgres.ts';

const DAY = 86_400_000;
/** "YYYY-MM-DDTHH:MM" in Amsterdam, as the calendar writes a moment. */
const localMinute = (at: Date) => new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
}).format(at).replace(' ', 'T');


describe('two gateway instances catch up one calendar event', function () {
  this.timeout(240_000);
  let dir: string;
  let db: TestDatabase;
  let gateways: GatewayProcess[] = [];

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ouderpoort-scheduler-'));
    db = await createTestDatabase('scheduler_instances');
  });
  after(async () => {
    await Promise.all(gateways.map((g) => g.stop()));
    await db?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('runs the invitations job once although both instances process the event at the same moment', async () => {
    const now = Date.now();
    const calendarFile = join(dir, 'calendar.yaml');
    const demoCalendar = readFileSync(new URL('../../config/calendar.yaml', import.meta.url), 'utf8');
    const moved = demoCalendar.replace(/(id: uitnodigingen\n\s+kind: invitations\n\s+at: )\S+/, `$1${localMinute(new Date(now - DAY))}`);
    expect(moved).to.not.equal(demoCalendar);
    writeFileSync(calendarFile, moved);
    // The schema, and the scheduler's place two days back: the invitation day passed while no instance ran.
    const store = createPostgresStore({ url: db.url, poolSize: 1 });
    await store.open();
    await store.collection<{ id: string; processedUntil: string; updatedAt: string }>('policyState').put({ id: 'events', processedUntil: new Date(now - 2 * DAY).toISOString(), updatedAt: new Date(now - 2 * DAY).toISOString() });
    await store.close();

    const lock = new pg.Client({ connectionString: db.url });
    await lock.connect();
    await lock.query('BEGIN');
    // Reads go on, writes to documents wait: both instances find no run record, then both wait to write one.
    await lock.query('LOCK TABLE documents IN SHARE MODE');
    const config = writeDemoConfig(dir, 'school', {
      store: { kind: 'postgres' }, demo: { startAt: null, idp: { enabled: false } }, operators: { oidc: { enabled: false } },
      log: { level: 'info' }, calendar: { file: calendarFile },
    });
    const env = { OUDERPOORT_DATABASE_URL: db.url, OUDERPOORT_SESSION_SECRET: 'een-agenda-twee-instanties-'.repeat(2) };
    const starting = [startGateway(config, env), startGateway(config, env)];
    const waiting = async () => Number((await db.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'
       AND query LIKE 'INSERT INTO documents%'`,
    ))[0]!.n);
    try {
      await until('both instances waiting to write the run record', async () => (await waiting()) === 2, 120_000);
    } finally {
      await lock.query('COMMIT');
      await lock.end();
    }
    gateways = await Promise.all(starting);

    const runs = () => db.query<{ outcome: string; instance: string }>(
      "SELECT doc->>'outcome' AS outcome, doc->>'instance' AS instance FROM documents WHERE collection = 'jobRuns' AND doc->>'job' = 'accounts.invitations'",
    );
    await until('the invitations run to end', async () => (await runs()).some((r) => r.outcome !== 'running'), 60_000);
    const [run] = await runs();
    expect(run!.outcome).to.equal('succeeded');
    // Both logs, read once the run is over: the job says "invitations queued" each time it runs.
    const ran = gateways.map((g) => g.stdout().split('\n').filter((line) => line.includes('"msg":"invitations queued"')).length);
    expect(ran.reduce((a, b) => a + b, 0), `runs per instance: ${ran.join(', ')}`).to.equal(1);
  });
});

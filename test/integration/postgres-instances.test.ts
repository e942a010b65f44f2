/**
 * Two real gateway processes on one PostgreSQL database, as behind a load balancer: a session
 * started on one instance is the same session on the other, and ending it on one ends it on both;
 * failed logins count towards one limit whichever instance they reach.
 */
import { expect } from 'chai';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { csrfFrom, DEMO } from '../support/app.ts';
import { startGateway, writeDemoConfig, type GatewayProcess } from '../support/gateway-process.ts';
import { createTestDatabase, type TestDatabase } from '../support/postgres.ts';

/** The Cookie header that carries the agent's session to another instance. */
function sessionCookie(res: { headers: Record<string, unknown> }): string {
  const cookies = (res.headers['set-cookie'] as string[] | undefined) ?? [];
  const session = cookies.map((c) => c.split(';')[0]!).filter((c) => c.includes('='));
  expect(session, 'a session cookie').to.have.length.above(0);
  return session.join('; ');
}

describe('two gateway instances on one PostgreSQL database', function () {
  // Each process starts TypeScript through tsx and hashes the demo passwords, on a busy machine.
  this.timeout(180_000);
  let dir: string;
  let db: TestDatabase;
  const gateways: GatewayProcess[] = [];

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ouderpoort-instances-'));
    db = await createTestDatabase('instances');
    // The system clock on both (no demo.startAt, which shifts each process's clock from its own start):
    // instances behind one balancer share the time.
    // No demo identity provider: it listens on a fixed port, and two instances would share one anyway.
    const config = writeDemoConfig(dir, 'school', {
      store: { kind: 'postgres' }, demo: { startAt: null, idp: { enabled: false } }, operators: { oidc: { enabled: false } },
    });
    const env = { OUDERPOORT_DATABASE_URL: db.url, OUDERPOORT_SESSION_SECRET: 'twee-instanties-een-geheim-'.repeat(2), OUDERPOORT_DATA_KEY: 'twee-instanties-een-sleutel-'.repeat(2) };
    // One after the other: each boot resets the demo logins (demo mode), so B must not reset A's work later.
    gateways.push(await startGateway(config, env));
    gateways.push(await startGateway(config, env));
  });

  after(async () => {
    await Promise.all(gateways.map((g) => g.stop()));
    await db?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('logs in on A, continues on B, logs out on A, and B refuses the session', async () => {
    const [a, b] = gateways.map((g) => g.url) as [string, string];
    const loginPage = await request(a).get('/inloggen');
    const login = await request(a).post('/inloggen').set('Cookie', sessionCookie(loginPage)).type('form')
      .send({ _csrf: csrfFrom(loginPage.text), username: DEMO.parent.username, password: DEMO.parent.password });
    expect(login.status).to.equal(303);
    const cookie = sessionCookie(login);

    // B knows the session A started: the parent's own dashboard, with both children.
    const onB = await request(b).get('/').set('Cookie', cookie);
    expect(onB.status).to.equal(200);
    const handles = [...onB.text.matchAll(/href="\/kind\/([A-Za-z0-9_-]{16})"/g)].map((m) => m[1]);
    expect(new Set(handles).size).to.equal(2);
    // A child's page on B, and its CSRF token (kept in the shared session) works on A.
    const child = await request(b).get(`/kind/${handles[0]}`).set('Cookie', cookie);
    expect(child.status).to.equal(200);

    const logout = await request(a).post('/uitloggen').set('Cookie', cookie).type('form').send({ _csrf: csrfFrom(child.text) });
    expect(logout.status).to.equal(303);

    const afterLogout = await request(b).get('/').set('Cookie', cookie);
    expect(afterLogout.status).to.be.oneOf([302, 303]);
    expect(afterLogout.headers.location).to.match(/\/inloggen/);
    const childAfter = await request(b).get(`/kind/${handles[0]}`).set('Cookie', cookie);
    expect(childAfter.status).to.not.equal(200);
    expect(await db.query('SELECT sid FROM sessions WHERE account_id IS NOT NULL')).to.deep.equal([]);
  });

  it('counts failed logins on both instances towards one limit', async () => {
    const [a, b] = gateways.map((g) => g.url) as [string, string];
    const attempt = async (url: string, password: string) => {
      const page = await request(url).get('/inloggen');
      return request(url).post('/inloggen').set('Cookie', sessionCookie(page)).type('form')
        .send({ _csrf: csrfFrom(page.text), username: DEMO.separated.username, password });
    };
    // Five failures, spread so that neither instance alone has seen enough to throttle (3 and 2).
    for (const url of [a, b, a, b, a]) expect((await attempt(url, 'fout wachtwoord')).status).to.equal(401);
    const right = await attempt(b, DEMO.separated.password);
    expect(right.status, 'B knows the failures A counted').to.equal(429);
    expect(Number(right.headers['retry-after'])).to.be.above(0);
  });
});

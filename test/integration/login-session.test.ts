/** Login, logout, session lifetime and CSRF, through the real app. */
import { expect } from 'chai';
import request from 'supertest';
import { createTestApp, csrfFrom, DEMO, type TestApp } from '../support/app.ts';
import { cookieValue, loginAs, tokenFor } from '../support/agent.ts';

const COOKIE = 'ouderpoort';

describe('login and sessions', () => {
  let t: TestApp;
  beforeEach(async () => { t = await createTestApp(); });

  it('logs a parent in and shows their dashboard', async () => {
    const { agent, status, location } = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
    expect(status).to.equal(303);
    expect(location).to.equal('/');
    const dash = await agent.get('/');
    expect(dash.status).to.equal(200);
    expect(dash.text).to.include('/kind/');
  });

  it('starts a new session id at login', async () => {
    const agent = request.agent(t.app);
    const page = await agent.get('/inloggen');
    const before = cookieValue(page, COOKIE);
    expect(before, 'a session exists before login (it holds the CSRF token)').to.be.a('string');
    const res = await agent.post('/inloggen').type('form')
      .send({ _csrf: csrfFrom(page.text), username: DEMO.parent.username, password: DEMO.parent.password });
    const after = cookieValue(res, COOKIE);
    expect(after).to.be.a('string').and.not.equal(before);
    // The pre-login session id no longer opens anything.
    const old = await request(t.app).get('/').set('Cookie', `${COOKIE}=${before}`);
    expect(old.status).to.equal(303);
    expect(old.headers.location).to.equal('/inloggen');
  });

  it('answers an unknown user exactly like a wrong password', async () => {
    const wrong = await loginPage(t, DEMO.parent.username);
    const unknown = await loginPage(t, 'nobody.here');
    expect(wrong.status).to.equal(401);
    expect(unknown.status).to.equal(401);
    // Same page but for the echoed username and the per-request token and id.
    const normalise = (html: string, username: string) => html
      .replaceAll(username, 'USERNAME').replace(/value="[^"]{30,}"/g, '').replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '');
    expect(normalise(wrong.text, DEMO.parent.username)).to.equal(normalise(unknown.text, 'nobody.here'));
  });

  it('makes the old cookie useless after logout', async () => {
    const { agent } = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
    const dash = await agent.get('/');
    const sid = cookieValue(await agent.get('/inloggen'), COOKIE) ?? '';
    const logout = await agent.post('/uitloggen').type('form').send({ _csrf: csrfFrom(dash.text) });
    expect(logout.status).to.equal(303);
    expect(logout.headers.location).to.equal('/inloggen');
    const replay = await request(t.app).get('/').set('Cookie', `${COOKIE}=${sid}`);
    expect(replay.status).to.equal(303);
    expect(replay.headers.location).to.equal('/inloggen');
    expect(await t.services.store.sessions.purgeExpired(new Date(8.64e15))).to.equal(0);
  });

  it('refuses a POST without or with a wrong CSRF token, and changes nothing', async () => {
    const { agent } = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
    const before = await t.services.store.accounts.findByUsername(DEMO.parent.username);
    const body = { currentPassword: DEMO.parent.password, newPassword: 'een heel nieuw wachtwoord voor mij', confirmPassword: 'een heel nieuw wachtwoord voor mij' };
    const none = await agent.post('/account/wachtwoord').type('form').send(body);
    const bad = await agent.post('/account/wachtwoord').type('form').send({ ...body, _csrf: 'x'.repeat(43) });
    expect(none.status).to.equal(403);
    expect(bad.status).to.equal(403);
    expect(none.text).to.include(none.headers['x-request-id']);
    const after = await t.services.store.accounts.findByUsername(DEMO.parent.username);
    expect(after?.passwordHash).to.equal(before?.passwordHash);
    // And with the token it works.
    const ok = await agent.post('/account/wachtwoord').type('form').send({ ...body, _csrf: await tokenFor(agent) });
    expect(ok.status).to.equal(303);
  });

  it('ends a session idle for more than 30 minutes', async () => {
    const { agent } = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
    t.clock.advance(29 * 60_000);
    expect((await agent.get('/')).status).to.equal(200);
    t.clock.advance(29 * 60_000);
    expect((await agent.get('/')).status, 'activity keeps it alive').to.equal(200);
    t.clock.advance(31 * 60_000);
    const res = await agent.get('/');
    expect(res.status).to.equal(303);
    expect(res.headers.location).to.equal('/inloggen');
  });

  it('ends a session 12 hours after login however active', async () => {
    const { agent } = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
    for (let i = 0; i < 24; i++) {
      t.clock.advance(29 * 60_000);
      expect((await agent.get('/hulp')).status, `after ${(i + 1) * 29} min`).to.equal(200);
    }
    t.clock.advance(29 * 60_000);
    expect((await agent.get('/hulp')).status).to.equal(303);
  });

  it('sets a __Host- cookie that is HttpOnly, Secure and SameSite=Lax when secure', async () => {
    const secure = await createTestApp({ values: { server: { secureCookies: true, trustProxy: 1 } } });
    const res = await request(secure.app).get('/inloggen').set('X-Forwarded-Proto', 'https');
    const cookie = ((res.headers['set-cookie'] as unknown as string[]) ?? []).find((c) => c.startsWith('__Host-ouderpoort='));
    expect(cookie).to.be.a('string');
    expect(cookie).to.match(/; Path=\//).and.match(/; HttpOnly/).and.match(/; Secure/).and.match(/; SameSite=Lax/);
    expect(cookie).not.to.match(/Domain=/i);
  });
});

async function loginPage(t: TestApp, username: string) {
  const agent = request.agent(t.app);
  const page = await agent.get('/inloggen');
  return agent.post('/inloggen').type('form').send({ _csrf: csrfFrom(page.text), username, password: 'not the right password at all' });
}

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

  it('stores no session for a visitor who is not logged in; the login form is still CSRF-protected', async () => {
    const storedSessions = () => t.services.store.sessions.purgeExpired(new Date(8.64e15));
    for (let i = 0; i < 20; i++) {
      const page = await request(t.app).get('/inloggen');
      expect(cookieValue(page, COOKIE), 'no session cookie').to.equal(undefined);
      await request(t.app).get('/wachtwoord-vergeten');
    }
    expect(await storedSessions(), '20 GETs, no record').to.equal(0);
    // A failed login stores nothing either.
    const agent = request.agent(t.app);
    const page = await agent.get('/inloggen');
    const failed = await agent.post('/inloggen').type('form').send({ _csrf: csrfFrom(page.text), username: DEMO.parent.username, password: 'wrong wrong wrong wrong' });
    expect(failed.status).to.equal(401);
    expect(await storedSessions()).to.equal(0);
    // Without the double-submit cookie, or with a token of another cookie, the form is refused.
    const bare = await request(t.app).post('/inloggen').type('form').send({ _csrf: csrfFrom(page.text), username: DEMO.parent.username, password: DEMO.parent.password });
    expect(bare.status).to.equal(403);
    const other = await request(t.app).get('/inloggen');
    const forged = await request(t.app).post('/inloggen').set('Cookie', ((other.headers['set-cookie'] as unknown as string[]) ?? []).map((c) => c.split(';')[0]).join('; '))
      .type('form').send({ _csrf: csrfFrom(page.text), username: DEMO.parent.username, password: DEMO.parent.password });
    expect(forged.status).to.equal(403);
    const ok = await agent.post('/inloggen').type('form').send({ _csrf: csrfFrom(failed.text), username: DEMO.parent.username, password: DEMO.parent.password });
    expect(ok.status).to.equal(303);
    expect(cookieValue(ok, COOKIE)).to.be.a('string');
  });

  it('stores a session under a hash of its id: a copied store opens nothing', async () => {
    const { agent } = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
    const account = (await t.services.store.accounts.findByUsername(DEMO.parent.username))!;
    const [record] = await t.services.store.sessions.listByAccount(account.id, t.clock.now());
    expect(record).to.not.equal(undefined);
    const cookie = decodeURIComponent(cookieValue(await agent.get('/account'), COOKIE) ?? '') || undefined;
    // The record's key is not the id the browser holds; presenting the key as a cookie opens nothing.
    const replay = await request(t.app).get('/').set('Cookie', `${COOKIE}=${record!.sid}`);
    expect(replay.status).to.equal(303);
    expect(replay.headers.location).to.equal('/inloggen');
    if (cookie) expect(cookie).to.not.include(record!.sid);
    expect((await agent.get('/')).status).to.equal(200);
  });

  it('deletes expired sessions from the store', async () => {
    await loginAs(t, DEMO.parent.username, DEMO.parent.password);
    t.clock.advance(13 * 3_600_000);
    // The next write purges (at most every 10 minutes).
    await loginAs(t, DEMO.separated.username, DEMO.separated.password);
    expect(await t.services.store.sessions.purgeExpired(new Date(t.clock.now().getTime() + 1)), 'only the new one was left').to.equal(0);
    expect(await t.services.store.sessions.purgeExpired(new Date(8.64e15))).to.equal(1);
  });

  it('answers logout with Clear-Site-Data', async () => {
    const { agent } = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
    const logout = await agent.post('/uitloggen').type('form').send({ _csrf: await tokenFor(agent, '/') });
    expect(logout.status).to.equal(303);
    expect(logout.headers['clear-site-data']).to.equal('"cache", "cookies", "storage"');
  });

  it('refuses a POST the browser marks cross-site, even with a valid token', async () => {
    const { agent } = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
    const token = await tokenFor(agent, '/');
    const refused = await agent.post('/uitloggen').set('Sec-Fetch-Site', 'cross-site').type('form').send({ _csrf: token });
    expect(refused.status).to.equal(403);
    expect((await agent.get('/')).status, 'still logged in').to.equal(200);
    const same = await agent.post('/uitloggen').set('Sec-Fetch-Site', 'same-origin').type('form').send({ _csrf: token });
    expect(same.status).to.equal(303);
  });

  it('answers an unknown user exactly like a wrong password', async () => {
    const wrong = await loginPage(t, DEMO.parent.username);
    const unknown = await loginPage(t, 'nobody.here');
    expect(wrong.status).to.equal(401);
    expect(unknown.status).to.equal(401);
    // Same page but for the echoed username and the per-request token and id.
    const normalise = (html: string, username: string) => html
      .replaceAll(username, 'USERNAME').replace(/value="[^"]{30,}"/g, '').replace(/[2-9A-HJKMNP-TW-Z]{5}-[2-9A-HJKMNP-TW-Z]{5}/g, '');
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
    const agent = request.agent(secure.app);
    const page = await agent.get('/inloggen').set('X-Forwarded-Proto', 'https');
    const csrfCookie = ((page.headers['set-cookie'] as unknown as string[]) ?? []).find((c) => c.startsWith('__Host-ouderpoort-csrf='));
    expect(csrfCookie).to.match(/; Secure/).and.match(/; HttpOnly/);
    const res = await agent.post('/inloggen').set('X-Forwarded-Proto', 'https').set('Cookie', csrfCookie!.split(';')[0]!).type('form')
      .send({ _csrf: csrfFrom(page.text), username: DEMO.parent.username, password: DEMO.parent.password });
    expect(res.status).to.equal(303);
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

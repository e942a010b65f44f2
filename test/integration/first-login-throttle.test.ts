/** The forced first-login change and the login throttle, through the real app. */
import { expect } from 'chai';
import { createTestApp, csrfFrom, DEMO, type TestApp } from '../support/app.ts';
import { loginAs } from '../support/agent.ts';

const NEW_PASSWORD = 'onze kat slaapt graag in de zon';

describe('first login', () => {
  let t: TestApp;
  beforeEach(async () => { t = await createTestApp(); });

  it('forces the password choice before any other page, then lets the new password in and the secret not', async () => {
    const { agent, status, location } = await loginAs(t, DEMO.firstLogin.username, DEMO.firstLogin.secret);
    expect(status).to.equal(303);
    expect(location).to.equal('/eerste-keer');
    for (const path of ['/', '/account', '/hulp', '/kind/AAAAAAAAAAAAAAAA']) {
      const res = await agent.get(path);
      expect(res.status, path).to.equal(303);
      expect(res.headers.location, path).to.equal('/eerste-keer');
    }
    const form = await agent.get('/eerste-keer');
    expect(form.status).to.equal(200);
    // A POST elsewhere is refused too.
    const sneaky = await agent.post('/account/wachtwoord').type('form').send({ _csrf: csrfFrom(form.text) });
    expect(sneaky.status).to.equal(303);

    const short = await agent.post('/eerste-keer').type('form')
      .send({ _csrf: csrfFrom(form.text), newPassword: 'te kort', confirmPassword: 'te kort', username: 'mijn.naam' });
    expect(short.status).to.equal(422);
    expect(short.text).to.include('value="mijn.naam"');
    expect(short.text).not.to.include('te kort"');

    const done = await agent.post('/eerste-keer').type('form')
      .send({ _csrf: csrfFrom(short.text), newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD, username: 'mijn.naam' });
    expect(done.status).to.equal(303);
    expect(done.headers.location).to.equal('/');
    expect((await agent.get('/')).status).to.equal(200);

    expect((await loginAs(t, 'mijn.naam', DEMO.firstLogin.secret)).status, 'secret used up').to.equal(401);
    expect((await loginAs(t, DEMO.firstLogin.username, DEMO.firstLogin.secret)).status, 'old username gone').to.equal(401);
    const again = await loginAs(t, 'mijn.naam', NEW_PASSWORD);
    expect(again.status).to.equal(303);
    expect(again.location).to.equal('/');
  });

  it('refuses an expired initial secret', async () => {
    t.clock.advance(15 * 24 * 3600_000);
    expect((await loginAs(t, DEMO.firstLogin.username, DEMO.firstLogin.secret)).status).to.equal(401);
  });
});

describe('login throttling', () => {
  let t: TestApp;
  beforeEach(async () => { t = await createTestApp(); });

  it('starts after repeated failures, grows, and ends by itself', async () => {
    for (let i = 0; i < 5; i++) expect((await loginAs(t, DEMO.parent.username, 'wrong password number ' + i)).status).to.equal(401);
    const blocked = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
    expect(blocked.status, 'even the right password waits').to.equal(429);
    t.clock.advance(61_000);
    expect((await loginAs(t, DEMO.parent.username, 'still wrong password')).status).to.equal(401);
    const longer = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
    expect(longer.status, 'the next delay is longer').to.equal(429);
    t.clock.advance(61_000);
    expect((await loginAs(t, DEMO.parent.username, DEMO.parent.password)).status, 'still waiting after 1 minute').to.equal(429);
    t.clock.advance(61_000);
    const ok = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
    expect(ok.status, 'over after the delay').to.equal(303);
  });

  it('does not let failures on one account lock out another', async () => {
    for (let i = 0; i < 6; i++) await loginAs(t, DEMO.parent.username, 'wrong password number ' + i);
    expect((await loginAs(t, DEMO.separated.username, DEMO.separated.password)).status).to.equal(303);
  });
});

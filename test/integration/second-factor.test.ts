/**
 * The parents' second factor through the real app: enrolment on the account page (QR code as SVG,
 * key in text, one code, recovery codes), login with a code computed from the secret at the
 * injected clock, replay refused, the school's "required", and an operator's reset.
 */
import { expect } from 'chai';
import { resetSecondFactor } from '../../gateway/account-safety/reset-second-factor.ts';
import { totpCode } from '../../gateway/auth/second-factor/index.ts';
import { createTestApp, csrfFrom, DEMO, type TestApp } from '../support/app.ts';
import { loginAs, tokenFor, type Agent } from '../support/agent.ts';

async function enrol(t: TestApp, agent: Agent, currentPassword = '') {
  const start = await agent.post('/account/tweestaps/start').type('form').send({ _csrf: await tokenFor(agent, '/account/tweestaps'), currentPassword });
  const secret = /<code class="totp-key">([A-Z2-7]+)<\/code>/.exec(start.text)?.[1];
  return { start, secret };
}

async function confirm(t: TestApp, agent: Agent, page: string, code: string) {
  return agent.post('/account/tweestaps/bevestigen').type('form').send({ _csrf: csrfFrom(page), code });
}

describe('second factor for parents', () => {
  let t: TestApp;
  beforeEach(async () => { t = await createTestApp(); });

  async function enrolled() {
    const { agent } = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
    const { start, secret } = await enrol(t, agent);
    const done = await confirm(t, agent, start.text, totpCode(secret!, t.clock.now().getTime()));
    return { agent, secret: secret!, done };
  }

  it('enrols from the account page: QR code drawn as SVG, the key in text, one code, ten recovery codes', async () => {
    const { agent } = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
    const account = await agent.get('/account');
    expect(account.text).to.include('href="/account/tweestaps"');
    const { start, secret } = await enrol(t, agent);
    expect(start.status).to.equal(200);
    expect(start.text).to.match(/<figure class="qr-code" role="img" aria-label="[^"]+"><svg /);
    expect(secret).to.match(/^[A-Z2-7]{32}$/);
    const wrong = await confirm(t, agent, start.text, '000000');
    expect(wrong.status).to.equal(422);
    expect(wrong.text).to.include('id="error-code"');
    const done = await confirm(t, agent, wrong.text, totpCode(secret!, t.clock.now().getTime()));
    expect(done.status).to.equal(200);
    expect(done.text.match(/<li><code>[A-Z0-9-]+<\/code><\/li>/g)).to.have.length(10);
    expect((await agent.get('/account')).text).to.include('Tweestapsverificatie staat aan');
  });

  it('asks for the current password to start once the login is older than 5 minutes', async () => {
    const { agent } = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
    t.clock.advance(6 * 60_000);
    const { start } = await enrol(t, agent);
    expect(start.status).to.equal(422);
    expect(start.text).to.include('id="error-currentPassword"');
    const withPassword = await enrol(t, agent, DEMO.parent.password);
    expect(withPassword.secret).to.be.a('string');
  });

  it('then a login needs the code; a used code is refused the second time', async () => {
    const { secret } = await enrolled();
    t.clock.advance(60_000);
    const { agent, status, location } = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
    expect(status).to.equal(303);
    expect(location).to.equal('/inloggen/code');
    expect((await agent.get('/')).status, 'not logged in yet').to.equal(303);
    const codePage = await agent.get('/inloggen/code');
    const code = totpCode(secret, t.clock.now().getTime());
    const wrong = await agent.post('/inloggen/code').type('form').send({ _csrf: csrfFrom(codePage.text), code: '123456' });
    expect(wrong.status).to.equal(401);
    const ok = await agent.post('/inloggen/code').type('form').send({ _csrf: csrfFrom(wrong.text), code });
    expect(ok.status).to.equal(303);
    expect(ok.headers.location).to.equal('/');
    expect((await agent.get('/')).status).to.equal(200);

    // Someone who saw the code types it within the same 30 seconds: refused.
    const thief = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
    const page = await thief.agent.get('/inloggen/code');
    const replay = await thief.agent.post('/inloggen/code').type('form').send({ _csrf: csrfFrom(page.text), code });
    expect(replay.status).to.equal(401);
    expect((await thief.agent.get('/')).status).to.equal(303);
    const events = t.logs().split('\n').filter((l) => l.includes('"secondFactor.use"')).map((l) => JSON.parse(l) as { outcome: string });
    expect(events.map((e) => e.outcome)).to.deep.equal(['failure', 'success', 'replayed']);
    expect(t.logs()).to.not.include(code);
  });

  it('a recovery code logs in once', async () => {
    const { done } = await enrolled();
    const recovery = /<li><code>([A-Z0-9-]+)<\/code><\/li>/.exec(done.text)![1]!;
    for (const expected of [303, 401]) {
      const { agent } = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
      const page = await agent.get('/inloggen/code');
      const res = await agent.post('/inloggen/code').type('form').send({ _csrf: csrfFrom(page.text), code: recovery });
      expect(res.status).to.equal(expected);
    }
  });

  it('throttles code guesses', async () => {
    await enrolled();
    const { agent } = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
    let page = await agent.get('/inloggen/code');
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await agent.post('/inloggen/code').type('form').send({ _csrf: csrfFrom(page.text), code: String(100000 + i) });
      statuses.push(res.status);
      page = res;
    }
    expect(statuses.slice(0, 5)).to.deep.equal([401, 401, 401, 401, 401]);
    expect(statuses.at(-1)).to.equal(429);
  });

  it('where the school requires it, a parent without one sees only the enrolment after login', async () => {
    const required = await createTestApp({ values: { auth: { secondFactor: 'required' } } });
    const { agent } = await loginAs(required, DEMO.parent.username, DEMO.parent.password);
    const home = await agent.get('/');
    expect(home.status).to.equal(303);
    expect(home.headers.location).to.equal('/account/tweestaps');
    const { start, secret } = await enrol(required, agent);
    expect(start.text).to.include('De school vraagt');
    await confirm(required, agent, start.text, totpCode(secret!, required.clock.now().getTime()));
    expect((await agent.get('/')).status).to.equal(200);
    // Switching it off is not offered.
    const off = await agent.post('/account/tweestaps/uit').type('form').send({ _csrf: await tokenFor(agent), currentPassword: DEMO.parent.password });
    expect(off.status).to.equal(303);
    const account = (await required.services.store.accounts.findByUsername(DEMO.parent.username))!;
    expect((await required.services.secondFactor.status(`parent:${account.id}`)).enrolled).to.equal(true);
  });

  it('where it is required, a first login chooses a password first, then sets up the second factor', async () => {
    const required = await createTestApp({ values: { auth: { secondFactor: 'required' } } });
    const { agent, location } = await loginAs(required, DEMO.firstLogin.username, DEMO.firstLogin.secret);
    expect(location).to.equal('/eerste-keer');
    const page = await agent.get('/eerste-keer');
    const password = 'de reiger staat stil in de sloot';
    const chosen = await agent.post('/eerste-keer').type('form').send({ _csrf: csrfFrom(page.text), newPassword: password, confirmPassword: password, username: '' });
    expect(chosen.status).to.equal(303);
    const next = await agent.get('/');
    expect(next.status).to.equal(303);
    expect(next.headers.location).to.equal('/account/tweestaps');
  });

  it('an operator resets it (audited; every session ends); the parent logs in with the password alone again', async () => {
    const { agent } = await enrolled();
    const outcome = await resetSecondFactor(t.services, { parent: DEMO.parent.username }, { actor: 'cli:admin', origin: { ip: 'local', method: 'CLI' } });
    expect(outcome).to.equal('reset');
    expect((await agent.get('/')).status).to.equal(303);
    const audit = await t.services.store.audit.query({ action: 'secondFactor.reset' });
    expect(audit).to.have.length(1);
    expect(audit[0]).to.include({ actor: 'cli:admin', actorKind: 'operator' });
    const again = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
    expect(again.location).to.equal('/');
    expect(await resetSecondFactor(t.services, { parent: 'nobody' }, { actor: 'x', origin: {} })).to.equal('not-found');
  });

  it('switching it off needs the password after 5 minutes and is told to the parent', async () => {
    const { agent } = await enrolled();
    t.clock.advance(10 * 60_000);
    const refused = await agent.post('/account/tweestaps/uit').type('form').send({ _csrf: await tokenFor(agent), currentPassword: 'wrong' });
    expect(refused.status).to.equal(422);
    const ok = await agent.post('/account/tweestaps/uit').type('form').send({ _csrf: await tokenFor(agent), currentPassword: DEMO.parent.password });
    expect(ok.status).to.equal(303);
    const account = (await t.services.store.accounts.findByUsername(DEMO.parent.username))!;
    expect((await t.services.secondFactor.status(`parent:${account.id}`)).enrolled).to.equal(false);
    // Two notices: when it was switched on, and now that it is off.
    const notices = await t.services.store.collection<{ id: string }>('outbox').list((item) => item.id.startsWith('change-notice:'));
    expect(notices).to.have.length(2);
  });
});

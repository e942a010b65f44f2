/**
 * Account safety through the real app and a real SMTP server: a borrowed session cannot take the
 * account (item 1 of issue 13, walked as the attacker would), guessing across many addresses,
 * the mail allowance, the sessions list, security events, the proxy error page.
 */
import { expect } from 'chai';
import request from 'supertest';
import { createTestApp, csrfFrom, DEMO, type TestApp } from '../support/app.ts';
import { loginAs, tokenFor, type Agent } from '../support/agent.ts';
import { smtpValues, startTestSmtp, type TestSmtp } from '../support/smtp.ts';

const ATTACKER = 'aanvaller@evil.example';

async function askReset(t: TestApp, email: string) {
  const agent = request.agent(t.app);
  const form = await agent.get('/wachtwoord-vergeten');
  return agent.post('/wachtwoord-vergeten').type('form').send({ _csrf: csrfFrom(form.text), email });
}

async function changeAddress(agent: Agent, email: string, currentPassword?: string) {
  return agent.post('/account/meldingen/email').type('form')
    .send({ _csrf: await tokenFor(agent, '/account/meldingen'), email, ...(currentPassword !== undefined && { currentPassword }) });
}

const securityLines = (t: TestApp) => t.logs().split('\n').filter((l) => l.includes('"securityEvent"')).map((l) => JSON.parse(l) as Record<string, unknown>);

describe('account safety', function () {
  this.timeout(20_000);
  let smtp: TestSmtp;
  let t: TestApp;
  let sisEmail: string;

  before(async () => { smtp = await startTestSmtp(); });
  after(async () => { await smtp.stop(); });
  beforeEach(async () => {
    smtp.messages.length = 0;
    t = await createTestApp({ values: { ...smtpValues(smtp.port), server: { trustProxy: 1 } } });
    sisEmail = (await t.services.store.accounts.findByUsername(DEMO.parent.username))!.email!;
  });

  describe('no takeover from a session', () => {
    it('a borrowed session cannot set a new address without the password: the takeover fails at its first step', async () => {
      const { agent } = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
      // The parent walked away; ten minutes later someone else uses the open session.
      t.clock.advance(10 * 60_000);
      const noPassword = await changeAddress(agent, ATTACKER);
      expect(noPassword.status).to.equal(422);
      expect(noPassword.text).to.include('id="error-currentPassword"');
      const guessed = await changeAddress(agent, ATTACKER, 'maybe this is it');
      expect(guessed.status).to.equal(422);
      await t.services.delivery.runOnce();
      expect(smtp.to(ATTACKER), 'no confirmation link reaches the attacker').to.have.length(0);
      // The next steps of the path find nothing either: reset links go to the SIS address only.
      await askReset(t, ATTACKER);
      await t.services.delivery.runOnce();
      expect(smtp.to(ATTACKER)).to.have.length(0);
      const events = securityLines(t).filter((e) => e.securityEvent === 'address.change');
      expect(events.map((e) => e.outcome)).to.deep.equal(['failure', 'failure']);
    });

    it('even a confirmed address of the parent\'s own never receives a reset link', async () => {
      const { agent } = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
      expect((await changeAddress(agent, 'eigen@example.net')).status, 'fresh login: no password needed').to.equal(200);
      await t.services.delivery.runOnce();
      const link = /(\/account\/email-bevestigen\?token=[A-Za-z0-9_-]+)/.exec(smtp.to('eigen@example.net')[0]!.text)![1]!;
      const anon = request.agent(t.app);
      const page = await anon.get(link);
      await anon.post('/account/email-bevestigen').type('form').send({ _csrf: csrfFrom(page.text), token: new URL(link, 'http://x').searchParams.get('token') });
      expect((await t.services.store.accounts.findByUsername(DEMO.parent.username))!.notificationEmail).to.equal('eigen@example.net');
      await askReset(t, 'eigen@example.net');
      await askReset(t, sisEmail);
      await t.services.delivery.runOnce();
      expect(smtp.to('eigen@example.net').filter((m) => m.text.includes('wachtwoord-herstellen'))).to.have.length(0);
      expect(smtp.to(sisEmail).filter((m) => m.text.includes('wachtwoord-herstellen'))).to.have.length(1);
    });

    it('tells the previous address and the SIS address of a change, and "dit was ik niet" undoes it and ends every session', async () => {
      const first = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
      const second = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
      t.clock.advance(10 * 60_000);
      expect((await changeAddress(first.agent, 'nieuw@example.net', DEMO.parent.password)).status).to.equal(200);
      await t.services.delivery.runOnce();
      const confirmLink = /(\/account\/email-bevestigen\?token=[A-Za-z0-9_-]+)/.exec(smtp.to('nieuw@example.net')[0]!.text)![1]!;
      const anon = request.agent(t.app);
      const page = await anon.get(confirmLink);
      await anon.post('/account/email-bevestigen').type('form').send({ _csrf: csrfFrom(page.text), token: new URL(confirmLink, 'http://x').searchParams.get('token') });
      await t.services.delivery.runOnce();
      const notices = smtp.to(sisEmail).filter((m) => m.subject.startsWith('Er is iets gewijzigd'));
      expect(notices).to.have.length(1);
      expect(notices[0]!.text).to.include('e-mailadres voor berichten');
      expect(smtp.to('nieuw@example.net').filter((m) => m.subject.startsWith('Er is iets gewijzigd')), 'not to the new address').to.have.length(0);
      const undoLink = /(\/account\/dit-was-ik-niet\?token=[A-Za-z0-9_-]+)/.exec(notices[0]!.text)![1]!;

      // Six days later the parent reads the mail and undoes it.
      t.clock.advance(6 * 24 * 3_600_000);
      const again = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
      const undoPage = await request.agent(t.app).get(undoLink);
      expect(undoPage.status).to.equal(200);
      const undoAgent = request.agent(t.app);
      const form = await undoAgent.get(undoLink);
      const undone = await undoAgent.post('/account/dit-was-ik-niet').type('form')
        .send({ _csrf: csrfFrom(form.text), token: new URL(undoLink, 'http://x').searchParams.get('token') });
      expect(undone.status).to.equal(200);
      expect(undone.text).to.include('/wachtwoord-vergeten');
      expect((await t.services.store.accounts.findByUsername(DEMO.parent.username))!.notificationEmail).to.equal(undefined);
      for (const agent of [first.agent, second.agent, again.agent]) expect((await agent.get('/')).status, 'logged out').to.equal(303);
      expect((await request(t.app).get(undoLink)).status, 'single use').to.equal(410);
    });

    it('the undo link works for 7 days only', async () => {
      const { agent } = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
      const body = { currentPassword: DEMO.parent.password, newPassword: 'een heel nieuw wachtwoord voor mij', confirmPassword: 'een heel nieuw wachtwoord voor mij' };
      expect((await agent.post('/account/wachtwoord').type('form').send({ ...body, _csrf: await tokenFor(agent) })).status).to.equal(303);
      await t.services.delivery.runOnce();
      const notice = smtp.to(sisEmail).find((m) => m.subject.startsWith('Er is iets gewijzigd'))!;
      expect(notice.text).to.include('wachtwoord');
      const undoLink = /(\/account\/dit-was-ik-niet\?token=[A-Za-z0-9_-]+)/.exec(notice.text)![1]!;
      t.clock.advance(7 * 24 * 3_600_000 + 1000);
      expect((await request(t.app).get(undoLink)).status).to.equal(410);
    });

    it('limits the mails a session can cause per account per day', async () => {
      const { agent } = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await changeAddress(agent, `adres${i}@example.net`, DEMO.parent.password)).status);
      // Each request counts two mails (the confirmation and the later notice): 10 a day → 5 requests.
      expect(statuses).to.deep.equal([200, 200, 200, 200, 200, 429]);
      await t.services.delivery.runOnce();
      expect(smtp.to('adres5@example.net')).to.have.length(0);
      t.clock.advance(24 * 3_600_000);
      const tomorrow = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
      expect((await changeAddress(tomorrow.agent, 'adres6@example.net', DEMO.parent.password)).status).to.equal(200);
    });
  });

  describe('guessing across many addresses', () => {
    async function attempt(password: string, ip: string) {
      const agent = request.agent(t.app);
      const page = await agent.get('/inloggen').set('X-Forwarded-For', ip);
      return agent.post('/inloggen').set('X-Forwarded-For', ip).type('form').send({ _csrf: csrfFrom(page.text), username: DEMO.parent.username, password });
    }

    it('delays the account for everyone after failures from rotating X-Forwarded-For addresses; the right password waits too', async () => {
      for (let i = 1; i <= 20; i++) {
        const res = await attempt('not the password at all', `198.51.100.${i}`);
        expect([401, 429]).to.include(res.status);
      }
      const right = await attempt(DEMO.parent.password, '192.0.2.99');
      expect(right.status, 'the right password is refused while the delay runs').to.equal(429);
      expect(Number(right.headers['retry-after'])).to.be.above(0).and.at.most(900);
      t.clock.advance(15 * 60_000);
      expect((await attempt(DEMO.parent.password, '192.0.2.99')).status).to.equal(303);
      const throttled = securityLines(t).filter((e) => e.securityEvent === 'login' && e.outcome === 'throttled');
      expect(throttled.length).to.be.above(0);
      expect(throttled.map((e) => e.ip)).to.include('192.0.2.99');
    });

    it('after 100 consecutive failures only a password reset opens the account again', async () => {
      for (let i = 0; i < 100; i++) {
        await t.services.throttle.recordFailure({ username: DEMO.parent.username, ip: `10.1.${i >> 8}.${i & 255}` });
      }
      t.clock.advance(2 * 3_600_000);
      const refused = await attempt(DEMO.parent.password, '192.0.2.99');
      expect(refused.status).to.equal(429);
      expect(refused.text).to.include('Wachtwoord vergeten');
      await askReset(t, sisEmail);
      await t.services.delivery.runOnce();
      const link = /\/wachtwoord-herstellen\?token=([A-Za-z0-9_-]+)/.exec(smtp.to(sisEmail).at(-1)!.text)!;
      const agent = request.agent(t.app);
      const form = await agent.get(link[0]);
      const password = 'de reiger staat stil in de sloot';
      expect((await agent.post('/wachtwoord-herstellen').type('form').send({ _csrf: csrfFrom(form.text), token: link[1], newPassword: password, confirmPassword: password })).status).to.equal(303);
      expect((await attempt(password, '192.0.2.99')).status).to.equal(303);
    });
  });

  describe('security events', () => {
    it('logs logins, failures and logout with a pseudonym, the client IP and no username, address or secret', async () => {
      const agent = request.agent(t.app);
      const page = await agent.get('/inloggen');
      await agent.post('/inloggen').set('X-Forwarded-For', '203.0.113.5').type('form').send({ _csrf: csrfFrom(page.text), username: DEMO.parent.username, password: 'wrong password here' });
      const { agent: parent } = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
      await parent.post('/uitloggen').type('form').send({ _csrf: await tokenFor(parent, '/') });
      const events = securityLines(t);
      const account = (await t.services.store.accounts.findByUsername(DEMO.parent.username))!;
      const pseudonym = t.services.securityEvents.pseudonym(`parent:${account.id}`);
      expect(events.map((e) => `${e.securityEvent}:${e.outcome}`)).to.deep.equal(['login:failure', 'login:success', 'logout:success']);
      for (const e of events) {
        expect(e.subject).to.equal(pseudonym);
        expect(e.at).to.match(/Z$/);
        expect(e.method).to.equal('POST');
      }
      expect(events[0]!.ip).to.equal('203.0.113.5');
      const text = JSON.stringify(events);
      for (const secret of [DEMO.parent.username, DEMO.parent.password, account.email!, account.id, 'wrong password here']) expect(text).to.not.include(secret);
    });

    it('logs and audits a child handle that is not the viewer\'s', async () => {
      const { agent } = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
      expect((await agent.get('/kind/not-my-child-handle-at-all')).status).to.equal(404);
      const denied = securityLines(t).find((e) => e.securityEvent === 'access.denied');
      expect(denied).to.include({ outcome: 'denied', path: '/kind/not-my-child-handle-at-all' });
      const account = (await t.services.store.accounts.findByUsername(DEMO.parent.username))!;
      const audit = await t.services.store.audit.query({ action: 'access.denied' });
      expect(audit).to.have.length(1);
      expect(audit[0]).to.include({ actor: account.id, actorKind: 'parent' });
    });
  });

  describe('sessions', () => {
    it('lists the parent\'s active sessions and logs out everywhere', async () => {
      const phone = request.agent(t.app);
      const page = await phone.get('/inloggen');
      await phone.post('/inloggen').set('User-Agent', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1')
        .type('form').send({ _csrf: csrfFrom(page.text), username: DEMO.parent.username, password: DEMO.parent.password });
      t.clock.advance(5 * 60_000);
      const laptop = request.agent(t.app);
      const page2 = await laptop.get('/inloggen');
      await laptop.post('/inloggen').set('User-Agent', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0')
        .type('form').send({ _csrf: csrfFrom(page2.text), username: DEMO.parent.username, password: DEMO.parent.password });
      const accountPage = await laptop.get('/account');
      expect(accountPage.text).to.include('Safari, iOS');
      expect(accountPage.text).to.include('Firefox, Windows (dit apparaat)');
      const out = await laptop.post('/account/sessies/uitloggen').type('form').send({ _csrf: csrfFrom(accountPage.text) });
      expect(out.status).to.equal(303);
      expect(out.headers['clear-site-data']).to.equal('"cache", "cookies", "storage"');
      expect((await phone.get('/')).status).to.equal(303);
      expect((await laptop.get('/')).status).to.equal(303);
    });
  });

  describe('headers and proxy', () => {
    it('has no referrer meta tag; the header stands alone', async () => {
      const page = await request(t.app).get('/inloggen');
      expect(page.text).to.not.include('name="referrer"');
      expect(page.headers['referrer-policy']).to.equal('no-referrer');
    });

    it('a login over plain HTTP with secure cookies names server.trustProxy instead of failing silently', async () => {
      const secure = await createTestApp({ values: { server: { secureCookies: true, trustProxy: 0 } } });
      const agent = request.agent(secure.app);
      const page = await agent.get('/inloggen');
      const res = await agent.post('/inloggen').set('X-Forwarded-Proto', 'https').type('form')
        .send({ _csrf: csrfFrom(page.text), username: DEMO.parent.username, password: DEMO.parent.password });
      expect(res.status).to.equal(500);
      expect(res.text).to.include('server.trustProxy');
      expect(res.headers['set-cookie'] ?? []).to.have.length(0);
    });
  });
});

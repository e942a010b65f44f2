/** Password reset by e-mail, end to end through a real SMTP server. */
import { expect } from 'chai';
import request from 'supertest';
import { requestPasswordReset } from '../../gateway/auth/password-reset.ts';
import { hashSecret } from '../../gateway/auth/secrets.ts';
import { createMailQueue, createMailSeal, type MailMessage } from '../../gateway/mail/index.ts';
import { createOutbox } from '../../gateway/outbox/index.ts';
import type { DocumentRepo, Store } from '../../gateway/store/types.ts';
import { createTestApp, csrfFrom, DEMO, type TestApp } from '../support/app.ts';
import { loginAs } from '../support/agent.ts';
import { smtpValues, startTestSmtp, type TestSmtp } from '../support/smtp.ts';

const NEW_PASSWORD = 'de reiger staat stil in de sloot';

async function askReset(t: TestApp, email: string, ip = '203.0.113.7') {
  const agent = request.agent(t.app);
  const form = await agent.get('/wachtwoord-vergeten');
  return agent.post('/wachtwoord-vergeten').set('X-Forwarded-For', ip).type('form').send({ _csrf: csrfFrom(form.text), email });
}

function linkIn(text: string): { url: string; token: string } {
  const match = /(http:\/\/\S+\/wachtwoord-herstellen\?token=([A-Za-z0-9_-]+))/.exec(text);
  if (!match) throw new Error(`no reset link in:\n${text}`);
  return { url: match[1]!, token: match[2]! };
}

/** The reset's dependencies, counting the work done: renders, seals, outbox look-ups, flushes, writes. */
function counted(t: TestApp) {
  const work = { renders: 0, seals: 0, outboxLookups: 0, flushes: 0, writes: 0 };
  const store = new Proxy(t.services.store, {
    get(target, prop) {
      if (prop === 'flush') return async () => { work.flushes += 1; await target.flush(); };
      if (prop === 'collection') {
        return <T extends { id: string }>(name: string): DocumentRepo<T> => {
          const repo = target.collection<T>(name);
          return {
            get: async (id) => { if (name === 'outbox') work.outboxLookups += 1; return repo.get(id); },
            put: async (doc) => { work.writes += 1; await repo.put(doc); },
            list: (filter) => repo.list(filter),
            delete: (id) => repo.delete(id),
            create: (doc) => repo.create(doc),
            claim: (request) => repo.claim(request),
            putClaimed: (doc, owner, now) => repo.putClaimed(doc, owner, now),
          };
        };
      }
      const value: unknown = Reflect.get(target, prop);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  }) as Store;
  const realSeal = createMailSeal('s'.repeat(40));
  const seal = { seal: (m: MailMessage) => { work.seals += 1; return realSeal.seal(m); }, open: (text: string) => realSeal.open(text) };
  const renderer = t.services.mailRenderer;
  const mailRenderer = { render: (...args: Parameters<typeof renderer.render>) => { work.renders += 1; return renderer.render(...args); } };
  const deps = { ...t.services, store, mail: createMailQueue({ outbox: createOutbox(store, t.clock), seal }), mailRenderer };
  return { work, deps };
}

describe('password reset by e-mail', function () {
  this.timeout(20_000);
  let smtp: TestSmtp;
  let t: TestApp;
  let email: string;

  before(async () => { smtp = await startTestSmtp(); });
  after(() => smtp.stop());
  beforeEach(async () => {
    smtp.messages.length = 0;
    t = await createTestApp({ values: { ...smtpValues(smtp.port), server: { trustProxy: 1 } } });
    email = (await t.services.store.accounts.findByUsername(DEMO.parent.username))!.email!;
  });
  afterEach(() => t.services.mailer.close?.());

  it('answers a known and an unknown address alike, and mails only the known one a single-use link', async () => {
    const known = await askReset(t, email.toUpperCase());
    const unknown = await askReset(t, 'niemand@example.org');
    expect(known.status).to.equal(200);
    expect(unknown.status).to.equal(200);
    const strip = (html: string) => html.replace(/value="[^"]{30,}"/g, '').replace(/[2-9A-HJKMNP-TW-Z]{5}-[2-9A-HJKMNP-TW-Z]{5}/g, '');
    expect(strip(known.text)).to.equal(strip(unknown.text));
    expect(known.text).to.include('Als dit e-mailadres bij ons bekend is');

    await t.services.delivery.runOnce();
    expect(smtp.messages).to.have.length(1);
    const mail = smtp.messages[0]!;
    expect(mail.envelopeTo).to.deep.equal([email]);
    expect(mail.subject).to.equal('Nieuw wachtwoord kiezen voor het ouderportaal van De Bron');
    expect(mail.text).to.include(DEMO.parent.username);
    const { url, token } = linkIn(mail.text);
    expect(Buffer.from(token, 'base64url').length * 8).to.be.at.least(128);
    const stored = JSON.stringify([await t.services.store.collection('resetTokens').list(), await t.services.outbox.list()]);
    expect(stored).not.to.include(token);
    expect(stored).to.include(hashSecret(token));

    // A session elsewhere, to be ended by the reset.
    const elsewhere = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
    expect((await elsewhere.agent.get('/')).status).to.equal(200);

    const agent = request.agent(t.app);
    const page = await agent.get(new URL(url).pathname + new URL(url).search);
    expect(page.status).to.equal(200);
    const mismatch = await agent.post('/wachtwoord-herstellen').type('form')
      .send({ _csrf: csrfFrom(page.text), token, newPassword: NEW_PASSWORD, confirmPassword: 'iets anders dan dat' });
    expect(mismatch.status).to.equal(422);
    const done = await agent.post('/wachtwoord-herstellen').type('form')
      .send({ _csrf: csrfFrom(page.text), token, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(done.status).to.equal(303);
    expect(done.headers.location).to.equal('/inloggen?hersteld=1');
    expect((await request(t.app).get('/inloggen?hersteld=1')).text).to.include('Uw nieuwe wachtwoord is opgeslagen');

    const ended = await elsewhere.agent.get('/');
    expect(ended.status, 'the other session ended').to.equal(303);
    expect((await loginAs(t, DEMO.parent.username, DEMO.parent.password)).status).to.equal(401);
    expect((await loginAs(t, DEMO.parent.username, NEW_PASSWORD)).location).to.equal('/');
    const reused = await request(t.app).get(`/wachtwoord-herstellen?token=${token}`);
    expect(reused.status, 'single use').to.equal(410);
  });

  it('does the same work for an unknown address as for a known one, storing and sending nothing for it', async () => {
    const known = counted(t);
    const unknown = counted(t);
    expect(await requestPasswordReset(known.deps, email)).to.equal(1);
    expect(await requestPasswordReset(unknown.deps, 'niemand@example.org')).to.equal(0);
    const { writes: knownWrites, ...knownWork } = known.work;
    const { writes: unknownWrites, ...unknownWork } = unknown.work;
    expect(knownWork).to.deep.equal({ renders: 1, seals: 1, outboxLookups: 1, flushes: 1 });
    expect(unknownWork, 'render, seal, look-up and flush all the same').to.deep.equal(knownWork);
    expect([knownWrites, unknownWrites], 'only the known address has a token and a mail stored').to.deep.equal([2, 0]);
    expect(await t.services.outbox.list()).to.have.length(1);
    const account = (await t.services.store.accounts.findByUsername(DEMO.parent.username))!;
    expect((await t.services.store.collection<{ id: string; accountId: string }>('resetTokens').list()).map((d) => d.accountId)).to.deep.equal([account.id]);
  });

  it('lets a link expire after its lifetime (1 hour)', async () => {
    await askReset(t, email);
    await t.services.delivery.runOnce();
    const { token } = linkIn(smtp.messages[0]!.text);
    t.clock.advance(59 * 60_000);
    expect((await request(t.app).get(`/wachtwoord-herstellen?token=${token}`)).status).to.equal(200);
    t.clock.advance(2 * 60_000);
    expect((await request(t.app).get(`/wachtwoord-herstellen?token=${token}`)).status).to.equal(410);
    expect((await request(t.app).get('/wachtwoord-herstellen?token=bogus')).status).to.equal(410);
  });

  it('limits mails per address (3 an hour, same answer beyond) and requests per network', async () => {
    for (let i = 0; i < 5; i++) expect((await askReset(t, email, `198.51.100.${i}`)).status).to.equal(200);
    await t.services.delivery.runOnce();
    expect(smtp.messages).to.have.length(3);
    t.clock.advance(61 * 60_000);
    await askReset(t, email, '198.51.100.99');
    await t.services.delivery.runOnce();
    expect(smtp.messages).to.have.length(4);

    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await askReset(t, `x${i}@example.org`, '192.0.2.1')).status);
    expect(statuses.slice(0, 30).every((s) => s === 200)).to.equal(true);
    expect(statuses[30]).to.equal(429);
  });
});

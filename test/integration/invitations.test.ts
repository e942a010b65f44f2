/**
 * The invitation day, end to end: the scheduler reaches the calendar's invitations event, every
 * eligible guardian gets exactly one mail through a real SMTP server, and the code in it works
 * once — for the first login and the parent's own password — and not after it expired.
 */
import { expect } from 'chai';
import { createInvitationJob } from '../../gateway/accounts/account-jobs.ts';
import { inviteAll } from '../../gateway/accounts/invitations.ts';
import { reissueInvitation } from '../../gateway/accounts/reissue.ts';
import { createScheduler, type Scheduler } from '../../gateway/jobs/index.ts';
import { createTestApp, csrfFrom, type TestApp } from '../support/app.ts';
import { loginAs } from '../support/agent.ts';
import { smtpValues, startTestSmtp, type ReceivedMail, type TestSmtp } from '../support/smtp.ts';

const BEFORE = '2026-12-01T12:00:00+01:00';
const INVITATION_DAY = '2026-12-07T07:00:00+01:00';
const NEW_PASSWORD = 'onze kat slaapt graag in de zon';

/** Guardians the letter says get a login code: gezag over a child and an e-mail address. */
async function eligibleAddresses(t: TestApp): Promise<{ eligible: string[]; others: string[] }> {
  const eligible: string[] = [];
  const others: string[] = [];
  for await (const g of t.services.sis.allGuardians()) {
    const email = g.contacts.find((c) => c.kind === 'email')?.value;
    const gezag = g.children.some((c) => c.gezag);
    if (email && gezag) eligible.push(email.toLowerCase());
    else if (email) others.push(email.toLowerCase());
  }
  return { eligible, others };
}

function credentials(mail: ReceivedMail): { username: string; code: string } {
  const username = /Gebruikersnaam: (\S+)/.exec(mail.text)?.[1];
  const code = /Inlogcode: (\S+)/.exec(mail.text)?.[1];
  if (!username || !code) throw new Error(`no credentials in mail:\n${mail.text}`);
  return { username, code };
}

describe('invitations on the calendar\'s invitation day', function () {
  this.timeout(60_000);
  let smtp: TestSmtp;
  let t: TestApp;
  let scheduler: Scheduler;

  before(async () => { smtp = await startTestSmtp(); });
  after(() => smtp.stop());

  beforeEach(async () => {
    smtp.messages.length = 0;
    await smtp.start();
    t = await createTestApp({
      now: BEFORE,
      // No demo credentials: every account is as provisioning leaves it.
      values: { ...smtpValues(smtp.port), demo: { enabled: true, accounts: [] } },
      overrides: { random: () => 0 },
    });
    scheduler = createScheduler({
      store: t.services.store, clock: t.clock, getCalendar: () => t.services.calendar.current(), logger: t.services.logger, cronExpression: false,
    });
    scheduler.register(createInvitationJob(t.services));
    await scheduler.start();
  });
  afterEach(async () => {
    await scheduler?.stop();
    await t?.services.mailer.close?.();
  });

  it('sends nothing before the day, then exactly one invitation per eligible guardian, in Dutch, with the help moment', async () => {
    await t.services.delivery.runOnce();
    expect(smtp.messages).to.have.length(0);

    t.clock.set(INVITATION_DAY);
    const tick = await scheduler.tick();
    expect(tick.runs.map((r) => [r.job, r.outcome])).to.deep.equal([['accounts.invitations', 'succeeded']]);
    await t.services.delivery.runOnce();

    const { eligible, others } = await eligibleAddresses(t);
    expect(eligible.length).to.be.greaterThan(250);
    const received = smtp.messages.flatMap((m) => m.envelopeTo.map((a) => a.toLowerCase()));
    expect(received.length).to.equal(eligible.length);
    expect([...received].sort()).to.deep.equal([...eligible].sort());
    const stray = others.filter((a) => !eligible.includes(a));
    expect(stray.length, 'guardians without gezag with an e-mail address exist in the mock').to.be.greaterThan(0);
    expect(received.filter((a) => stray.includes(a))).to.deep.equal([]);

    const mail = smtp.messages[0]!;
    expect(mail.subject).to.equal('Uw inlogcode voor het ouderportaal van De Bron');
    expect(mail.text).to.include('maandag 14 december 2026 van 08:30 tot');
    expect(mail.text).to.match(/Inlogcode: [2-9A-Z]{5}(-[2-9A-Z]{5}){4}\n/);
    expect(mail.html).to.include(credentials(mail).code);
    // Only the code's hash is kept; the outbox holds the mail sealed.
    const stored = JSON.stringify([await t.services.store.accounts.list(), await t.services.outbox.list()]);
    expect(stored).not.to.include(credentials(mail).code);

    // A second tick, the job run by hand, another delivery pass: nothing more goes out.
    t.clock.advance(60_000);
    await scheduler.tick();
    await inviteAll({ ...t.services, accounts: t.services.store.accounts });
    await t.services.delivery.runOnce();
    expect(smtp.messages.length).to.equal(eligible.length);
  });

  it('lets the code from the mail in once, for the first login, then only the new password; an expired code fails', async () => {
    t.clock.set(INVITATION_DAY);
    await scheduler.tick();
    await t.services.delivery.runOnce();
    const [first, second] = smtp.messages;
    const { username, code } = credentials(first!);

    const login = await loginAs(t, username, code);
    expect(login.status).to.equal(303);
    expect(login.location).to.equal('/eerste-keer');
    const form = await login.agent.get('/eerste-keer');
    const chosen = await login.agent.post('/eerste-keer').type('form')
      .send({ _csrf: csrfFrom(form.text), newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD, username: '' });
    expect(chosen.status).to.equal(303);
    expect(chosen.headers.location).to.equal('/');
    expect((await login.agent.get('/')).status).to.equal(200);

    expect((await loginAs(t, username, code)).status, 'the code after use').to.equal(401);
    const again = await loginAs(t, username, NEW_PASSWORD);
    expect(again.status).to.equal(303);
    expect(again.location).to.equal('/');

    const other = credentials(second!);
    t.clock.advance(14 * 24 * 3_600_000 + 60_000);
    expect((await loginAs(t, other.username, other.code)).status, 'the code after 14 days').to.equal(401);

    // The operator re-issues: a new code by mail, the old one replaced.
    const reissued = await reissueInvitation(t.services, other.username);
    expect(reissued).to.deep.equal({ outcome: 'invited', issue: 2 });
    await t.services.delivery.runOnce();
    const fresh = smtp.messages.at(-1)!;
    expect(fresh.envelopeTo).to.deep.equal(second!.envelopeTo);
    const renewed = credentials(fresh);
    expect(renewed.code).not.to.equal(other.code);
    expect((await loginAs(t, other.username, renewed.code)).location).to.equal('/eerste-keer');
    expect(await reissueInvitation(t.services, username), 'a parent with a password resets it instead')
      .to.deep.equal({ outcome: 'skipped', reason: 'has-password' });
  });

  it('keeps the invitations in the outbox while SMTP is down and sends each once when it is back', async () => {
    await smtp.stop();
    t.clock.set(INVITATION_DAY);
    await scheduler.tick();
    const down = await t.services.delivery.runOnce();
    const { eligible } = await eligibleAddresses(t);
    expect(down.retried.length).to.equal(eligible.length);
    expect(down.delivered).to.deep.equal([]);
    expect((await t.services.outbox.list({ kind: 'mail', status: 'pending' })).length).to.equal(eligible.length);

    await smtp.start();
    t.clock.advance(60 * 60_000);
    const back = await t.services.delivery.runOnce();
    expect(back.delivered.length).to.equal(eligible.length);
    t.clock.advance(24 * 60 * 60_000);
    await scheduler.tick();
    await t.services.delivery.runOnce();
    const received = smtp.messages.flatMap((m) => m.envelopeTo.map((a) => a.toLowerCase()));
    expect(received.length).to.equal(eligible.length);
    expect(new Set(received).size).to.equal(received.length);
  });
});

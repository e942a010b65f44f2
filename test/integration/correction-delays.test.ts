/**
 * Issue 14 item 4: a correction that is stuck — the SIS refuses it for good (the outbox parks it),
 * or it has not reached the school after changes.maxPendingAge — no longer shows "ingediend". The
 * parent sees it is delayed and that the school is looking at it (no internals); staff see why in
 * the queue and on the status page; a parent who opted in gets one notice through the digest,
 * inside the delivery window, through the real SMTP server. The clock is the manual one.
 */
import { expect } from 'chai';
import { createDelayNotices } from '../../gateway/notifications/delay-notices.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { tokenFor } from '../support/agent.ts';
import { operatorLogin } from '../support/operator.ts';
import { smtpValues, startTestSmtp, type TestSmtp } from '../support/smtp.ts';
import { digestNewsAt16, formFields, formValues, newAddress, parentSession, sendCorrection, storedRequests, type ParentSession } from './changes.support.ts';

const NOW = '2027-03-01T10:00:00+01:00';
const READS = ['students', 'guardians', 'absences', 'results.method', 'results.lvs', 'reports', 'medical'];
const DAY = 86_400_000;

/** The demo school's reads from one mock; corrections go to a second one that fails as told. */
function stackWithSubmit(submit: Record<string, unknown>) {
  return {
    sis: {
      stack: [
        { adapter: 'mock', config: { hideFuture: true, capabilities: READS } },
        { adapter: 'mock', config: { hideFuture: true, capabilities: ['changes.submit'], ...submit } },
      ],
    },
  };
}

async function submitOne(t: TestApp, parent: ParentSession): Promise<string> {
  const form = await parent.agent.get(`/kind/${parent.handle}/wijzigen`);
  const sent = await sendCorrection(parent.agent, parent.handle, { ...formFields(form.text), ...newAddress(formValues(form.text)) });
  await t.services.delivery.runOnce();
  return sent.location;
}

/** The status the parent's child page shows for their corrections, in a new login (days may have passed). */
async function parentStatus(t: TestApp): Promise<string> {
  const parent = await parentSession(t);
  const page = await parent.agent.get(`/kind/${parent.handle}`);
  expect(page.status).to.equal(200);
  return /Status: <span class="tag">([^<]+)<\/span>/.exec(page.text)?.[1] ?? '(none)';
}

async function optIn(parent: ParentSession): Promise<void> {
  const res = await parent.agent.post('/account/meldingen').type('form')
    .send({ _csrf: await tokenFor(parent.agent, '/account/meldingen'), topics: ['corrections'] });
  expect(res.status).to.equal(303);
}

describe('corrections that are stuck (issue 14 item 4)', function () {
  this.timeout(30_000);
  let smtp: TestSmtp;

  before(async () => { smtp = await startTestSmtp(); });
  after(() => smtp.stop());
  beforeEach(() => { smtp.messages.length = 0; });

  it('refused for good by the SIS: the parent sees "delayed", staff see the SIS\'s reason, an opted-in parent is told once', async () => {
    const t = await createTestApp({ now: NOW, values: { ...smtpValues(smtp.port), ...stackWithSubmit({ failWith: 'SIS_AUTH_FAILED' }) } });
    try {
      const parent = await parentSession(t);
      await optIn(parent);
      const received = await submitOne(t, parent);
      const [request] = await storedRequests(t);
      expect((await t.services.outbox.get(request!.deliveryKey))!.status).to.equal('attention');

      expect(await parentStatus(t)).to.equal('vertraagd, de school kijkt ernaar');
      const child = await parent.agent.get(`/kind/${parent.handle}`);
      expect(child.text).to.include('De school kijkt ernaar; u hoeft haar niet opnieuw door te geven.');
      expect(child.text).not.to.include('SIS_AUTH_FAILED').and.not.include('ingediend');
      const again = await parent.agent.get(received);
      expect(again.text).to.include('Status: vertraagd, de school kijkt ernaar').and.not.include('SIS_AUTH_FAILED');
      const myData = await parent.agent.get('/mijn-gegevens');
      expect(myData.status).to.equal(200);
      expect(myData.text).to.include(request!.reference).and.include('vertraagd, de school kijkt ernaar').and.not.include('SIS_AUTH_FAILED');

      const { agent: desk } = await operatorLogin(t);
      const queue = await desk.get('/beheer/wijzigingen?toon=attention');
      expect(queue.text).to.include(request!.reference).and.include('de bezorging is gestopt: SIS_AUTH_FAILED');
      const status = await desk.get('/beheer/status');
      expect(status.text).to.include('Vertraagde correcties: 1 gestopt, 0 te lang onderweg');

      const notices = createDelayNotices(t.services);
      expect(await notices.runOnce()).to.equal(1);
      expect(await notices.runOnce(), 'once per correction').to.equal(0);
      const news = await digestNewsAt16(t, smtp, '2027-03-01');
      expect(news).to.have.length(1);
      expect(news[0]!.envelopeTo).to.deep.equal([(await t.services.store.accounts.get(parent.accountId))!.email]);
      expect(news[0]!.text).to.match(/Uw correctie voor .+ duurt langer dan normaal\. De school kijkt ernaar/);
      // No contents and no internals in the mail: not the new address, not the SIS's code.
      expect(news[0]!.text).not.to.include('Lindelaan').and.not.include('SIS_AUTH_FAILED').and.not.include(request!.reference);
    } finally {
      await t.services.mailer.close?.();
    }
  });

  it('not delivered after changes.maxPendingAge (7 days by default): delayed for the parent, "langer dan 7 dagen" for staff', async () => {
    const outage = { outage: { from: '2027-03-01T09:00:00+01:00', to: '2027-04-01T09:00:00+02:00' } };
    const t = await createTestApp({
      now: NOW, values: { ...smtpValues(smtp.port), outbox: { retry: { maxAttempts: 100 } }, ...stackWithSubmit(outage) },
    });
    try {
      const parent = await parentSession(t);
      await optIn(parent);
      await submitOne(t, parent);
      const [request] = await storedRequests(t);
      expect((await t.services.outbox.get(request!.deliveryKey))!.status).to.equal('pending');
      const notices = createDelayNotices(t.services);

      t.clock.set(new Date(Date.parse(NOW) + 7 * DAY - 60_000).toISOString());
      expect(await parentStatus(t), 'a minute before 7 days').to.equal('ingediend');
      expect(await notices.runOnce()).to.equal(0);

      t.clock.set(new Date(Date.parse(NOW) + 7 * DAY + 60_000).toISOString());
      expect(await parentStatus(t)).to.equal('vertraagd, de school kijkt ernaar');
      const { agent: desk } = await operatorLogin(t);
      const queue = await desk.get('/beheer/wijzigingen?toon=attention');
      expect(queue.text).to.include(request!.reference).and.include('langer dan 7 dagen in behandeling');
      expect((await desk.get('/beheer/status')).text).to.include('Vertraagde correcties: 0 gestopt, 1 te lang onderweg');
      expect(await notices.runOnce()).to.equal(1);

      // The SIS comes back: delivered, the school has it, and the parent sees "in behandeling".
      t.clock.set('2027-04-01T16:00:00+02:00');
      for (let i = 0; i < 3 && (await t.services.outbox.get(request!.deliveryKey))!.status !== 'delivered'; i += 1) {
        await t.services.delivery.runOnce();
      }
      expect(await parentStatus(t)).to.equal('in behandeling');
      expect(await t.services.changes.listDelayed()).to.have.length(0);
    } finally {
      await t.services.mailer.close?.();
    }
  });

  it('follows a configured changes.maxPendingAge', async () => {
    const outage = { outage: { from: '2027-03-01T09:00:00+01:00', to: '2027-04-01T09:00:00+02:00' } };
    const t = await createTestApp({ now: NOW, values: { changes: { maxPendingAge: '2d' }, outbox: { retry: { maxAttempts: 100 } }, ...stackWithSubmit(outage) } });
    const parent = await parentSession(t);
    await submitOne(t, parent);
    t.clock.set(new Date(Date.parse(NOW) + 2 * DAY + 60_000).toISOString());
    expect(await parentStatus(t)).to.equal('vertraagd, de school kijkt ernaar');
    const [delayed] = await t.services.changes.listDelayed();
    expect(delayed!.delay).to.deep.equal({ reason: 'overdue', days: 2 });
  });
});

/**
 * "Your correction was processed" end to end: a parent who asked for news about corrections sends
 * two, the school's operator processes one and rejects the other with a note, and at 16:00 (the
 * delivery window) one mail through the real SMTP server tells of both. A parent who did not ask
 * hears nothing.
 */
import { expect } from 'chai';
import { createTestApp, csrfFrom, DEMO, type TestApp } from '../support/app.ts';
import { tokenFor, type Agent } from '../support/agent.ts';
import { operatorLogin } from '../support/operator.ts';
import { smtpValues, startTestSmtp, type TestSmtp } from '../support/smtp.ts';
import { digestNewsAt16, formFields, formValues, newAddress, parentSession, sendCorrection, storedRequests, type ParentSession } from './changes.support.ts';


async function submit(parent: ParentSession, street: string): Promise<void> {
  const form = await parent.agent.get(`/kind/${parent.handle}/wijzigen`);
  await sendCorrection(parent.agent, parent.handle, { ...formFields(form.text), ...newAddress(formValues(form.text)), street });
}

async function operator(t: TestApp): Promise<Agent> {
  const { agent, status } = await operatorLogin(t);
  expect(status).to.equal(303);
  return agent;
}

async function decide(agent: Agent, id: string, besluit: 'processed' | 'rejected', note = ''): Promise<void> {
  const token = csrfFrom((await agent.get('/beheer/wijzigingen?toon=all')).text);
  const res = await agent.post(`/beheer/wijzigingen/${id}/besluit`).type('form').send({ _csrf: token, besluit, note, toon: 'all' });
  expect(res.status).to.be.oneOf([200, 303]);
}

describe('notifications: a decided correction', function () {
  this.timeout(30_000);
  let smtp: TestSmtp;

  before(async () => { smtp = await startTestSmtp(); });
  after(() => smtp.stop());

  it('tells the parent who opted in, in one mail inside the window, and nobody else', async () => {
    const t = await createTestApp({ now: '2027-03-01T10:00:00+01:00', values: smtpValues(smtp.port) });
    try {
      const parent = await parentSession(t);
      const optIn = await parent.agent.post('/account/meldingen').type('form')
        .send({ _csrf: await tokenFor(parent.agent, '/account/meldingen'), topics: ['corrections'] });
      expect(optIn.status).to.equal(303);
      const other = await parentSession(t, DEMO.separated);

      await submit(parent, 'Lindelaan');
      await submit(parent, 'Eikenlaan');
      await submit(other, 'Beukenlaan');
      await t.services.delivery.runOnce();
      const requests = await storedRequests(t);
      expect(requests.map((r) => r.status)).to.deep.equal(['in_progress', 'in_progress', 'in_progress']);

      const desk = await operator(t);
      const mine = requests.filter((r) => r.accountId === parent.accountId);
      await decide(desk, mine[0]!.id, 'processed');
      await decide(desk, mine[1]!.id, 'rejected', 'Dit adres staat al zo in de administratie.');
      await decide(desk, requests.find((r) => r.accountId === other.accountId)!.id, 'processed');

      const news = await digestNewsAt16(t, smtp, '2027-03-01');
      expect(news).to.have.length(1);
      const account = (await t.services.store.accounts.get(parent.accountId))!;
      expect(news[0]!.envelopeTo).to.deep.equal([account.email]);
      expect(news[0]!.text).to.match(/Uw correctie voor .+ is verwerkt\./);
      expect(news[0]!.text).to.match(/Uw correctie voor .+ is niet verwerkt\./);
      // The note itself stays in the portal, behind the login.
      expect(news[0]!.text).not.to.include('Dit adres staat al zo');
    } finally {
      await t.services.mailer.close?.();
    }
  });
});

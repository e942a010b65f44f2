/**
 * The mail fallback: a school whose SIS cannot take corrections (no `changes.submit`) gets each
 * one as a structured e-mail (old → new) at the administration's address, through the outbox —
 * so with the mail server down at submit time the parent still gets "ontvangen", and the mail goes
 * out exactly once when the server is back.
 */
import { expect } from 'chai';
import { createTestApp } from '../support/app.ts';
import { smtpValues, startTestSmtp, type TestSmtp } from '../support/smtp.ts';
import { formFields, formValues, newAddress, parentSession, sendCityOnlyCorrection, sendCorrection, storedRequests } from './changes.support.ts';

const NOW = '2027-03-01T10:00:00+01:00';
const ADMINISTRATION = 'wijzigingen@debron.example';
const NO_CHANGES_SUBMIT = ['students', 'guardians', 'absences', 'results.method', 'results.lvs'];

describe('change requests: by e-mail when the SIS cannot take them', function () {
  this.timeout(30_000);
  let smtp: TestSmtp;

  beforeEach(async () => {
    smtp = await startTestSmtp();
  });
  afterEach(() => smtp.stop());

  async function appWithoutSubmit() {
    return createTestApp({
      now: NOW,
      values: {
        ...smtpValues(smtp.port),
        sis: { stack: [{ adapter: 'mock', config: { hideFuture: true, capabilities: NO_CHANGES_SUBMIT } }] },
        changes: { administrationEmail: ADMINISTRATION },
      },
    });
  }

  it('with the mail server down at submit time says "ontvangen", and mails the administration exactly once when it is back', async () => {
    const t = await appWithoutSubmit();
    expect(t.services.stack.submitChange).to.equal(undefined);
    const parent = await parentSession(t);
    const form = await parent.agent.get(`/kind/${parent.handle}/wijzigen`);
    await smtp.stop();

    await sendCorrection(parent.agent, parent.handle, { ...formFields(form.text), ...newAddress(formValues(form.text)) });
    await t.services.delivery.runOnce();
    await t.services.delivery.runOnce();
    const [request] = await storedRequests(t);
    const waiting = (await t.services.outbox.get(request!.deliveryKey))!;
    expect(waiting.status).to.equal('pending');
    expect(waiting.attempts).to.be.at.least(1);
    expect(request!.status).to.equal('submitted');

    await smtp.start();
    t.clock.advance(2 * 3600_000);
    await t.services.delivery.runOnce();
    await t.services.delivery.runOnce();
    t.clock.advance(2 * 3600_000);
    await t.services.delivery.runOnce();

    const mails = smtp.to(ADMINISTRATION);
    expect(mails).to.have.length(1);
    expect(mails[0]!.subject).to.include(request!.reference).and.include('Groep');
    expect(mails[0]!.text).to.include(`Referentie: ${request!.reference}`);
    expect(mails[0]!.text).to.include('Straat (kind): Kwarteldreef → Lindelaan');
    expect(mails[0]!.text).to.include('Postcode (kind): 9655 WK → 1234 AB');
    expect(mails[0]!.text).to.include('Leerling: Jasmijn de Wester (Groep 4)');
    const done = (await storedRequests(t))[0]!;
    expect(done.status).to.equal('in_progress');
    expect(done.delivery).to.include({ via: 'mail' });
    expect((await t.services.outbox.get(request!.deliveryKey))!.status).to.equal('delivered');
  });

  it('lists only the fields the parent changed, as the staff queue does: not the rest of the group', async () => {
    const t = await appWithoutSubmit();
    const parent = await parentSession(t);
    const shown = await sendCityOnlyCorrection(parent, 'Zwolle');
    for (let i = 0; i < 3; i++) await t.services.delivery.runOnce();

    const [request] = await storedRequests(t);
    expect(request!.fields.map((f) => f.field), 'the address is proposed whole').to.have.length(4);
    const mails = smtp.to(ADMINISTRATION);
    expect(mails).to.have.length(1);
    const listed = mails[0]!.text.split('\n').filter((line) => line.startsWith('- '));
    expect(listed).to.deep.equal([`- Plaats (kind): ${shown.city} → Zwolle`]);
  });
});

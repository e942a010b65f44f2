/**
 * A medical correction (AVG art. 9): from the form through the durable outbox to the
 * administration, whose mail says only that a medical correction waits in the queue — the content
 * reaches the stored request (and the queue), never a mail body or a log line.
 */
import { expect } from 'chai';
import { createTestApp } from '../support/app.ts';
import { smtpValues, startTestSmtp, type TestSmtp } from '../support/smtp.ts';
import { formFields, formValues, parentSession, sendCorrection, storedRequests } from './changes.support.ts';

const NOW = '2027-03-01T10:00:00+01:00';
const ADMINISTRATION = 'wijzigingen@debron.example';
const NO_CHANGES_SUBMIT = ['students', 'guardians', 'absences', 'results.method', 'results.lvs', 'reports', 'medical'];
const NEW_ALLERGY = 'Pinda-allergie vastgesteld door de kinderarts, EpiPen in de tas';

describe('change requests: a medical correction', function () {
  this.timeout(30_000);
  let smtp: TestSmtp;

  beforeEach(async () => {
    smtp = await startTestSmtp();
  });
  afterEach(() => smtp.stop());

  it('reaches the queue with its content, and the administration\'s mail says only that it waits', async () => {
    const t = await createTestApp({
      now: NOW,
      values: {
        ...smtpValues(smtp.port),
        sis: { stack: [{ adapter: 'mock', config: { capabilities: NO_CHANGES_SUBMIT } }] },
        changes: {
          administrationEmail: ADMINISTRATION,
          fields: ['address', 'medical.medication', 'medical.allergies', 'medical.diet', 'medical.careContacts'],
        },
      },
    });
    const parent = await parentSession(t);
    const form = await parent.agent.get(`/kind/${parent.handle}/wijzigen`);
    expect(form.status).to.equal(200);
    expect(form.text).to.include('Allergieën van uw kind');
    const shown = formValues(form.text);
    expect(shown).to.have.property('medicalAllergies');

    await sendCorrection(parent.agent, parent.handle, { ...formFields(form.text), ...shown, medicalAllergies: NEW_ALLERGY });
    for (let i = 0; i < 3; i++) await t.services.delivery.runOnce();

    const [request] = await storedRequests(t);
    expect(request!.fields.find((f) => f.field === 'child.medical.allergies')?.new).to.equal(NEW_ALLERGY);
    const mails = smtp.to(ADMINISTRATION);
    expect(mails).to.have.length(1);
    expect(mails[0]!.text).to.include('Er wacht een correctie van medische gegevens in de wachtrij');
    expect(mails[0]!.text).to.not.include('Pinda');
    expect(mails[0]!.text).to.not.include('EpiPen');
    expect(mails[0]!.subject).to.not.include('Pinda');
    expect(t.logs()).to.not.include('Pinda');
    expect((await t.services.store.audit.query({ studentId: parent.studentId })).map((a) => a.section)).to.include('medical');
  });

  it('is not offered when the medical section is not open to the parent (here: no source offers medical cards)', async () => {
    const t = await createTestApp({
      now: NOW,
      values: {
        sis: { stack: [{ adapter: 'mock', config: { capabilities: NO_CHANGES_SUBMIT.filter((c) => c !== 'medical') } }] },
        changes: { fields: ['address', 'medical.allergies'] },
      },
    });
    const parent = await parentSession(t);
    const form = await parent.agent.get(`/kind/${parent.handle}/wijzigen`);
    expect(form.status).to.equal(200);
    expect(form.text).to.include('Adres van uw kind');
    expect(form.text).to.not.include('medicalAllergies');
  });
});

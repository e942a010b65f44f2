/**
 * A secret (geheim) address through the correction form (issue #15, item 1). The father (demo.vader)
 * may not see the mother's secret address, which is the child's too: his form does not offer the
 * address at all, with no hint that one exists, and a crafted post with it is refused and stores
 * nothing. The mother (demo.moeder) may correct it: her correction carries the flag to the
 * operator queue, to the SIS's proposal and to the administration's mail (a real SMTP server).
 */
import { expect } from 'chai';
import type { MockSisAdapter } from '../../adapters/mock/adapter.ts';
import { createTestApp, DEMO, type TestApp } from '../support/app.ts';
import { operatorLogin } from '../support/operator.ts';
import { smtpValues, startTestSmtp } from '../support/smtp.ts';
import { formFields, formValues, parentSession, sendCorrection, storedRequests, submitCalls, type ParentSession } from './changes.support.ts';

const NOW = '2027-03-01T10:00:00+01:00';
const ADMINISTRATION = 'wijzigingen@debron.example';
const NEW_ADDRESS = { street: 'Vlierlaan', houseNumber: '3', postcode: '4321 BA', city: 'Leemdijk' };

async function settle(t: TestApp): Promise<void> {
  await t.services.delivery.runOnce();
  await t.services.delivery.runOnce();
}

async function motherAddress(t: TestApp) {
  const mother = (await t.services.sis.getGuardian(DEMO.mother.guardianId)).value;
  const child = (await t.services.sis.getStudent(mother.children[0]!.studentId)).value;
  expect(child.address?.secret, 'the persona: the child lives at the secret address').to.equal(true);
  return child.address!;
}

describe('change requests: a secret address', function () {
  this.timeout(30_000);

  describe('the father, who may not see it', () => {
    let t: TestApp;
    let father: ParentSession;

    beforeEach(async () => {
      t = await createTestApp({ now: NOW });
      father = await parentSession(t, DEMO.father);
    });

    it('is not offered the address, and nothing on the form says that one exists', async () => {
      const secret = await motherAddress(t);
      const page = await father.agent.get(`/kind/${father.handle}/wijzigen`);
      expect(page.status).to.equal(200);
      const shown = formValues(page.text);
      expect(Object.keys(shown)).to.include.members(['phone', 'email']);
      for (const name of ['street', 'houseNumber', 'postcode', 'city']) expect(shown, name).not.to.have.property(name);
      expect(page.text).not.to.include('Adres van uw kind');
      expect(page.text).not.to.include(secret.street);
      expect(page.text).not.to.include(secret.postcode);
      expect(page.text).not.to.match(/geheim|verborgen|niet getoond/i);
    });

    it('has a crafted post with the address refused, storing and sending nothing', async () => {
      const page = await father.agent.get(`/kind/${father.handle}/wijzigen`);
      const res = await father.agent.post(`/kind/${father.handle}/wijzigen`).type('form')
        .send({ ...formFields(page.text), ...formValues(page.text), ...NEW_ADDRESS });
      expect(res.status).to.equal(400);
      expect(res.text).to.include('velden die u hier niet kunt wijzigen');
      expect(res.text).not.to.include('Vlierlaan');
      expect(res.text).not.to.include('name="street"');
      await settle(t);
      expect(await storedRequests(t)).to.deep.equal([]);
      expect(await t.services.outbox.list()).to.deep.equal([]);
      expect(submitCalls(t)).to.deep.equal([]);
      expect(await t.services.store.audit.query({ action: 'change.submit' })).to.deep.equal([]);
      expect(t.logs()).to.include('correction refused: inputs not offered to this parent');
      expect(t.logs()).not.to.include('Vlierlaan');
    });

    it('refuses one address input alone as well, even with the rest of the form valid', async () => {
      const page = await father.agent.get(`/kind/${father.handle}/wijzigen`);
      const shown = formValues(page.text);
      const res = await father.agent.post(`/kind/${father.handle}/wijzigen`).type('form')
        .send({ ...formFields(page.text), ...shown, phone: '06 11112222', postcode: '4321 BA' });
      expect(res.status).to.equal(400);
      expect(await storedRequests(t)).to.deep.equal([]);
    });

    it('still corrects what he may see (his own phone number), unflagged', async () => {
      const page = await father.agent.get(`/kind/${father.handle}/wijzigen`);
      await sendCorrection(father.agent, father.handle, { ...formFields(page.text), ...formValues(page.text), phone: '06 11112222' });
      const [request] = await storedRequests(t);
      expect(request!.fields.map((f) => f.field)).to.deep.equal(['guardian.phone']);
      expect(request!.fields[0]!.secret).to.equal(undefined);
    });
  });

  describe('the mother, who keeps it secret', () => {
    it('corrects it with the flag in the operator queue and in the proposal to the SIS', async () => {
      const t = await createTestApp({ now: NOW });
      const secret = await motherAddress(t);
      const mother = await parentSession(t, DEMO.mother);
      const page = await mother.agent.get(`/kind/${mother.handle}/wijzigen`);
      expect(formValues(page.text)).to.include({ street: secret.street, postcode: secret.postcode });
      await sendCorrection(mother.agent, mother.handle, { ...formFields(page.text), ...formValues(page.text), ...NEW_ADDRESS });
      await settle(t);

      const [request] = await storedRequests(t);
      const address = request!.fields.filter((f) => f.field.startsWith('child.address.'));
      expect(address).to.have.length(4);
      expect(address.every((f) => f.secret === true)).to.equal(true);
      const [received] = (t.services.stack.adapters[0] as MockSisAdapter).submitted;
      expect(received!.change.fields.find((f) => f.field === 'child.address.street')).to.deep.equal({
        field: 'child.address.street', old: secret.street, new: 'Vlierlaan', secret: true,
      });

      const { agent } = await operatorLogin(t);
      const queue = await agent.get('/beheer/wijzigingen?toon=all');
      expect(queue.status).to.equal(200);
      const row = queue.text.slice(queue.text.indexOf(`id="wijziging-${request!.reference}"`));
      expect(row).to.match(/Straat \(kind\): [^<]+ → <strong>Vlierlaan<\/strong> <span class="tag tag-secret">geheim — niet zichtbaar voor de andere ouder<\/span>/);
    });

    it('corrects it with the flag in the administration\'s mail (real SMTP) when the SIS cannot take it', async () => {
      const smtp = await startTestSmtp();
      try {
        const t = await createTestApp({
          now: NOW,
          values: {
            ...smtpValues(smtp.port),
            sis: { stack: [{ adapter: 'mock', config: { hideFuture: true, capabilities: ['students', 'guardians', 'absences', 'results.method', 'results.lvs'] } }] },
            changes: { administrationEmail: ADMINISTRATION },
          },
        });
        const secret = await motherAddress(t);
        const mother = await parentSession(t, DEMO.mother);
        const page = await mother.agent.get(`/kind/${mother.handle}/wijzigen`);
        await sendCorrection(mother.agent, mother.handle, { ...formFields(page.text), ...formValues(page.text), ...NEW_ADDRESS });
        await settle(t);
        const [mail] = smtp.to(ADMINISTRATION);
        expect(mail, 'the administration got the mail').to.not.equal(undefined);
        expect(mail!.text).to.include(`Straat (kind): ${secret.street} → Vlierlaan (geheim — niet zichtbaar voor de andere ouder)`);
        expect(mail!.text).to.include('Postcode (kind): ');
        expect(mail!.text).to.match(/Postcode \(kind\): .* → 4321 BA \(geheim — niet zichtbaar voor de andere ouder\)/);
      } finally {
        await smtp.stop();
      }
    });
  });
});

/**
 * Corrections by parents (issue #6) through the real app: the form prefilled with what the school
 * has, Dutch validation that re-renders the form with the parent's input and stores nothing, one
 * request per form however often it is sent, "ontvangen" only after the request is durable, and
 * delivery through the SIS exactly once — also when the SIS was down at submit time.
 */
import { expect } from 'chai';
import type { MockSisAdapter } from '../../adapters/mock/adapter.ts';
import { CHEAP_HASHER, createTestApp, DEMO, type TestApp } from '../support/app.ts';
import {
  formFields, formValues, newAddress, parentSession, referenceOf, sendCorrection, storedRequests, submitCalls, type ParentSession,
} from './changes.support.ts';

const NOW = '2027-03-01T10:00:00+01:00';
const OUTAGE = { from: '2027-03-01T10:05:00+01:00', to: '2027-03-01T12:00:00+01:00' };

function mockOf(t: TestApp): MockSisAdapter {
  return t.services.stack.adapters[0] as MockSisAdapter;
}

/** Waits for a delivery pass already under way (an enqueue kicks one), then runs a fresh one. */
async function settle(t: TestApp): Promise<void> {
  await t.services.delivery.runOnce();
  await t.services.delivery.runOnce();
}

async function openForm(parent: ParentSession) {
  const page = await parent.agent.get(`/kind/${parent.handle}/wijzigen`);
  expect(page.status, page.text.slice(0, 300)).to.equal(200);
  return { page, hidden: formFields(page.text), shown: formValues(page.text) };
}

describe('change requests: the form', function () {
  this.timeout(20_000);
  let t: TestApp;
  let parent: ParentSession;

  beforeEach(async () => {
    t = await createTestApp({ now: NOW });
    parent = await parentSession(t);
  });

  it('is prefilled with the data the school has now, and the view is audited', async () => {
    const { shown, page } = await openForm(parent);
    expect(shown).to.deep.equal({
      street: 'Kwarteldreef', houseNumber: '87', postcode: '9655 WK', city: 'Leemdijk',
      phone: '06 56686584', email: 'annemiek.berkelbroek@example.org',
      emergencyName: 'oma', emergencyPhone: '06 46131072',
    });
    expect(page.text).to.include('<legend>Adres van uw kind</legend>');
    const views = await t.services.store.audit.query({ action: 'view', studentId: parent.studentId });
    expect(views.map((v) => v.section)).to.include('changes');
  });

  it('re-renders invalid input with a message next to each field and the parent\'s own input, and stores nothing', async () => {
    const { hidden, shown } = await openForm(parent);
    const viewsBefore = (await t.services.store.audit.query({ action: 'view', studentId: parent.studentId })).length;
    const res = await parent.agent.post(`/kind/${parent.handle}/wijzigen`).type('form')
      .send({ ...hidden, ...shown, street: 'Lindelaan', postcode: '1234 A', phone: '06-123', email: 'ouder@voorbeeld', houseNumber: '' });
    expect(res.status).to.equal(422);
    expect(res.text).to.include('<h2 id="error-summary-heading">Nog niet alles is goed ingevuld</h2>');
    // The summary names each field and links to it (issue 22 item 7), in the form's order.
    const summary = /<div class="error-summary"[\s\S]*?<\/div>/.exec(res.text)![0];
    expect(summary).to.include('<a href="#field-postcode">Postcode: Vul een Nederlandse postcode in, zoals 1234 AB.</a>');
    expect(summary).to.include('<a href="#field-houseNumber">Huisnummer: Vul dit veld in.</a>');
    expect(summary.indexOf('#field-houseNumber')).to.be.below(summary.indexOf('#field-postcode'));
    expect(summary).to.match(/<a href="#field-phone">[^<]*: Vul een geldig telefoonnummer in/);
    expect(res.text).to.match(/id="error-postcode">[\s\S]*?Vul een Nederlandse postcode in, zoals 1234 AB\./);
    expect(res.text).to.match(/id="error-phone">[\s\S]*?Vul een geldig telefoonnummer in/);
    expect(res.text).to.match(/id="error-email">[\s\S]*?Vul een geldig e-mailadres in/);
    expect(res.text).to.match(/id="error-houseNumber">[\s\S]*?Vul dit veld in\./);
    expect(res.text).to.include('aria-invalid="true"');
    const values = formValues(res.text);
    expect(values).to.include({ street: 'Lindelaan', postcode: '1234 A', phone: '06-123', email: 'ouder@voorbeeld', houseNumber: '' });
    expect(formFields(res.text).formKey, 'the same form, so a corrected send is still one request').to.equal(hidden.formKey);
    expect(await storedRequests(t)).to.deep.equal([]);
    expect(await t.services.outbox.list()).to.deep.equal([]);
    expect(await t.services.store.audit.query({ action: 'change.submit' })).to.deep.equal([]);
    // The re-rendered form shows the child's address again: a view, audited like the first.
    const views = await t.services.store.audit.query({ action: 'view', studentId: parent.studentId });
    expect(views).to.have.length(viewsBefore + 1);
    expect(views.at(-1)).to.include({ actor: parent.accountId, section: 'changes' });
  });

  it('says so when nothing was changed, and stores nothing', async () => {
    const { hidden, shown } = await openForm(parent);
    const res = await parent.agent.post(`/kind/${parent.handle}/wijzigen`).type('form').send({ ...hidden, ...shown, phone: '0656686584' });
    expect(res.status).to.equal(422);
    expect(res.text).to.include('U heeft niets gewijzigd');
    expect(await storedRequests(t)).to.deep.equal([]);
  });

  it('answers a form without a valid form key with a fresh form, and stores nothing', async () => {
    const { hidden, shown } = await openForm(parent);
    const res = await parent.agent.post(`/kind/${parent.handle}/wijzigen`).type('form').send({ _csrf: hidden._csrf, ...newAddress(shown), formKey: 'x' });
    expect(res.status).to.equal(400);
    expect(res.text).to.include('Het formulier was verlopen');
    expect(formValues(res.text)).to.include({ street: 'Lindelaan' });
    expect(await storedRequests(t)).to.deep.equal([]);
  });
});

describe('change requests: submitting and delivery', function () {
  this.timeout(20_000);

  it('acknowledges "ontvangen" with a reference only once the request and its delivery are stored, then delivers it once', async () => {
    const t = await createTestApp({ now: NOW });
    const parent = await parentSession(t);
    const { hidden, shown } = await openForm(parent);
    const sent = await sendCorrection(parent.agent, parent.handle, { ...hidden, ...newAddress(shown) });
    const reference = /Uw referentie: (WZ-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(sent.page.text)?.[1];
    expect(reference).to.equal(sent.reference);
    expect(sent.page.text).not.to.include('U had deze wijziging al verstuurd');

    const [request] = await storedRequests(t);
    expect(request).to.include({ reference, accountId: parent.accountId, studentId: parent.studentId, guardianId: DEMO.parent.guardianId });
    expect(request!.fields).to.deep.equal([
      { field: 'child.address.street', old: 'Kwarteldreef', new: 'Lindelaan' },
      { field: 'child.address.houseNumber', old: '87', new: '12a' },
      { field: 'child.address.postcode', old: '9655 WK', new: '1234 AB' },
      { field: 'child.address.city', old: 'Leemdijk', new: 'Leemdijk' },
    ]);
    const [item] = await t.services.outbox.list();
    expect(item).to.include({ id: request!.deliveryKey, kind: 'change' });
    expect(JSON.stringify(item!.payload), 'sealed in the outbox').not.to.match(/Lindelaan|1234 AB/);
    const [audit] = await t.services.store.audit.query({ action: 'change.submit' });
    expect(audit).to.include({ actor: parent.accountId, studentId: parent.studentId, section: 'changes' });

    await settle(t);
    await settle(t);
    expect(mockOf(t).submitted.map((s) => s.idempotencyKey)).to.deep.equal([request!.deliveryKey]);
    expect(submitCalls(t)).to.have.length(1);
    const delivered = (await storedRequests(t))[0]!;
    expect(delivered.status).to.equal('in_progress');
    expect(delivered.delivery).to.include({ via: 'sis', reference: mockOf(t).submitted[0]!.reference });
    expect((await t.services.outbox.get(request!.deliveryKey))!.status).to.equal('delivered');

    const child = await parent.agent.get(`/kind/${parent.handle}`);
    expect(child.text).to.include(reference!);
    expect(child.text).to.include('in behandeling');
  });

  it('makes one request of a double submit (two posts of the same form at once, and a resubmit later)', async () => {
    const t = await createTestApp({ now: NOW });
    const parent = await parentSession(t);
    const { hidden, shown } = await openForm(parent);
    const post = () => parent.agent.post(`/kind/${parent.handle}/wijzigen`).type('form').send({ ...hidden, ...newAddress(shown) });
    const [a, b] = await Promise.all([post(), post()]);
    expect([a.status, b.status]).to.deep.equal([303, 303]);
    const refs = [a, b].map((r) => referenceOf(String(r.headers.location)));
    expect(refs[0]).to.be.a('string').and.equal(refs[1]);
    const pages = await Promise.all([a, b].map((r) => parent.agent.get(String(r.headers.location))));
    expect(pages.map((p) => p.text.includes(`Uw referentie: ${refs[0]}`))).to.deep.equal([true, true]);
    expect(pages.filter((p) => p.text.includes('U had deze wijziging al verstuurd'))).to.have.length(1);

    await settle(t);
    t.clock.advance(60_000);
    const again = await post();
    expect(again.status).to.equal(303);
    expect((await parent.agent.get(String(again.headers.location))).text).to.include('U had deze wijziging al verstuurd');
    await settle(t);
    expect(await storedRequests(t)).to.have.length(1);
    expect(await t.services.outbox.list()).to.have.length(1);
    expect(await t.services.store.audit.query({ action: 'change.submit' })).to.have.length(1);
    expect(mockOf(t).submitted).to.have.length(1);
  });

  it('with the SIS down at submit time still says "ontvangen", retries after the SIS\'s Retry-After, and delivers exactly once when it is back', async () => {
    const t = await createTestApp({
      now: NOW,
      values: { sis: { stack: [{ adapter: 'mock', config: { hideFuture: true, outage: OUTAGE } }] } },
    });
    const parent = await parentSession(t);
    const { hidden, shown } = await openForm(parent);
    t.clock.set('2027-03-01T10:30:00+01:00');
    await sendCorrection(parent.agent, parent.handle, { ...hidden, ...newAddress(shown), email: 'nieuw@voorbeeld.nl' });

    await settle(t);
    const [request] = await storedRequests(t);
    const waiting = (await t.services.outbox.get(request!.deliveryKey))!;
    expect(waiting.status).to.equal('pending');
    expect(waiting.lastError).to.equal('SIS_UNAVAILABLE');
    expect(Date.parse(waiting.nextAttemptAt), 'not before the SIS said to come back').to.be.at.least(Date.parse(OUTAGE.to));
    expect(request!.status).to.equal('submitted');
    expect(mockOf(t).submitted).to.deep.equal([]);

    t.clock.set('2027-03-01T11:59:00+01:00');
    await settle(t);
    expect(mockOf(t).submitted).to.deep.equal([]);

    t.clock.set('2027-03-01T12:30:00+01:00');
    await settle(t);
    await settle(t);
    expect(mockOf(t).submitted).to.have.length(1);
    expect(mockOf(t).submitted[0]!.change.fields.map((f) => f.field)).to.include('guardian.email');
    const done = (await t.services.outbox.get(request!.deliveryKey))!;
    expect(done.status).to.equal('delivered');
    expect(done.history.map((h) => h.outcome).at(-1)).to.equal('delivered');
    expect((await storedRequests(t))[0]!.status).to.equal('in_progress');
  });
});

describe('change requests: Post/Redirect/Get', function () {
  this.timeout(20_000);

  it('answers the post with a 303 to the "ontvangen" page, which a reload only reads again', async () => {
    const t = await createTestApp({ now: NOW });
    const parent = await parentSession(t);
    const { hidden, shown } = await openForm(parent);
    const sent = await sendCorrection(parent.agent, parent.handle, { ...hidden, ...newAddress(shown) });
    expect(sent.page.text).to.include(`Uw referentie: ${sent.reference}`);
    expect(sent.page.text).to.match(/Status: (ingediend|in behandeling)/);
    expect(sent.location, 'nothing of what was typed in the URL').not.to.match(/Lindelaan|1234|Leemdijk|12a/i);

    const reload = await parent.agent.get(sent.location);
    expect(reload.status).to.equal(200);
    expect(reload.headers['cache-control']).to.equal('no-store');
    expect(reload.text).to.include(`Uw referentie: ${sent.reference}`);
    expect(await storedRequests(t)).to.have.length(1);
    expect(await t.services.outbox.list()).to.have.length(1);
    expect(await t.services.store.audit.query({ action: 'change.submit' })).to.have.length(1);
    const views = await t.services.store.audit.query({ action: 'view', studentId: parent.studentId });
    expect(views.filter((v) => v.section === 'changes'), 'the form, and the page twice').to.have.length(3);
  });

  it('shows a reference only to the account that sent it: the other parent of the same child, and unknown references, get the 404', async () => {
    const t = await createTestApp({ now: NOW });
    const mother = await parentSession(t, DEMO.separated);
    const { hidden, shown } = await openForm(mother);
    const sent = await sendCorrection(mother.agent, mother.handle, { ...hidden, ...newAddress(shown) });

    // The other parent, with gezag over the same child and an account of their own.
    const password = 'een eigen wachtwoord voor de andere ouder';
    const other = (await t.services.store.accounts.findByUsername(DEMO.firstLogin.username))!;
    await t.services.store.accounts.update(other.id, { passwordHash: await CHEAP_HASHER.hashPassword(password), mustChangePassword: false });
    const father = await parentSession(t, { username: DEMO.firstLogin.username, password, guardianId: DEMO.firstLogin.guardianId });
    expect(father.studentId).to.equal(mother.studentId);

    const foreign = await father.agent.get(`/kind/${father.handle}/wijzigen?ontvangen=${sent.reference}`);
    expect(foreign.status).to.equal(404);
    expect(foreign.text).not.to.include('Uw referentie');
    expect(foreign.text).not.to.include('Ontvangen');
    expect((await father.agent.get(sent.location)).status, "the mother's URL").to.equal(404);
    for (const reference of ['WZ-0000-0000', 'x', '']) {
      const res = await mother.agent.get(`/kind/${mother.handle}/wijzigen?ontvangen=${reference}`);
      expect(res.status, reference).to.equal(404);
    }
  });
});

describe('change requests: who may submit', function () {
  this.timeout(20_000);

  it('refuses a guardian without gezag (a limited account) the form and the post, storing nothing', async () => {
    const t = await createTestApp({ now: NOW });
    const parent = await parentSession(t);
    const { hidden, shown } = await openForm(parent);
    await t.services.store.accounts.update(parent.accountId, {
      scope: 'limited', updatedAt: NOW,
      grant: { sections: ['personalia', 'results.lvs'], until: '2027-12-31', reason: 'test', grantedBy: 'test', grantedAt: NOW },
    });
    const form = await parent.agent.get(`/kind/${parent.handle}/wijzigen`);
    expect(form.status).to.equal(403);
    expect(form.text).to.include('Alleen een ouder of verzorger met gezag');
    expect(form.text).not.to.include('name="formKey"');
    const post = await parent.agent.post(`/kind/${parent.handle}/wijzigen`).type('form').send({ ...hidden, ...newAddress(shown) });
    expect(post.status).to.equal(403);
    expect(await storedRequests(t)).to.deep.equal([]);
  });

  it('does not let one parent submit for another parent\'s child', async () => {
    const t = await createTestApp({ now: NOW });
    const father = await parentSession(t, DEMO.father);
    const mother = await parentSession(t);
    const { hidden } = await openForm(father);
    const foreign = t.services.handles.handleFor(father.accountId, mother.studentId);
    const res = await father.agent.post(`/kind/${foreign}/wijzigen`).type('form').send({ ...hidden, street: 'Lindelaan' });
    expect(res.status).to.equal(404);
    expect(await storedRequests(t)).to.deep.equal([]);
  });

  it('shows each parent only their own requests on the child\'s page', async () => {
    const t = await createTestApp({ now: NOW });
    const parent = await parentSession(t);
    const { hidden, shown } = await openForm(parent);
    await sendCorrection(parent.agent, parent.handle, { ...hidden, ...newAddress(shown) });
    const [request] = await storedRequests(t);
    const father = await parentSession(t, DEMO.father);
    const page = await father.agent.get(`/kind/${father.handle}`);
    expect(page.status).to.equal(200);
    expect(page.text).not.to.include(request!.reference);
    expect(page.text).to.include('U heeft nog geen wijzigingen doorgegeven.');
  });
});

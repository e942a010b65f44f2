/**
 * The operator queue (issue #6, part 5): its own login and session, apart from the parents';
 * list and filter; processed / rejected with a note the parent sees; a parked delivery sent again;
 * every action audited; the status hook told of every change.
 */
import { expect } from 'chai';
import type { StatusChange } from '../../gateway/changes/index.ts';
import { createTestApp, csrfFrom } from '../support/app.ts';
import { operatorLogin } from '../support/operator.ts';
import type { Agent } from '../support/agent.ts';
import { formFields, formValues, newAddress, parentSession, sendCorrection, storedRequests, type ParentSession } from './changes.support.ts';

const NOW = '2027-03-01T10:00:00+01:00';

async function submitChange(parent: ParentSession, change: (shown: Record<string, string>) => Record<string, string> = newAddress) {
  const form = await parent.agent.get(`/kind/${parent.handle}/wijzigen`);
  await sendCorrection(parent.agent, parent.handle, { ...formFields(form.text), ...change(formValues(form.text)) });
}

async function decide(agent: Agent, id: string, besluit: string, note = '') {
  const token = csrfFrom((await agent.get('/beheer/wijzigingen?toon=all')).text);
  return agent.post(`/beheer/wijzigingen/${id}/besluit`).type('form').send({ _csrf: token, besluit, note, toon: 'all' });
}

describe('operator: login and session', function () {
  this.timeout(20_000);

  it('logs an operator in with the configured account, audits it, and refuses a wrong password the same as an unknown user', async () => {
    const t = await createTestApp({ now: NOW });
    const wrong = await operatorLogin(t, 'niet het goede wachtwoord hoor');
    expect(wrong.status).to.equal(401);
    expect((await wrong.agent.get('/beheer/wijzigingen')).headers.location).to.equal('/beheer/inloggen');
    const good = await operatorLogin(t);
    expect(good.status).to.equal(303);
    expect(good.location).to.equal('/beheer/wijzigingen');
    const queue = await good.agent.get('/beheer/wijzigingen');
    expect(queue.status).to.equal(200);
    expect(queue.text).to.include('Ingelogd als Administratie De Bron');
    const [login] = await t.services.store.audit.query({ action: 'operator.login' });
    expect(login).to.include({ actor: 'demo.beheerder', actorKind: 'operator' });
  });

  it('keeps parents and operators apart: neither session opens the other\'s pages', async () => {
    const t = await createTestApp({ now: NOW });
    const parent = await parentSession(t);
    const asParent = await parent.agent.get('/beheer/wijzigingen');
    expect(asParent.status).to.equal(303);
    expect(asParent.headers.location).to.equal('/beheer/inloggen');
    // The denial is a security event and an audit record, naming the account only by its pseudonym / id.
    const [denied] = await t.services.store.audit.query({ action: 'access.denied' });
    expect(denied).to.include({ actor: parent.accountId });
    expect(denied?.detail).to.include({ reason: 'staff-route' });
    expect(t.logs()).to.include('"securityEvent":"access.denied"');
    const { agent } = await operatorLogin(t);
    const asOperator = await agent.get(`/kind/${parent.handle}`);
    expect(asOperator.status).to.equal(303);
    expect(asOperator.headers.location).to.equal('/inloggen');
  });

  it('ends an idle operator session', async () => {
    const t = await createTestApp({ now: NOW });
    const { agent } = await operatorLogin(t);
    t.clock.advance(16 * 60_000);
    const res = await agent.get('/beheer/wijzigingen');
    expect(res.headers.location).to.equal('/beheer/inloggen');
  });

  it('refuses an action without the CSRF token', async () => {
    const t = await createTestApp({ now: NOW });
    const parent = await parentSession(t);
    await submitChange(parent);
    const [req] = await storedRequests(t);
    const { agent } = await operatorLogin(t);
    const res = await agent.post(`/beheer/wijzigingen/${req!.id}/besluit`).type('form').send({ besluit: 'processed' });
    expect(res.status).to.equal(403);
    expect((await storedRequests(t))[0]!.status).to.not.equal('processed');
    expect(await t.services.store.audit.query({ action: 'change.processed' })).to.deep.equal([]);
  });
});

describe('operator: the change-request queue', function () {
  this.timeout(20_000);

  it('lists, filters, processes and rejects with a note; the parent sees the outcome; everything is audited and told to the hook', async () => {
    const t = await createTestApp({ now: NOW });
    const changes: StatusChange[] = [];
    t.services.changes.onStatusChange((c) => void changes.push(c));
    const parent = await parentSession(t);
    await submitChange(parent);
    t.clock.advance(60_000);
    await submitChange(parent, (shown) => ({ ...shown, phone: '+31 6 1234 5678' }));
    await t.services.delivery.runOnce();
    await t.services.delivery.runOnce();
    const [phone, address] = await t.services.changes.listForChild(parent.accountId, parent.studentId);
    expect(phone!.fields.map((f) => f.field)).to.deep.equal(['guardian.phone']);
    expect(address!.fields.map((f) => f.field)).to.include('child.address.street');

    const { agent } = await operatorLogin(t);
    const open = await agent.get('/beheer/wijzigingen');
    expect(open.text).to.include(address!.reference).and.include(phone!.reference);
    expect(open.text).to.include('Straat (kind): Kwarteldreef → <strong>Lindelaan</strong>');
    expect(open.text).to.include('Telefoonnummer (ouder): 06 56686584 → <strong>06 12345678</strong>');
    expect(open.text).to.include('in de leerlingadministratie gezet (referentie MOCK-');
    expect((await agent.get('/beheer/wijzigingen?toon=processed')).text).to.include('0 wijzigingen');

    const noNote = await decide(agent, address!.id, 'rejected');
    expect(noNote.headers.location).to.include('melding=noteRequired');
    expect((await t.services.changes.get(address!.id))!.status).to.equal('in_progress');

    const rejected = await decide(agent, address!.id, 'rejected', 'Dit adres is al bekend; de verhuizing gaat pas in juni in.');
    expect(rejected.status).to.equal(303);
    expect((await agent.get(rejected.headers.location!)).text).to.include('De wijziging is afgewezen');
    await decide(agent, phone!.id, 'processed');
    const twice = await decide(agent, phone!.id, 'rejected', 'toch niet');
    expect(twice.headers.location).to.include('melding=alreadyDecided');

    const child = await parent.agent.get(`/kind/${parent.handle}`);
    expect(child.text).to.include('afgewezen').and.include('Toelichting van de school: Dit adres is al bekend; de verhuizing gaat pas in juni in.');
    expect(child.text).to.include('verwerkt');

    expect((await agent.get('/beheer/wijzigingen?toon=processed')).text).to.include(phone!.reference).and.not.include(address!.reference);
    const actions = (await t.services.store.audit.query({ actor: 'demo.beheerder' })).map((a) => a.action);
    expect(actions).to.include.members(['operator.login', 'view', 'change.rejected', 'change.processed']);
    const told = changes.map((c) => `${c.request.reference} ${c.from}→${c.to}`);
    // Deliveries may be told in either order (the submit kicks the worker); decisions in the order made.
    expect(told.slice(0, 2).sort()).to.deep.equal([`${address!.reference} submitted→in_progress`, `${phone!.reference} submitted→in_progress`].sort());
    expect(told.slice(2)).to.deep.equal([`${address!.reference} in_progress→rejected`, `${phone!.reference} in_progress→processed`]);
  });

  it('shows a parked delivery under "needs attention" and sends it again on request, audited', async () => {
    const t = await createTestApp({
      now: NOW,
      values: {
        outbox: { retry: { maxAttempts: 1 } },
        sis: { stack: [{ adapter: 'mock', config: { hideFuture: true, outage: { from: '2027-03-01T10:05:00+01:00', to: '2027-03-01T11:00:00+01:00' } } }] },
      },
    });
    const parent = await parentSession(t);
    const form = await parent.agent.get(`/kind/${parent.handle}/wijzigen`);
    t.clock.set('2027-03-01T10:10:00+01:00');
    await sendCorrection(parent.agent, parent.handle, { ...formFields(form.text), ...newAddress(formValues(form.text)) });
    await t.services.delivery.runOnce();
    await t.services.delivery.runOnce();
    const [req] = await storedRequests(t);
    expect((await t.services.outbox.get(req!.deliveryKey))!.status).to.equal('attention');

    t.clock.set('2027-03-01T11:30:00+01:00');
    const { agent } = await operatorLogin(t);
    const parked = await agent.get('/beheer/wijzigingen?toon=attention');
    expect(parked.text).to.include(req!.reference).and.include('vraagt aandacht: SIS_UNAVAILABLE');
    const res = await agent.post(`/beheer/wijzigingen/${req!.id}/opnieuw`).type('form').send({ _csrf: csrfFrom(parked.text), toon: 'attention' });
    expect(res.headers.location).to.include('melding=requeued');
    await t.services.delivery.runOnce();
    await t.services.delivery.runOnce();
    expect((await t.services.outbox.get(req!.deliveryKey))!.status).to.equal('delivered');
    expect((await t.services.changes.get(req!.id))!.status).to.equal('in_progress');
    const [requeue] = await t.services.store.audit.query({ action: 'change.requeue' });
    expect(requeue).to.include({ actor: 'demo.beheerder', studentId: parent.studentId });
  });

  it('shows the calendar\'s validity and the outbox on the status page', async () => {
    const t = await createTestApp({ now: NOW });
    const { agent } = await operatorLogin(t);
    const res = await agent.get('/beheer/status');
    expect(res.status).to.equal(200);
    expect(res.text).to.include('De kalender is geldig.').and.include('Schooljaar 2026-2027').and.include('Wachtend: 0');
  });
});

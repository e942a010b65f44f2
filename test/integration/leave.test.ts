/**
 * Leave requests (verlof, issue #20 item 2) through the real app: the legal frame on the page,
 * validation against the school days and holidays, the request stored with the administration's
 * mail in the outbox, the head's decision on the staff page (role directie; administratie is
 * refused) — audited, shown on the parent's page and, for a parent who opted in, a notification.
 */
import { expect } from 'chai';
import { NOTIFICATIONS_COLLECTION, type PendingNotification } from '../../gateway/notifications/notify.ts';
import { setTopics } from '../../gateway/notifications/prefs.ts';
import { LEAVE_REQUESTS_COLLECTION } from '../../gateway/leave/requests.ts';
import type { LeaveRequest } from '../../gateway/leave/types.ts';
import { csrfFrom, createTestApp, type TestApp } from '../support/app.ts';
import { DEMO_OPERATOR, operatorLogin } from '../support/operator.ts';
import { parentSession, type ParentSession } from './changes.support.ts';

const NOW = '2027-03-02T10:00:00+01:00';
const stored = (t: TestApp) => t.services.store.collection<LeaveRequest>(LEAVE_REQUESTS_COLLECTION).list();
const withRoles = (roles: string[]) => ({
  operators: { accounts: [{ username: DEMO_OPERATOR.username, name: 'Staff De Bron', demoPassword: DEMO_OPERATOR.password, roles }] },
});

async function ask(parent: ParentSession, body: Record<string, string>) {
  const form = await parent.agent.get(`/kind/${parent.handle}/verlof`);
  expect(form.status, form.text.slice(0, 300)).to.equal(200);
  const formKey = /name="formKey" value="([^"]+)"/.exec(form.text)![1]!;
  return parent.agent.post(`/kind/${parent.handle}/verlof`).type('form').send({ _csrf: csrfFrom(form.text), formKey, ...body });
}

async function decide(t: TestApp, agent: Awaited<ReturnType<typeof operatorLogin>>['agent'], id: string, body: Record<string, string>) {
  const page = await agent.get('/beheer/verlof');
  return agent.post(`/beheer/verlof/${id}/besluit`).type('form').send({ _csrf: csrfFrom(page.text), ...body });
}

describe('leave requests (verlof)', function () {
  this.timeout(30_000);

  it('states the legal frame, and refuses days in the past or only in the holidays with a message per field', async () => {
    const t = await createTestApp({ now: NOW });
    const parent = await parentSession(t);
    const page = await parent.agent.get(`/kind/${parent.handle}/verlof`);
    expect(page.text).to.include('Over verlof van hooguit 10 schooldagen beslist de directeur van de school.');
    expect(page.text).to.include('leerplichtambtenaar');
    const past = await ask(parent, { from: '2027-03-01', to: '2027-03-03', reason: 'bruiloft' });
    expect(past.status).to.equal(422);
    expect(past.text).to.match(/id="error-from">[\s\S]*?kies een dag na vandaag/);
    const holiday = await ask(parent, { from: '2027-04-26', to: '2027-04-30', reason: '' });
    expect(holiday.status).to.equal(422);
    expect(holiday.text).to.include('In deze periode zijn geen schooldagen');
    expect(holiday.text).to.match(/id="error-reason">[\s\S]*?Schrijf op waarom u verlof vraagt\./);
    expect(holiday.text).to.include('value="2027-04-26"');
    expect(await stored(t)).to.deep.equal([]);
  });

  it('an approved request shows on the parent\'s page with the note, is audited, and notifies a parent who opted in', async () => {
    const t = await createTestApp({ now: NOW });
    const parent = await parentSession(t);
    await setTopics(t.services.store, parent.accountId, ['leave'], t.clock.now());
    // Friday 23 April to Tuesday 4 May: the May holiday (26–30 April) is not counted.
    const res = await ask(parent, { from: '2027-04-23', to: '2027-05-04', reason: 'Bruiloft van mijn zus in Portugal' });
    expect(res.status, res.text.slice(0, 300)).to.equal(303);
    const [request] = await stored(t);
    expect(request).to.include({ from: '2027-04-23', to: '2027-05-04', schoolDays: 3, status: 'submitted', studentId: parent.studentId });
    expect(res.headers.location).to.equal(`/kind/${parent.handle}/verlof?ontvangen=${request!.reference}`);
    const received = await parent.agent.get(res.headers.location!);
    expect(received.text).to.include('Ontvangen');
    expect(received.text).to.include('wacht op besluit');
    const mail = await t.services.outbox.get<{ to: string; text: string }>(`leave:${request!.id}`);
    expect(mail?.kind).to.equal('mail');
    expect(mail!.payload.to).to.equal('administratie@debron.example');
    expect(mail!.payload.text, 'the reason stays in the portal').not.to.include('Portugal');
    expect((await t.services.store.audit.query({ action: 'leave.submit' }))[0]).to.include({ actor: parent.accountId });

    const staff = await operatorLogin(t);
    const list = await staff.agent.get('/beheer/verlof');
    expect(list.status).to.equal(200);
    expect(list.text).to.include('Bruiloft van mijn zus in Portugal');
    const decided = await decide(t, staff.agent, request!.id, { besluit: 'approved', note: 'Fijne bruiloft!' });
    expect(decided.status).to.equal(303);
    expect(decided.headers.location).to.equal('/beheer/verlof?melding=approved');

    const page = await parent.agent.get(`/kind/${parent.handle}/verlof`);
    expect(page.text).to.match(new RegExp(`id="verlof-${request!.reference}"[\\s\\S]*?toegestaan[\\s\\S]*?Fijne bruiloft!`));
    const audit = await t.services.store.audit.query({ action: 'leave.approved' });
    expect(audit).to.have.length(1);
    expect(audit[0]).to.include({ actor: DEMO_OPERATOR.username, actorKind: 'operator', studentId: parent.studentId });
    const notes = await t.services.store.collection<PendingNotification>(NOTIFICATIONS_COLLECTION).list();
    expect(notes.map((n) => n.kind)).to.deep.equal(['leave-approved']);

    // Decided once: a second decision changes nothing.
    const again = await decide(t, staff.agent, request!.id, { besluit: 'refused', note: 'toch niet' });
    expect(again.headers.location).to.equal('/beheer/verlof?melding=alreadyDecided');
    expect((await stored(t))[0]).to.include({ status: 'approved' });
  });

  it('a refusal needs a note; staff with only the administratie role may not decide', async () => {
    const t = await createTestApp({ now: NOW, values: withRoles(['administratie']) });
    const parent = await parentSession(t);
    expect((await ask(parent, { from: '2027-03-10', to: '2027-03-10', reason: 'begrafenis' })).status).to.equal(303);
    const [request] = await stored(t);
    const admin = await operatorLogin(t);
    expect((await admin.agent.get('/beheer/verlof')).status).to.equal(403);
    const page = await admin.agent.get('/beheer/wijzigingen');
    const post = await admin.agent.post(`/beheer/verlof/${request!.id}/besluit`).type('form').send({ _csrf: csrfFrom(page.text), besluit: 'approved' });
    expect(post.status).to.equal(403);
    expect((await stored(t))[0]).to.include({ status: 'submitted' });

    const head = await createTestApp({ now: NOW, values: withRoles(['directie']) });
    const p2 = await parentSession(head);
    expect((await ask(p2, { from: '2027-03-10', to: '2027-03-10', reason: 'begrafenis' })).status).to.equal(303);
    const [r2] = await stored(head);
    const director = await operatorLogin(head);
    const noNote = await decide(head, director.agent, r2!.id, { besluit: 'refused', note: ' ' });
    expect(noNote.headers.location).to.equal('/beheer/verlof?melding=noteRequired');
    expect((await stored(head))[0]).to.include({ status: 'submitted' });
    await decide(head, director.agent, r2!.id, { besluit: 'refused', note: 'Dat valt niet onder gewichtige omstandigheden.' });
    const seen = await p2.agent.get(`/kind/${p2.handle}/verlof`);
    expect(seen.text).to.include('afgewezen');
    expect(seen.text).to.include('Dat valt niet onder gewichtige omstandigheden.');
  });

  it('marks a request of more than 10 school days for the leerplichtambtenaar', async () => {
    const t = await createTestApp({ now: NOW });
    const parent = await parentSession(t);
    const res = await ask(parent, { from: '2027-03-08', to: '2027-03-26', reason: 'familiebezoek in het buitenland' });
    expect(res.status).to.equal(303);
    expect((await stored(t))[0]).to.include({ schoolDays: 15 });
    expect((await parent.agent.get(res.headers.location!)).text).to.include('De directeur stuurt haar door naar de leerplichtambtenaar');
  });
});

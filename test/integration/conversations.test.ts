/**
 * "Gesprek aanvragen" end to end: a parent with gezag asks for a conversation, the request is
 * "ontvangen" once it is stored, its mail reaches the teacher's address from the SIS through the
 * outbox and a real SMTP server — naming nothing of the other parent — staff record the agreed
 * moment on /beheer/gesprekken, and the parent sees it; the other parent sees nothing of it. A
 * limited account asks only when the school's grant names the section `conversations`.
 */
import { expect } from 'chai';
import { csrfFrom, DEMO, type TestApp } from '../support/app.ts';
import { displayName } from '../../gateway/routes/parent/view-models/person-name.ts';
import { operatorLogin } from '../support/operator.ts';
import type { TestSmtp } from '../support/smtp.ts';
import { useSmtpApp } from '../support/smtp-app.ts';
import { CONVERSATIONS_COLLECTION } from '../../gateway/conversations/index.ts';
import { formFields, parentSession } from './changes.support.ts';

describe('conversation requests', function () {
  this.timeout(30_000);
  // Monday 1 March 2027.
  const mail = useSmtpApp();
  let smtp: TestSmtp;
  let t: TestApp;
  beforeEach(() => { ({ t, smtp } = mail); });

  it('reaches the teacher by mail, and the agreed moment staff record shows to the parent only', async () => {
    const father = await parentSession(t, DEMO.father);
    const page = await father.agent.get(`/kind/${father.handle}/gesprek`);
    expect(page.status).to.equal(200);
    // The school's own words from config (conversations.explanation).
    expect(page.text).to.include('Daarom heeft het portaal geen chat.');

    const posted = await father.agent.post(`/kind/${father.handle}/gesprek`).type('form').send({
      ...formFields(page.text), onderwerp: 'Hoe gaat het met lezen?', datum1: '2027-03-04', dagdeel1: 'after-school', datum2: '2027-03-08', dagdeel2: 'morning',
    });
    expect(posted.status).to.equal(303);
    const location = String(posted.headers.location);
    expect(location).to.match(/\/gesprek\?ontvangen=GS-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const reference = /GS-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(location)![0];
    const received = await father.agent.get(location);
    expect(received.text).to.include('Ontvangen').and.include(reference).and.include('Hoe gaat het met lezen?');
    // Stored with its mail before "ontvangen": the outbox holds it now, nothing sent yet.
    expect(await t.services.outbox.list({ kind: 'mail', status: 'pending' })).to.have.length(1);

    await t.services.delivery.runOnce();
    const student = (await t.services.sis.getStudent(father.studentId)).value;
    const teacher = student.teachers.find((x) => x.email)!;
    const mails = smtp.to(teacher.email!);
    expect(mails).to.have.length(1);
    const mail = mails[0]!;
    expect(mail.subject).to.include(reference);
    expect(mail.text).to.include('Hoe gaat het met lezen?').and.include('/beheer/gesprekken#').and.include('donderdag 4 maart, na schooltijd');
    // Nothing of the other parent: not her name, address, phone or e-mail.
    const mother = (await t.services.sis.getGuardian(DEMO.mother.guardianId)).value;
    expect(mail.text).not.to.include(displayName(mother.name));
    for (const c of mother.contacts) expect(mail.raw).not.to.include(c.value);
    if (mother.address) expect(mail.text).not.to.include(mother.address.street);

    const staff = await operatorLogin(t);
    const list = await staff.agent.get('/beheer/gesprekken');
    expect(list.status).to.equal(200);
    expect(list.text).to.include(reference).and.include('Hoe gaat het met lezen?');
    const id = new RegExp(`/beheer/gesprekken/([0-9a-f]{64})/afspraak`).exec(list.text)![1];
    const planned = await staff.agent.post(`/beheer/gesprekken/${id}/afspraak`).type('form')
      .send({ _csrf: csrfFrom(list.text), datum: '2027-03-04', tijd: '15:30' });
    expect(planned.status).to.equal(303);

    const after = await father.agent.get(`/kind/${father.handle}/gesprek`);
    expect(after.text).to.include('Afgesproken: donderdag 4 maart 2027 om 15:30 uur');
    const audit = await t.services.store.audit.query({});
    expect(audit.map((a) => a.action)).to.include.members(['conversation.request', 'conversation.plan']);

    // The other parent with gezag over the same child sees nothing of the request.
    const other = await parentSession(t, DEMO.mother);
    expect(other.studentId).to.equal(father.studentId);
    const hers = await other.agent.get(`/kind/${other.handle}/gesprek`);
    expect(hers.status).to.equal(200);
    expect(hers.text).not.to.include(reference).and.not.to.include('Hoe gaat het met lezen?');
    expect((await other.agent.get(`/kind/${other.handle}/gesprek?ontvangen=${reference}`)).status).to.equal(404);
  });

  it('re-renders a bad request with the input and a message per field, storing nothing', async () => {
    const parent = await parentSession(t);
    const page = await parent.agent.get(`/kind/${parent.handle}/gesprek`);
    const res = await parent.agent.post(`/kind/${parent.handle}/gesprek`).type('form').send({
      ...formFields(page.text), onderwerp: 'Rekenen', datum1: '2027-03-06', dagdeel1: 'morning', datum2: '2027-03-03', dagdeel2: '',
    });
    expect(res.status).to.equal(422);
    expect(res.text).to.include('value="Rekenen"').and.include('value="2027-03-06"');
    expect(res.text).to.include('Kies een schooldag (maandag tot en met vrijdag).').and.include('Kies een dagdeel bij deze datum.');
    expect(await t.services.outbox.list({ kind: 'mail' })).to.have.length(0);
  });

  it('a double post is one request and one mail', async () => {
    const parent = await parentSession(t);
    const page = await parent.agent.get(`/kind/${parent.handle}/gesprek`);
    const body = { ...formFields(page.text), onderwerp: 'Gedrag in de klas', datum1: '2027-03-02', dagdeel1: 'afternoon' };
    const first = await parent.agent.post(`/kind/${parent.handle}/gesprek`).type('form').send(body);
    const second = await parent.agent.post(`/kind/${parent.handle}/gesprek`).type('form').send(body);
    expect(second.headers.location).to.equal(`${String(first.headers.location)}&opnieuw=1`);
    expect(await t.services.outbox.list({ kind: 'mail' })).to.have.length(1);
  });

  it('is refused while the calendar keeps the section closed, also for a crafted post', async () => {
    t.clock.set('2026-12-01T10:00:00+01:00');
    const parent = await parentSession(t);
    expect((await parent.agent.get(`/kind/${parent.handle}/gesprek`)).status).to.equal(403);
    const token = csrfFrom((await parent.agent.get('/account')).text);
    const res = await parent.agent.post(`/kind/${parent.handle}/gesprek`).type('form').send({
      _csrf: token, formKey: 'k'.repeat(24), onderwerp: 'x', datum1: '2026-12-02', dagdeel1: 'morning',
    });
    expect(res.status).to.equal(403);
    expect(await t.services.outbox.list({ kind: 'mail' })).to.have.length(0);
  });

  it('lets a limited account ask only when the school\'s grant names the section', async () => {
    const parent = await parentSession(t);
    const now = t.clock.now().toISOString();
    const limit = (sections: string[]) => t.services.store.accounts.update(parent.accountId, {
      scope: 'limited', updatedAt: now, grant: { sections, until: '2027-12-31', reason: 'art. 1:377c BW', grantedBy: 'test', grantedAt: now },
    });
    const stored = () => t.services.store.collection(CONVERSATIONS_COLLECTION).list();
    const form = await parent.agent.get(`/kind/${parent.handle}/gesprek`);
    const body = { ...formFields(form.text), onderwerp: 'Hoe gaat het met lezen?', datum1: '2027-03-04', dagdeel1: 'after-school' };

    await limit(['personalia', 'absences']);
    expect((await parent.agent.get(`/kind/${parent.handle}/gesprek`)).status).to.equal(403);
    const refused = await parent.agent.post(`/kind/${parent.handle}/gesprek`).type('form').send(body);
    expect(refused.status, 'a crafted post without the grant').to.equal(403);
    expect(await stored()).to.deep.equal([]);
    expect(await t.services.outbox.list({ kind: 'mail' })).to.have.length(0);

    await limit(['personalia', 'absences', 'conversations']);
    const page = await parent.agent.get(`/kind/${parent.handle}/gesprek`);
    expect(page.status).to.equal(200);
    expect(page.text).to.include('Waarover wilt u praten?');
    const posted = await parent.agent.post(`/kind/${parent.handle}/gesprek`).type('form').send({ ...body, ...formFields(page.text) });
    expect(posted.status, posted.text.slice(0, 300)).to.equal(303);
    expect(await stored()).to.have.length(1);
    await t.services.delivery.runOnce();
    const student = (await t.services.sis.getStudent(parent.studentId)).value;
    expect(smtp.to(student.teachers.find((x) => x.email)!.email!)).to.have.length(1);
  });
});

/**
 * "Mijn gegevens" (issue #15, item 4): the parent's own copy as a page, a printable page and a
 * JSON download — everything the portal holds about them and their children as they may see it
 * now, the school staff's views from the audit (other parents' views not), closed sections with
 * their reopening date, audited and rate-limited, and nothing the parent may not see.
 */
import { expect } from 'chai';
import { createTestApp, DEMO } from '../support/app.ts';
import { operatorLogin } from '../support/operator.ts';
import { formFields, formValues, newAddress, parentSession, sendCorrection } from './changes.support.ts';

const NOW = '2027-03-01T10:00:00+01:00';

describe('Mijn gegevens: the parent\'s own copy', function () {
  this.timeout(30_000);

  it('gives the father his account and child, with nothing of the mother\'s secret data and no sign of it', async () => {
    const t = await createTestApp({ now: NOW });
    const motherGuardian = (await t.services.sis.getGuardian(DEMO.mother.guardianId)).value;
    const secretPhone = motherGuardian.contacts.find((c) => c.secret)!.value;
    const father = await parentSession(t, DEMO.father);
    const page = await father.agent.get('/mijn-gegevens');
    expect(page.status).to.equal(200);
    expect(page.text).to.include('<a href="/mijn-gegevens" aria-current="page">Mijn gegevens</a>');
    expect(page.text).to.include(DEMO.father.username);

    const download = await father.agent.get('/mijn-gegevens/download');
    expect(download.status).to.equal(200);
    expect(download.headers['content-disposition']).to.match(/^attachment; filename="mijn-gegevens-2027-03-01\.json"$/);
    const copy = JSON.parse(download.text) as { account: { username: string; activeSessions: unknown[]; lastLoginAt?: string }; children: Array<Record<string, unknown>> };
    expect(copy.account.username).to.equal(DEMO.father.username);
    expect(copy.account.activeSessions).to.have.length(1);
    expect(copy.account.lastLoginAt).to.be.a('string');
    expect(copy.children).to.have.length(1);
    expect(copy.children[0]!.personalia).to.be.an('object');
    for (const text of [download.text, page.text]) {
      expect(text).not.to.include(motherGuardian.address!.street);
      expect(text).not.to.include(motherGuardian.address!.postcode);
      expect(text).not.to.include(secretPhone);
      expect(text).not.to.match(/addressHidden|emergencyHidden|studentId/);
    }
    const print = await father.agent.get('/mijn-gegevens/afdruk');
    expect(print.status).to.equal(200);
    expect(print.text).not.to.include('class="main-nav"');
  });

  it('lists the parent\'s own last logins, each one an audit record, and not another parent\'s', async () => {
    const t = await createTestApp({ now: NOW });
    await parentSession(t, DEMO.mother);
    t.clock.advance(3_600_000);
    await parentSession(t, DEMO.father);
    t.clock.advance(3_600_000);
    const father = await parentSession(t, DEMO.father);
    const account = await t.services.store.accounts.findByUsername(DEMO.father.username);
    const records = await t.services.store.audit.query({ actor: account!.id, action: 'login' });
    expect(records.map((r) => r.actorKind)).to.deep.equal(['parent', 'parent']);
    const copy = JSON.parse((await father.agent.get('/mijn-gegevens/download')).text) as { account: { logins: string[] } };
    expect(copy.account.logins).to.deep.equal(['2027-03-01T11:00:00.000Z', '2027-03-01T10:00:00.000Z']);
    const page = await father.agent.get('/mijn-gegevens');
    expect(page.text).to.include('Eerdere keren ingelogd');
  });

  it('lists the mother\'s corrections with their history and the staff\'s views, not the other parent\'s', async () => {
    const t = await createTestApp({ now: NOW });
    const mother = await parentSession(t, DEMO.mother);
    const form = await mother.agent.get(`/kind/${mother.handle}/wijzigen`);
    const sent = await sendCorrection(mother.agent, mother.handle, { ...formFields(form.text), ...newAddress(formValues(form.text)) });
    const father = await parentSession(t, DEMO.father);
    expect((await father.agent.get(`/kind/${father.handle}`)).status).to.equal(200);
    const { agent } = await operatorLogin(t);
    await agent.get('/beheer/wijzigingen?toon=all');

    const copy = JSON.parse((await mother.agent.get('/mijn-gegevens/download')).text) as {
      children: Array<{ corrections: Array<{ reference: string; history: unknown[]; fields: Array<{ new: string; secret?: boolean }> }>; staffAccess: Array<{ by: string; action: string }> }>;
    };
    const [child] = copy.children;
    expect(child!.corrections.map((c) => c.reference)).to.deep.equal([sent.reference]);
    expect(child!.corrections[0]!.history).to.have.length.at.least(1);
    expect(child!.corrections[0]!.fields.find((f) => f.new === 'Lindelaan')).to.include({ secret: true });
    expect(child!.staffAccess.map((a) => a.by)).to.include('demo.beheerder');
    expect(JSON.stringify(copy)).not.to.include(father.accountId);
  });

  it('lists a closed section with its reopening date and leaves its data out', async () => {
    const t = await createTestApp({ now: '2027-01-15T10:00:00+01:00' });
    const parent = await parentSession(t, DEMO.parent);
    const copy = JSON.parse((await parent.agent.get('/mijn-gegevens/download')).text) as { children: Array<{ closed: Array<{ section: string; reopensOn?: string }>; results?: unknown }> };
    for (const child of copy.children) {
      expect(child.results).to.equal(undefined);
      expect(child.closed.map((c) => c.section)).to.include.members(['results.method', 'results.lvs']);
    }
  });

  it('audits each copy per child and limits how often it is taken', async () => {
    const t = await createTestApp({ now: NOW });
    const parent = await parentSession(t, DEMO.parent);
    expect((await parent.agent.get('/mijn-gegevens/download')).status).to.equal(200);
    const views = await t.services.store.audit.query({ actor: parent.accountId, action: 'view' });
    expect(views.filter((v) => v.section === 'mydata')).to.have.length(2);
    expect(await t.services.store.audit.query({ actor: parent.accountId, action: 'mydata.json' })).to.have.length(1);
    for (let i = 0; i < 9; i++) expect((await parent.agent.get('/mijn-gegevens')).status).to.equal(200);
    const limited = await parent.agent.get('/mijn-gegevens/download');
    expect(limited.status).to.equal(429);
    expect(limited.headers['retry-after']).to.match(/^\d+$/);
    expect(await t.services.store.audit.query({ actor: parent.accountId, action: 'mydata.json' })).to.have.length(1);
    t.clock.advance(3_600_000);
    const again = await parentSession(t, DEMO.parent);
    expect((await again.agent.get('/mijn-gegevens/download')).status).to.equal(200);
  });
});

/**
 * Parents' accounts for staff: find (by POST, partial names, a child's name), the account page,
 * disable / enable ending sessions at once, limited access granted to a guardian without gezag
 * and honoured on the parent side until its last day, revoked — every step audited.
 */
import { expect } from 'chai';
import request from 'supertest';
import { loginAs, type Agent } from '../support/agent.ts';
import { CHEAP_HASHER, createTestApp, csrfFrom, DEMO, type TestApp } from '../support/app.ts';
import { operatorLogin } from '../support/operator.ts';
import { parentSubject, totpCode } from '../../gateway/auth/second-factor/index.ts';

const NOW = '2027-03-01T10:00:00+01:00';
const NO_GEZAG_FATHER = 'V2008';

async function search(staff: Agent, zoek: string) {
  const form = await staff.get('/beheer/accounts');
  return staff.post('/beheer/accounts').type('form').send({ _csrf: csrfFrom(form.text), zoek });
}

async function accountAction(staff: Agent, accountId: string, action: string, fields: Record<string, string | string[]> = {}) {
  const page = await staff.get(`/beheer/accounts/${accountId}`);
  return staff.post(`/beheer/accounts/${accountId}/${action}`).type('form').send({ _csrf: csrfFrom(page.text), ...fields });
}

async function accountIdOf(t: TestApp, guardianId: string): Promise<string> {
  return (await t.services.store.accounts.findByGuardianId(guardianId))!.id;
}

describe('operator: parents\' accounts', function () {
  this.timeout(30_000);
  let t: TestApp;
  let staff: Agent;

  beforeEach(async () => {
    t = await createTestApp({ now: NOW });
    staff = (await operatorLogin(t)).agent;
  });

  it('finds a parent by part of their name, their username, their address or a child\'s name, by POST only', async () => {
    for (const zoek of ['berkelbr', 'demo.ouder', 'BERKELBROEK']) {
      const res = await search(staff, zoek);
      expect(res.status, zoek).to.equal(200);
      expect(res.text, zoek).to.contain('Annemiek Berkelbroek');
    }
    const byChild = await search(staff, 'molenh');
    expect(byChild.text).to.contain('Yara Molenhoek');
    // The father without gezag has no account, and is offered for limited access.
    expect(byChild.text).to.contain('Tim Molenhoek');
    expect(byChild.text).to.contain('Beperkte toegang geven');
    expect((await search(staff, 'x')).status).to.equal(422);
    expect((await staff.get('/beheer/accounts?zoek=berkel')).text).not.to.contain('Annemiek');
    const audit = await t.services.store.audit.query({ action: 'operator.account.search' });
    expect(audit).to.have.length(4);
    expect(JSON.stringify(audit)).not.to.match(/berkel|molenh/i);
  });

  it('shows the account: children with relation and gezag, state, sessions, invitation', async () => {
    await loginAs(t, DEMO.parent.username, DEMO.parent.password);
    const page = await staff.get(`/beheer/accounts/${await accountIdOf(t, DEMO.parent.guardianId)}`);
    expect(page.status).to.equal(200);
    expect(page.text).to.contain('Annemiek Berkelbroek');
    expect(page.text).to.match(/<th scope="row">[^<]+<\/th><td[^>]*>moeder<\/td><td[^>]*>ja<\/td>/);
    expect(page.text).to.contain('1 actieve sessie');
    expect(page.text).to.contain('actief');
  });

  it('disables an account with a reason, ending the parent\'s session at once; enables it again; both audited', async () => {
    const parent = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
    expect((await parent.agent.get('/')).status).to.equal(200);
    const id = await accountIdOf(t, DEMO.parent.guardianId);
    const refused = await accountAction(staff, id, 'uitschakelen', { reden: '' });
    expect(refused.headers.location).to.contain('melding=reasonRequired');
    expect((await t.services.store.accounts.get(id))!.status).to.equal('active');

    const res = await accountAction(staff, id, 'uitschakelen', { reden: 'Verzoek van de ouder zelf' });
    expect(res.status).to.equal(303);
    expect((await t.services.store.accounts.get(id))!.status).to.equal('disabled');
    expect((await parent.agent.get('/')).status).to.equal(303);
    expect((await t.services.store.sessions.listByAccount(id, t.clock.now()))).to.have.length(0);
    expect((await loginAs(t, DEMO.parent.username, DEMO.parent.password)).location).not.to.equal('/');

    await accountAction(staff, id, 'inschakelen', { reden: 'Misverstand opgehelderd' });
    expect((await t.services.store.accounts.get(id))!.status).to.equal('active');
    expect((await loginAs(t, DEMO.parent.username, DEMO.parent.password)).location).to.equal('/');
    const actions = (await t.services.store.audit.query({ actor: 'demo.beheerder' })).map((r) => `${r.action}:${r.detail?.reason ?? ''}`);
    expect(actions).to.include.members(['operator.account.disable:Verzoek van de ouder zelf', 'operator.account.enable:Misverstand opgehelderd']);
  });

  it('shows the second factor and resets it with a reason: the parent is logged out, audited', async () => {
    const id = await accountIdOf(t, DEMO.parent.guardianId);
    const subject = parentSubject(id);
    const enrolment = await t.services.secondFactor.beginEnrolment(subject, DEMO.parent.username);
    const confirmed = await t.services.secondFactor.confirmEnrolment(subject, totpCode(enrolment.secret, t.clock.now().getTime()), undefined);
    expect(confirmed.ok).to.equal(true);
    const page = await staff.get(`/beheer/accounts/${id}`);
    expect(page.text).to.match(/Tweede factor<\/dt><dd>aan \(\d+ herstelcodes over\)/);
    const parent = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
    expect((await accountAction(staff, id, 'tweede-factor', { reden: '' })).headers.location).to.contain('reasonRequired');
    const res = await accountAction(staff, id, 'tweede-factor', { reden: 'Telefoon kwijt, gecontroleerd aan de balie' });
    expect(res.headers.location).to.contain('melding=secondFactorReset');
    expect((await t.services.secondFactor.status(subject)).enrolled).to.equal(false);
    expect((await parent.agent.get('/')).status).to.equal(303);
    expect((await staff.get(`/beheer/accounts/${id}`)).text).to.contain('Tweede factor</dt><dd>uit');
    const audit = await t.services.store.audit.query({ action: 'operator.account.secondFactorReset' });
    expect(audit[0]!.detail).to.deep.include({ account: id, reason: 'Telefoon kwijt, gecontroleerd aan de balie', outcome: 'reset' });
    expect(t.logs()).to.contain('"securityEvent":"secondFactor.reset"');
  });

  it('ends every session of an account', async () => {
    const a = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
    const b = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
    await accountAction(staff, await accountIdOf(t, DEMO.parent.guardianId), 'sessies');
    expect((await a.agent.get('/')).status).to.equal(303);
    expect((await b.agent.get('/')).status).to.equal(303);
  });

  it('grants limited access to a father without gezag: invited, sees only the granted sections, until the end date; revoked', async () => {
    const start = await staff.post('/beheer/accounts/toegang').type('form')
      .send({ _csrf: csrfFrom((await search(staff, 'molenhoek')).text), guardian: NO_GEZAG_FATHER });
    expect(start.status).to.equal(200);
    expect(start.text).to.contain('Beperkte toegang voor Tim Molenhoek');
    // Asking for a conversation is the school's choice: offered, never ticked by default.
    expect(start.text).to.match(/<input type="checkbox" id="section-\d+" name="onderdelen" value="conversations">/);
    expect(start.text).to.contain('Een gesprek aanvragen (alleen als de school dat toestaat)');
    // A bad form comes back with a message next to each field, and nothing is created.
    const bad = await staff.post('/beheer/accounts/toegang').type('form')
      .send({ _csrf: csrfFrom(start.text), guardian: NO_GEZAG_FATHER, stap: 'opslaan', tot: '2027-02-01', reden: '' });
    expect(bad.status).to.equal(422);
    expect(bad.text).to.contain('Kies minstens één onderdeel');
    expect(bad.text).to.contain('Kies een datum vanaf vandaag');
    expect(bad.text).to.contain('Geef een reden op.');
    expect(await t.services.store.accounts.findByGuardianId(NO_GEZAG_FATHER)).to.equal(undefined);

    const ok = await staff.post('/beheer/accounts/toegang').type('form').send({
      _csrf: csrfFrom(start.text), guardian: NO_GEZAG_FATHER, stap: 'opslaan',
      onderdelen: ['results.lvs', 'results.method'], tot: '2027-03-31', reden: 'Verzoek om informatie (art. 1:377c BW)',
    });
    expect(ok.status).to.equal(303);
    const account = (await t.services.store.accounts.findByGuardianId(NO_GEZAG_FATHER))!;
    expect(account).to.deep.include({ scope: 'limited', status: 'active', studentIds: ['L1005'] });
    expect(account.grant).to.deep.include({ sections: ['results.lvs', 'results.method'], until: '2027-03-31', grantedBy: 'demo.beheerder' });
    expect(account.invitations).to.equal(1);
    expect((await t.services.outbox.list()).some((i) => i.kind === 'mail')).to.equal(true);
    const grantAudit = await t.services.store.audit.query({ action: 'operator.account.grant' });
    expect(grantAudit[0]!.detail).to.deep.include({ account: account.id, sections: 'results.lvs,results.method', until: '2027-03-31', invited: true });

    // The father logs in (as if he had finished his first login).
    await t.services.store.accounts.update(account.id, {
      passwordHash: await CHEAP_HASHER.hashPassword('een lang wachtwoord voor de vader'), mustChangePassword: false, initialSecretHash: undefined,
    });
    const father = await loginAs(t, account.username, 'een lang wachtwoord voor de vader');
    const home = await father.agent.get('/');
    expect(home.status).to.equal(200);
    const handle = /href="\/kind\/([^"/]+)"/.exec(home.text)![1]!;
    expect((await father.agent.get(`/kind/${handle}/resultaten`)).status).to.equal(200);
    const absences = await father.agent.get(`/kind/${handle}/absenties`);
    expect(absences.status).to.equal(200);
    expect(absences.text).to.contain('valt niet onder de toegang');
    expect(t.sisCalls.filter((c) => c.method === 'listAbsences')).to.have.length(0);

    // After the last day the login no longer counts.
    t.clock.set('2027-04-01T00:00:01+02:00');
    expect((await father.agent.get('/')).status).to.equal(303);
    t.clock.set(NOW);
    const again = await loginAs(t, account.username, 'een lang wachtwoord voor de vader');
    expect((await again.agent.get('/')).status).to.equal(200);

    // Revoked: out at once, and nothing to see any more.
    await accountAction(staff, account.id, 'intrekken', { reden: 'Rechter heeft anders beslist' });
    expect((await again.agent.get('/')).status).to.equal(303);
    expect((await t.services.store.accounts.get(account.id))!.grant).to.equal(undefined);
  });

  it('never narrows a parent with gezag, and keeps the pages from parents', async () => {
    const res = await staff.post('/beheer/accounts/toegang').type('form').send({
      _csrf: csrfFrom((await staff.get('/beheer/accounts')).text), account: await accountIdOf(t, DEMO.parent.guardianId),
    });
    expect(res.status).to.equal(404);
    const parent = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
    expect((await parent.agent.get('/beheer/accounts')).status).to.equal(303);
    expect((await request(t.app).get('/beheer/accounts')).status).to.equal(303);
  });
});

/**
 * The audit search (role beheer): filters by child, parent account, staff member, section, kind
 * and dates (POST: no names in URLs), pages, a CSV export; the search itself is audited.
 */
import { expect } from 'chai';
import { loginAs, type Agent } from '../support/agent.ts';
import { createTestApp, csrfFrom, DEMO, type TestApp } from '../support/app.ts';
import { DEMO_OPERATOR, operatorLogin } from '../support/operator.ts';
import { displayName } from '../../gateway/routes/parent/view-models/person-name.ts';

const NOW = '2027-03-01T10:00:00+01:00';

async function searchAudit(staff: Agent, fields: Record<string, string>) {
  const form = await staff.get('/beheer/audit');
  return staff.post('/beheer/audit').type('form').send({ _csrf: csrfFrom(form.text), ...fields });
}

describe('operator: the audit log', function () {
  this.timeout(30_000);
  let t: TestApp;
  let staff: Agent;

  before(async () => {
    t = await createTestApp({ now: NOW });
    const parent = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
    const home = await parent.agent.get('/');
    for (const handle of [...home.text.matchAll(/href="\/kind\/([^"/]+)"/g)].map((m) => m[1])) await parent.agent.get(`/kind/${handle}`);
    // A staff action on the parent's account, a day later.
    t.clock.advance(24 * 3600_000);
    staff = (await operatorLogin(t)).agent;
    const account = (await t.services.store.accounts.findByGuardianId(DEMO.parent.guardianId))!;
    const page = await staff.get(`/beheer/accounts/${account.id}`);
    await staff.post(`/beheer/accounts/${account.id}/sessies`).type('form').send({ _csrf: csrfFrom(page.text) });
  });

  it('finds the views of one child by part of its name, and nothing of others', async () => {
    const res = await searchAudit(staff, { kind: 'Berkelbroek', soort: 'view' });
    // Two children share the family name: the filter asks to be more precise.
    expect(res.status).to.equal(422);
    const [child, other] = (await t.services.sis.getGuardian(DEMO.parent.guardianId)).value.children.map((l) => l.studentId) as [string, string];
    const name = displayName((await t.services.sis.getStudent(child)).value.name);
    const one = await searchAudit(staff, { kind: name, soort: 'view' });
    expect(one.status, name).to.equal(200);
    expect(one.text).to.contain(`<td data-label="Kind (id)">${child}</td>`);
    expect(one.text).not.to.contain(`>${other}<`);
  });

  it('finds what happened to and by one parent account, by staff member, section and kind', async () => {
    const byAccount = await searchAudit(staff, { account: DEMO.parent.username, soort: 'staff' });
    expect(byAccount.text).to.contain('operator.account.endSessions');
    expect(byAccount.text).not.to.contain('<td data-label="Actie">view</td>');
    const byStaff = await searchAudit(staff, { medewerker: DEMO_OPERATOR.username, onderdeel: 'accounts' });
    expect(byStaff.text).to.contain('operator.account.endSessions');
    expect(byStaff.text).not.to.contain('(ouder)');
    expect((await searchAudit(staff, { account: 'nobody.here' })).status).to.equal(422);
  });

  it('filters by date range, the last day inclusive', async () => {
    const firstDay = await searchAudit(staff, { van: '2027-03-01', tot: '2027-03-01', soort: 'staff' });
    expect(firstDay.text).not.to.contain('operator.account.endSessions');
    const secondDay = await searchAudit(staff, { van: '2027-03-02', tot: '2027-03-02', soort: 'staff' });
    expect(secondDay.text).to.contain('operator.account.endSessions');
    expect((await searchAudit(staff, { van: 'gisteren' })).status).to.equal(422);
  });

  it('pages through many records with buttons that post the filters back', async () => {
    for (let i = 0; i < 60; i += 1) await staff.get('/beheer/wijzigingen');
    const first = await searchAudit(staff, { onderdeel: 'changes.queue' });
    expect(first.text).to.contain('pagina 1 van 2');
    expect(first.text).to.contain('name="pagina" value="2"');
    const second = await staff.post('/beheer/audit').type('form').send({ _csrf: csrfFrom(first.text), onderdeel: 'changes.queue', pagina: '2' });
    expect(second.text).to.contain('pagina 2 van 2');
    expect((second.text.match(/<tr>\s*<th scope="row">/g) ?? []).length).to.equal(10);
  });

  it('exports every match as CSV, safe for spreadsheets, and audits searches and exports', async () => {
    const res = await searchAudit(staff, { account: DEMO.parent.username, export: 'csv' });
    expect(res.status).to.equal(200);
    expect(res.headers['content-type']).to.contain('text/csv');
    expect(res.headers['content-disposition']).to.match(/^attachment; filename="audit-2027-03-02\.csv"$/);
    const lines = res.text.trim().split('\r\n');
    expect(lines[0]).to.equal('at,actorKind,actor,action,section,studentId,requestId,detail');
    expect(lines.some((l) => l.includes('operator.account.endSessions'))).to.equal(true);
    const audited = await t.services.store.audit.query({ actor: DEMO_OPERATOR.username });
    const actions = audited.map((r) => r.action);
    expect(actions).to.include.members(['operator.audit.search', 'operator.audit.export']);
    expect(JSON.stringify(audited.filter((r) => r.action.startsWith('operator.audit')))).not.to.contain(DEMO.parent.username);
  });

  it('is for beheer only', async () => {
    const admin = await createTestApp({
      now: NOW,
      values: { operators: { accounts: [{ username: DEMO_OPERATOR.username, demoPassword: DEMO_OPERATOR.password, roles: ['administratie'] }] } },
    });
    expect((await (await operatorLogin(admin)).agent.get('/beheer/audit')).status).to.equal(403);
  });
});

/**
 * The audit is complete and true (issue #15, item 3): a staff page that shows children's data
 * leaves one view record per child listed, and the log line for a password reset request reads the
 * same whether or not the address has an account. (The re-rendered correction form's audit is in
 * changes.test.ts.)
 */
import { expect } from 'chai';
import request from 'supertest';
import { createTestApp, csrfFrom, DEMO } from '../support/app.ts';
import { operatorLogin } from '../support/operator.ts';
import { formFields, formValues, newAddress, parentSession, sendCorrection } from './changes.support.ts';

const NOW = '2027-03-01T10:00:00+01:00';

describe('audit: complete and true', function () {
  this.timeout(20_000);

  it('records a view for each child the operator queue lists, by the operator', async () => {
    const t = await createTestApp({ now: NOW });
    const children: string[] = [];
    for (const who of [DEMO.parent, DEMO.separated]) {
      const parent = await parentSession(t, who);
      const form = await parent.agent.get(`/kind/${parent.handle}/wijzigen`);
      await sendCorrection(parent.agent, parent.handle, { ...formFields(form.text), ...newAddress(formValues(form.text)) });
      children.push(parent.studentId);
    }
    const { agent } = await operatorLogin(t);
    expect((await agent.get('/beheer/wijzigingen?toon=all')).status).to.equal(200);
    const views = await t.services.store.audit.query({ actor: 'demo.beheerder', action: 'view' });
    const perChild = views.filter((v) => v.studentId !== undefined);
    expect(perChild.map((v) => v.studentId).sort()).to.deep.equal([...children].sort());
    for (const v of perChild) expect(v).to.include({ actorKind: 'operator', section: 'changes' });

    // A filter that lists no one records no child.
    await agent.get('/beheer/wijzigingen?toon=rejected');
    const after = await t.services.store.audit.query({ actor: 'demo.beheerder', action: 'view' });
    expect(after.filter((v) => v.studentId !== undefined)).to.have.length(children.length);
  });

  it('logs a password reset request with the same line for a known and an unknown address', async () => {
    const t = await createTestApp({ now: NOW });
    const known = (await t.services.store.accounts.findByUsername(DEMO.parent.username))!.email!;
    const lines: Array<Record<string, unknown>> = [];
    for (const email of [known, 'niemand@voorbeeld.nl']) {
      const agent = request.agent(t.app);
      const form = await agent.get('/wachtwoord-vergeten');
      const res = await agent.post('/wachtwoord-vergeten').type('form').send({ _csrf: csrfFrom(form.text), email });
      expect(res.status).to.equal(200);
    }
    for (const line of t.logs().split('\n').filter(Boolean)) {
      const entry = JSON.parse(line) as Record<string, unknown>;
      if (line.includes('password.reset.request') || entry.msg === 'password reset requested') lines.push(entry);
    }
    expect(lines).to.have.length(2);
    const shape = (entry: Record<string, unknown>) => Object.keys(entry).filter((k) => !['time', 'requestId', 'reqId'].includes(k)).sort()
      .map((k) => [k, entry[k]]);
    expect(shape(lines[0]!)).to.deep.equal(shape(lines[1]!));
    expect(t.logs()).not.to.include(known);
  });
});

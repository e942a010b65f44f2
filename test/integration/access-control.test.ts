/** Who sees which child, and what of it: through the real app over the mock SIS. */
import { expect } from 'chai';
import { createTestApp, DEMO, type TestApp } from '../support/app.ts';
import { loginAs } from '../support/agent.ts';

const childLinks = (html: string) => [...html.matchAll(/href="(\/kind\/[A-Za-z0-9_-]{16})"/g)].map((m) => m[1]!);

describe('access control on children', () => {
  let t: TestApp;
  beforeEach(async () => { t = await createTestApp(); });

  it("lists exactly the parent's own children with gezag", async () => {
    const guardian = await t.services.sis.getGuardian(DEMO.parent.guardianId);
    const { agent } = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
    const dash = await agent.get('/');
    const links = new Set(childLinks(dash.text));
    expect(links.size).to.equal(guardian.value.children.filter((c) => c.gezag).length);
    for (const link of guardian.value.children) {
      const student = await t.services.sis.getStudent(link.studentId);
      expect(dash.text).to.include(student.value.name.given);
    }
  });

  it("answers another family's child, existing or not, with the same 404 and no SIS call for it", async () => {
    // The other separated parent's handle for the same child is useless here (handles are per account).
    const other = await loginAs(t, DEMO.separated.username, DEMO.separated.password);
    const otherLink = childLinks((await other.agent.get('/')).text)[0]!;
    const { agent } = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
    await agent.get('/');
    const foreignStudent = (await t.services.sis.getGuardian(DEMO.separated.guardianId)).value.children[0]!.studentId;
    t.sisCalls.length = 0;
    const responses = await Promise.all([
      agent.get(otherLink),
      agent.get(`${otherLink}/resultaten`),
      agent.get('/kind/AAAAAAAAAAAAAAAA'),
      agent.get(`/kind/${foreignStudent}`),
      agent.get('/kind/..%2F..%2Fetc'),
    ]);
    for (const res of responses) expect(res.status).to.equal(404);
    // Only the request id and the language switch's way back differ.
    const bodies = responses.map((r) => r.text.replace(/[2-9A-HJKMNP-TW-Z]{5}-[2-9A-HJKMNP-TW-Z]{5}/g, '').replace(/terug[^"]*"/g, ''));
    expect(new Set(bodies).size, 'one and the same 404 page').to.equal(1);
    const touched = t.sisCalls.filter((c) => c.args.includes(foreignStudent));
    expect(touched, 'no SIS call for the foreign child').to.deep.equal([]);
  });

  it("never shows the other parent's secret address or phone", async () => {
    const mother = (await t.services.sis.getGuardian('V2010')).value;
    const secretValues = [
      ...(mother.address?.secret ? [mother.address.street, mother.address.postcode] : []),
      ...mother.contacts.filter((c) => c.secret).map((c) => c.value),
    ];
    expect(secretValues.length, 'the persona has secrets').to.be.greaterThan(1);
    const { agent } = await loginAs(t, DEMO.father.username, DEMO.father.password);
    const links = childLinks((await agent.get('/')).text);
    expect(links.length).to.be.greaterThan(0);
    for (const link of links) {
      for (const path of [link, `${link}/absenties`, `${link}/resultaten`]) {
        const page = await agent.get(path);
        expect(page.status, path).to.equal(200);
        for (const secret of secretValues) expect(page.text, `${path} leaks a secret`).not.to.include(secret);
      }
    }
  });

  it('gives a guardian without gezag no account', async () => {
    expect(await t.services.store.accounts.findByGuardianId('V2008')).to.equal(undefined);
    expect(await t.services.store.accounts.findByGuardianId('V2012'), 'no e-mail, no invitation').to.equal(undefined);
  });

  it("records every view of a child's section in the audit log, with no personal data in logs or URLs", async () => {
    const { agent } = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
    const account = await t.services.store.accounts.findByUsername(DEMO.parent.username);
    const [link] = childLinks((await agent.get('/')).text);
    await agent.get(link!);
    await agent.get(`${link}/absenties`);
    await agent.get(`${link}/resultaten`);
    const records = await t.services.store.audit.query({ actor: account!.id, action: 'view' });
    const sections = records.map((r) => r.section);
    expect(sections).to.include.members(['personalia', 'absences']);
    expect(sections.some((s) => s?.startsWith('results'))).to.equal(true);
    for (const r of records.filter((x) => x.section !== 'dashboard')) expect(r.studentId).to.match(/^L\d+$/);

    const guardian = (await t.services.sis.getGuardian(DEMO.parent.guardianId)).value;
    const child = (await t.services.sis.getStudent(guardian.children[0]!.studentId)).value;
    const logs = t.logs();
    expect(logs).to.include('"status":200');
    for (const personal of [guardian.name.family, child.name.given, DEMO.parent.username, DEMO.parent.password, child.id]) {
      expect(logs, `logs contain ${personal}`).not.to.include(personal);
    }
  });
});

import { expect } from 'chai';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import { DEMO_PERSONAS } from '../../adapters/mock/index.ts';
import { createSectionPolicy, loadCalendarFile } from '../../gateway/policy/index.ts';
import type { AccessGrant } from '../../gateway/privacy/grant.ts';
import { createHarness, gezagChildren, textOf, type Harness } from './parent-pages.support.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const demoCalendar = loadCalendarFile(path.join(root, 'config/calendar.yaml'));

/** The parent pages under the demo calendar, on a given instant. */
async function demoAt(guardianId: string, now: string, scope: 'full' | 'limited' = 'full'): Promise<Harness> {
  // The harness makes the clock; the policy reads it through this reference.
  const ref: { harness?: Harness } = {};
  const policy = createSectionPolicy(() => demoCalendar, { now: () => ref.harness!.clock.now() });
  ref.harness = await createHarness({ guardianId, scope, now, policy });
  return ref.harness;
}

const reportHrefs = (html: string) => [...html.matchAll(/href="(\/kind\/[^"/]+\/rapporten\/[^"]+)"/g)].map((m) => m[1]!);

async function bodyOf(res: request.Response): Promise<Buffer> {
  return Buffer.isBuffer(res.body) ? res.body : Buffer.from(res.text ?? '', 'latin1');
}

const binary = (req: request.Test) => req.buffer(true).parse((res, cb) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
});

describe('report cards on the demo calendar', function () {
  this.timeout(30_000);
  const mother = DEMO_PERSONAS.twoChildren.guardianId;

  it('on 1 July the section is closed (June closure, reopens 2 July): no list, and a download link from earlier is refused with 403', async () => {
    // A link the parent kept from February.
    const feb = await demoAt(mother, '2027-03-01T10:00:00Z');
    const [child] = (await gezagChildren(feb, mother)) as [string];
    const febPage = await request(feb.app).get(`/kind/${feb.handleOf(child)}/rapporten`);
    expect(febPage.status).to.equal(200);
    const [rapport1] = reportHrefs(febPage.text);
    expect(rapport1, 'Rapport 1 is listed in March').to.be.a('string');

    feb.clock.set('2027-07-01T21:59:59Z'); // 23:59:59 on 1 July in Amsterdam
    const closed = await request(feb.app).get(`/kind/${feb.handleOf(child)}/rapporten`);
    expect(textOf(closed.text)).to.include('Rapporten: nu gesloten');
    expect(textOf(closed.text)).to.include('2 juli 2027');
    const refused = await request(feb.app).get(rapport1!);
    expect(refused.status).to.equal(403);
    expect(refused.headers['content-type']).to.match(/text\/html/);
    expect(refused.headers['cache-control']).to.equal('no-store');
  });

  it('on 2 July the June report is listed and downloads as a PDF: no-store, no personal data in the URL or file name, audited', async () => {
    const h = await demoAt(mother, '2027-07-01T22:00:00Z'); // 00:00 on 2 July in Amsterdam
    const [child] = (await gezagChildren(h, mother)) as [string];
    const page = await request(h.app).get(`/kind/${h.handleOf(child)}/rapporten`);
    expect(page.status).to.equal(200);
    const text = textOf(page.text);
    expect(text).to.include('Rapport 2, schooljaar 2026-2027');
    expect(text).to.include('Eén rapport is een moment');
    const reports = await h.sisData.listReports!(child);
    const june = reports.find((r) => r.issuedOn === '2027-07-02')!;
    const [href] = reportHrefs(page.text);
    expect(href).to.not.include(child);
    expect(href).to.not.include(june.id);

    const res = await binary(request(h.app).get(href!));
    expect(res.status).to.equal(200);
    expect(res.headers['content-type']).to.equal('application/pdf');
    expect(res.headers['cache-control']).to.equal('no-store');
    expect(res.headers['content-disposition']).to.equal('attachment; filename="rapport-2026-2027-rapport-2.pdf"');
    const bytes = await bodyOf(res);
    expect(bytes.subarray(0, 5).toString('latin1')).to.equal('%PDF-');
    expect(Number(res.headers['content-length'])).to.equal(bytes.length);

    const audit = await h.store.audit.query({ studentId: child });
    expect(audit.map((a) => `${a.action}:${a.section}`)).to.include.members(['view:reports', 'download:reports']);
    expect(audit.find((a) => a.action === 'download')?.detail).to.deep.equal({ reportId: june.id });
  });

  it('a report announced for later is not listed and its handle does not resolve; another parent\'s link is a 404', async () => {
    const h = await demoAt(mother, '2027-03-01T10:00:00Z');
    const [child] = (await gezagChildren(h, mother)) as [string];
    const page = await request(h.app).get(`/kind/${h.handleOf(child)}/rapporten`);
    expect(textOf(page.text)).to.not.include('Rapport 2, schooljaar 2026-2027');
    const hrefs = reportHrefs(page.text);
    // Forge the handle of the July report the way the gateway would make it: still a 404 in March.
    const { reportHandle } = await import('../../gateway/reports/report-handles.ts');
    const july = (await h.sisData.listReports!(child)).find((r) => r.issuedOn === '2027-07-02')!;
    const forged = `/kind/${h.handleOf(child)}/rapporten/${reportHandle(h.handles, h.viewer.accountId, july)}`;
    expect((await request(h.app).get(forged)).status).to.equal(404);
    expect((await request(h.app).get(`/kind/${h.handleOf(child)}/rapporten/AAAAAAAAAAAAAAAA`)).status).to.equal(404);

    await h.as(DEMO_PERSONAS.separatedA.guardianId);
    expect((await request(h.app).get(hrefs[0]!)).status).to.equal(404);
  });

  it('the results page links the report of the same period', async () => {
    const h = await demoAt(mother, '2027-07-02T10:00:00Z');
    const [child] = (await gezagChildren(h, mother)) as [string];
    const res = await request(h.app).get(`/kind/${h.handleOf(child)}/resultaten`);
    expect(textOf(res.text)).to.include('Het rapport van deze periode: Rapport 2');
    expect(reportHrefs(res.text)).to.have.length(1);
  });

  describe('a parent without gezag', () => {
    const father = DEMO_PERSONAS.noGezag.guardianId;
    const grant = (sections: string[], until = '2027-07-31'): AccessGrant => ({
      sections, until, reason: 'verzoek art. 1:377c BW', grantedBy: 'op-1', grantedAt: '2027-01-10T09:00:00Z',
    });

    async function limited(g?: AccessGrant) {
      const h = await demoAt(father, '2027-07-02T10:00:00Z', 'limited');
      if (g) await h.store.accounts.update(h.viewer.accountId, { grant: g });
      const guardian = await h.sisData.getGuardian!(father);
      const child = guardian.children[0]!.studentId;
      return { h, base: `/kind/${h.handleOf(child)}` };
    }

    it('without a grant for reports sees no report section (404, not in the menu) and never the medical card', async () => {
      const { h, base } = await limited(grant(['results.lvs']));
      const overview = await request(h.app).get(base);
      expect(overview.text).to.not.include('/rapporten');
      expect(overview.text).to.not.include('/medisch');
      expect((await request(h.app).get(`${base}/rapporten`)).status).to.equal(404);
      expect((await request(h.app).get(`${base}/medisch`)).status).to.equal(404);
    });

    it('with a grant covering reports downloads them; after the grant ends they are gone; medical stays closed to them', async () => {
      const { h, base } = await limited(grant(['reports', 'medical']));
      const page = await request(h.app).get(`${base}/rapporten`);
      expect(page.status).to.equal(200);
      const [href] = reportHrefs(page.text);
      expect((await binary(request(h.app).get(href!))).status).to.equal(200);
      expect((await request(h.app).get(`${base}/medisch`)).status).to.equal(404);

      await h.store.accounts.update(h.viewer.accountId, { grant: grant(['reports'], '2027-07-01') });
      expect((await request(h.app).get(`${base}/rapporten`)).status).to.equal(404);
      expect((await request(h.app).get(href!)).status).to.equal(404);
    });
  });
});

describe('the medical card on the demo calendar', function () {
  this.timeout(30_000);
  const mother = DEMO_PERSONAS.secretAddress.guardianId;
  const SECRET = 'jeugd-GGZ';

  async function childOf(h: Harness, guardianId: string) {
    return (await gezagChildren(h, guardianId))[0]!;
  }

  it('before the section opens it is closed; from 8 December a parent with gezag sees it, audited', async () => {
    const h = await demoAt(mother, '2026-12-07T12:00:00Z');
    const child = await childOf(h, mother);
    const closed = await request(h.app).get(`/kind/${h.handleOf(child)}/medisch`);
    expect(textOf(closed.text)).to.include('Medische gegevens: nog niet open');
    expect(h.calls.filter((c) => c.method === 'getMedicalCard')).to.deep.equal([]);

    h.clock.set('2026-12-08T09:00:00Z');
    const res = await request(h.app).get(`/kind/${h.handleOf(child)}/medisch`);
    expect(res.status).to.equal(200);
    expect(res.headers['cache-control']).to.equal('no-store');
    const text = textOf(res.text);
    expect(text).to.include('Hooikoorts');
    expect(text).to.include(SECRET); // the child lives with her
    expect((await h.store.audit.query({ studentId: child })).map((a) => a.section)).to.deep.equal(['medical']);
  });

  it('the father, with gezag but not living with the child, never sees the secret remark, nor that something is hidden', async () => {
    const h = await demoAt(mother, '2027-01-10T09:00:00Z');
    const child = await childOf(h, mother);
    const father = (await h.sisData.listGuardiansOfStudent!(child)).find((g) => g.id !== mother)!;
    await h.as(father.id);
    const res = await request(h.app).get(`/kind/${h.handleOf(child)}/medisch`);
    expect(res.status).to.equal(200);
    expect(res.text).to.include('Hooikoorts');
    expect(res.text).to.not.include(SECRET);
    expect(textOf(res.text)).to.not.match(/geheim|verborgen|niet zichtbaar/i);
    await h.as(mother);
    expect((await request(h.app).get(`/kind/${h.handleOf(child)}/medisch`).set('Cookie', 'lang=en')).text).to.include(SECRET);
  });
});

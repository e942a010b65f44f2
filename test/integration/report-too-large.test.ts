/**
 * A report document over the size cap (sis.http.maxBytes): the parent gets a page (502, nl/en)
 * that tells them to ask the school for a copy, not a bare 500; the refusal is audited
 * (download.refused, not a download) and logged without ids or names. The real app over the mock
 * SIS, whose report PDFs are a few kilobytes: a cap of 1 kB makes each one too large.
 */
import { expect } from 'chai';
import type { SisAdapter } from '../../adapters/contract/index.ts';
import { createTestApp, DEMO, type TestApp } from '../support/app.ts';
import { parentSession, type ParentSession } from './changes.support.ts';

const reportHref = (html: string) => /href="(\/kind\/[^"/]+\/rapporten\/[^"]+)"/.exec(html)?.[1];

describe('report cards: a document over the size cap', function () {
  this.timeout(30_000);
  let t: TestApp;
  let parent: ParentSession;
  let href: string;

  beforeEach(async () => {
    t = await createTestApp({ now: '2027-03-01T10:00:00+01:00', values: { sis: { http: { maxBytes: 1024 } } } });
    parent = await parentSession(t, DEMO.parent);
    const list = await parent.agent.get(`/kind/${parent.handle}/rapporten`);
    expect(list.status).to.equal(200);
    href = reportHref(list.text)!;
    expect(href, 'a report is listed').to.be.a('string');
  });

  it('answers 502 with a page that sends the parent to the school, audited as a refusal, logged without ids', async () => {
    const res = await parent.agent.get(href);
    expect(res.status).to.equal(502);
    expect(res.headers['content-type']).to.match(/^text\/html/);
    expect(res.headers['cache-control']).to.equal('no-store');
    expect(res.headers['content-disposition']).to.equal(undefined);
    expect(res.text).to.include('Dit rapport kan niet worden gedownload');
    expect(res.text).to.include(`Vraag de school om een exemplaar: ${t.services.config.school.supportEmail}.`);
    expect(res.text).to.include(`href="/kind/${parent.handle}/rapporten"`);

    const audit = await t.services.store.audit.query({ studentId: parent.studentId, section: 'reports' });
    const refused = audit.filter((a) => a.action === 'download.refused');
    expect(refused).to.have.length(1);
    expect(refused[0]).to.include({ actor: parent.accountId, actorKind: 'parent' });
    expect(refused[0]!.detail).to.have.property('reason', 'too-large');
    expect(audit.filter((a) => a.action === 'download'), 'nothing was downloaded').to.deep.equal([]);

    const line = t.logs().split('\n').find((l) => l.includes('report document over the size cap'));
    expect(line, 'logged').to.be.a('string');
    const student = (await t.services.sis.getStudent(parent.studentId)).value;
    for (const secret of [parent.studentId, String(refused[0]!.detail!.reportId), student.name.family, parent.accountId]) expect(line).not.to.include(secret);
  });

  it('also when the SIS declares no size: the body is read up to the cap first, then the same page', async () => {
    // The SIS service the parent router reads from, its answer without byteLength.
    const sis = t.services.sis as { getReportDocument: NonNullable<SisAdapter['getReportDocument']> };
    const original = sis.getReportDocument.bind(sis);
    sis.getReportDocument = async (studentId, reportId) => {
      const { byteLength: _declared, ...doc } = await original(studentId, reportId);
      return doc;
    };
    const res = await parent.agent.get(href);
    expect(res.status).to.equal(502);
    expect(res.text).to.include('Dit rapport kan niet worden gedownload');
    expect((await t.services.store.audit.query({ action: 'download.refused' }))).to.have.length(1);
  });

  it('speaks English', async () => {
    const res = await parent.agent.get(href).set('Cookie', 'lang=en');
    expect(res.status).to.equal(502);
    expect(res.text).to.include('This report cannot be downloaded');
    expect(res.text).to.include('Ask the school for a copy');
  });
});

import { inflateSync } from 'node:zlib';
import { expect } from 'chai';
import { createMockAdapter, DEMO_PERSONAS } from '../../../adapters/mock/index.ts';
import { fixedClock } from '../../support/clock.ts';

/** The text a PDF viewer shows: every Flate stream inflated, the hex strings of its text operators decoded (WinAnsi). */
function pdfText(pdf: Buffer): string {
  const parts: string[] = [];
  const raw = pdf.toString('latin1');
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index! + m[0].length;
    const end = raw.indexOf('endstream', start);
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue;
    }
    for (const line of content.matchAll(/\[(.*?)\]\s*TJ|<([0-9a-fA-F]+)>\s*Tj/g)) {
      const hexes = line[1] ? [...line[1].matchAll(/<([0-9a-fA-F]+)>/g)].map((h) => h[1]!) : [line[2]!];
      parts.push(hexes.map((h) => Buffer.from(h, 'hex').toString('latin1')).join(''));
    }
  }
  return parts.join(' ');
}

async function bytesOf(body: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of body) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks);
}

describe('mock adapter: report cards', function () {
  this.timeout(20_000);
  const clock = fixedClock('2027-03-01T09:00:00Z');

  it('issues two reports a school year, on 17 February and 2 July, for the years the pupil has been at school', async () => {
    const adapter = createMockAdapter({ pupils: 40 }, { clock });
    const guardian = await adapter.getGuardian!(DEMO_PERSONAS.twoChildren.guardianId);
    for (const { studentId } of guardian.children) {
      const student = await adapter.getStudent!(studentId);
      const reports = await adapter.listReports!(studentId);
      const thisYear = reports.filter((r) => r.schoolYear === '2026-2027');
      expect(thisYear.map((r) => [r.period, r.issuedOn, r.jaargroep])).to.deep.equal([
        ['Rapport 1', '2027-02-17', student.jaargroep], ['Rapport 2', '2027-07-02', student.jaargroep],
      ]);
      expect(reports.length % 2).to.equal(0);
      expect(reports.length).to.be.at.most(2 * student.jaargroep!);
    }
  });

  it('makes a readable PDF with the pupil\'s name, group, judgements and a teacher\'s text, the same bytes every time', async () => {
    const one = createMockAdapter({ pupils: 40 }, { clock });
    const other = createMockAdapter({ pupils: 40 }, { clock: fixedClock('2030-01-01T00:00:00Z') });
    const [link] = (await one.getGuardian!(DEMO_PERSONAS.twoChildren.guardianId)).children;
    const student = await one.getStudent!(link!.studentId);
    const report = (await one.listReports!(student.id)).find((r) => r.issuedOn === '2027-02-17')!;
    const doc = await one.getReportDocument!(student.id, report.id);
    const bytes = await bytesOf(doc.body);
    expect(doc.contentType).to.equal('application/pdf');
    expect(doc.byteLength).to.equal(bytes.length);
    const text = pdfText(bytes);
    const name = [student.name.given, student.name.prefix, student.name.family].filter(Boolean).join(' ');
    expect(text).to.include(`Leerling: ${name}`);
    expect(text).to.include(`Groep: ${student.group!.name}`);
    expect(text).to.include('Rapport 1 — schooljaar 2026-2027'.replace('—', '\u0097'));
    expect(text).to.match(/Rekenen|Taalontwikkeling/);
    expect(text).to.match(/goed|voldoende|aandachtspunt/);
    expect(text).to.include('Een rapport is een moment');
    // Another adapter instance, another clock: the same bytes.
    expect((await bytesOf((await other.getReportDocument!(student.id, report.id)).body)).equals(bytes)).to.equal(true);
  });

  it('gives the secret-address persona\'s child a secret remark and a plain allergy; about half the pupils have a card', async () => {
    const adapter = createMockAdapter({ pupils: 200 }, { clock });
    const [link] = (await adapter.getGuardian!(DEMO_PERSONAS.secretAddress.guardianId)).children;
    const card = await adapter.getMedicalCard!(link!.studentId);
    expect(card.remarks.filter((r) => r.secret)).to.have.length(1);
    expect(card.allergies).to.deep.equal([{ id: `ALG-${link!.studentId}-1`, text: 'Hooikoorts', secret: false }]);
    const cards = await Promise.all((await adapter.listStudents!()).items.map((s) => adapter.getMedicalCard!(s.id)));
    const withData = cards.filter((c) => c.careContacts.length > 0).length;
    expect(withData).to.be.within(cards.length * 0.3, cards.length * 0.75);
  });
});

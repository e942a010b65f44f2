import { expect } from 'chai';
import type { MedicalCard, ReportCard } from '../../../adapters/contract/index.ts';
import { failures, runInProcess } from './run-in-process.ts';
import { variant } from './variants.ts';

const bytes = (text: string) => (async function* () { yield Buffer.from(text, 'latin1'); })();

describe('conformance rule: reports and medical cards', () => {
  it('the complete fixture passes the reports and medical groups', async () => {
    const { outcomes } = await runInProcess({ module: variant(() => ({})), config: {} });
    const mine = [...outcomes.keys()].filter((n) => /Report|MedicalCard/.test(n));
    expect(mine.length).to.be.at.least(9);
    expect(Object.keys(failures(outcomes)).filter((n) => /Report|MedicalCard/.test(n))).to.deep.equal([]);
  });

  it("fails a document served for another pupil's report id, a document that is not a PDF, and one whose bytes change", async () => {
    let reads = 0;
    const module = variant((good) => ({
      getReportDocument: async (_studentId: string, reportId: string) => {
        // Answers any pupil: the report id alone picks the document.
        if (!reportId.includes('-R')) return good.getReportDocument!(_studentId, reportId);
        reads += 1;
        return { contentType: 'application/pdf', body: bytes(reads % 2 ? '<html>' : '<html>!') };
      },
    }));
    const { outcomes } = await runInProcess({ module, config: {} });
    const failed = failures(outcomes);
    expect(failed["getReportDocument: streams bytes of the listed media type (a PDF starts with %PDF-), the declared size, the same bytes twice"])
      .to.match(/a PDF starts with "%PDF-"/);
    expect(failed["getReportDocument: an unknown report, or one pupil's report asked for through another pupil, rejects with SIS_NOT_FOUND"])
      .to.match(/resolved|SIS_NOT_FOUND/);
  });

  it('fails a report whose school year does not match its issue date, and a declared size that is wrong', async () => {
    const module = variant((good) => ({
      listReports: async (id: string) => (await good.listReports!(id)).map((r: ReportCard) => ({ ...r, schoolYear: '2001-2002', byteLength: 3 })),
    }));
    const { outcomes } = await runInProcess({ module, config: {} });
    const failed = failures(outcomes);
    expect(failed["listReports: reports fit the contract's shape, belong to the pupil and name the school year of their issue date"])
      .to.match(/says school year 2001-2002/);
    expect(failed["getReportDocument: streams bytes of the listed media type (a PDF starts with %PDF-), the declared size, the same bytes twice"])
      .to.match(/declared 3 bytes/);
  });

  it('fails a medical entry without a secret flag, naming the field', async () => {
    const module = variant((good) => ({
      getMedicalCard: async (id: string) => {
        const card = await good.getMedicalCard!(id) as MedicalCard;
        return { ...card, careContacts: card.careContacts.map(({ secret: _secret, ...rest }) => rest) };
      },
    }));
    const { outcomes } = await runInProcess({ module, config: {} });
    expect(failures(outcomes)["getMedicalCard: the card fits the contract's shape, belongs to the pupil, and no id appears twice on it"])
      .to.match(/careContacts\[0\]\.secret: every care contact carries a boolean `secret`/);
  });
});

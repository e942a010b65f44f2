/**
 * Capability 'reports': a pupil's report cards and their documents. A list carries no bytes; a
 * document is a stream of byte chunks that starts like its media type says, and is the same each
 * time it is asked for. No report is reachable through another pupil's id.
 */
import type { ReportCard, SisAdapter } from '../../index.ts';
import { check, expectNotFound, fail, preview, schoolYearOf } from '../checks.ts';
import type { SuiteContext } from '../context.ts';
import { expectShape, reportCardShape, reportDocumentShape } from '../shapes.ts';
import { datesAreIso } from '../traits/iso-dates.ts';
import { unknownIdIsNotFound } from '../traits/not-found.ts';
import { stableOrder } from '../traits/stable-order.ts';
import type { TestFramework } from '../types.ts';

/** Reading more than this from one document fails the rule: a report card is a few pages. */
const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

async function reportsOf(adapter: SisAdapter, studentId: string): Promise<ReportCard[]> {
  const list = await adapter.listReports!(studentId);
  check(Array.isArray(list), `listReports(${preview(studentId)}) gave ${preview(list)}; expected an array`);
  return list;
}

async function readDocument(adapter: SisAdapter, studentId: string, report: ReportCard): Promise<{ contentType: string; bytes: Buffer; byteLength?: number }> {
  const label = `getReportDocument(${preview(studentId)}, ${preview(report.id)})`;
  const doc = expectShape(reportDocumentShape, await adapter.getReportDocument!(studentId, report.id), label);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of doc.body) {
    check(chunk instanceof Uint8Array, `${label} streamed a chunk that is not bytes: ${preview(chunk)}`);
    total += chunk.byteLength;
    if (total > MAX_DOCUMENT_BYTES) fail(`${label} streamed more than ${MAX_DOCUMENT_BYTES} bytes`);
    chunks.push(Buffer.from(chunk));
  }
  return { contentType: doc.contentType, bytes: Buffer.concat(chunks), byteLength: doc.byteLength };
}

/** A few pupils' reports, with the pupil they belong to. */
async function sampleReports(ctx: SuiteContext, adapter: SisAdapter): Promise<Array<{ studentId: string; report: ReportCard }>> {
  const found: Array<{ studentId: string; report: ReportCard }> = [];
  for (const studentId of await ctx.studentIds()) {
    for (const report of (await reportsOf(adapter, studentId)).slice(-2)) found.push({ studentId, report });
  }
  if (found.length === 0) fail('no sample pupil has a report, so documents cannot be checked; pass fixtures.studentIds of pupils with reports');
  return found;
}

export function reportsGroup(t: TestFramework, ctx: SuiteContext): void {
  t.describe('capability reports', () => {
    t.it("listReports: reports fit the contract's shape, belong to the pupil and name the school year of their issue date", () =>
      ctx.withAdapter(async (adapter) => {
        for (const studentId of await ctx.studentIds()) {
          const seen = new Set<string>();
          for (const [i, item] of (await reportsOf(adapter, studentId)).entries()) {
            const r = expectShape(reportCardShape, item, `listReports(${preview(studentId)}) item ${i}`);
            check(r.studentId === studentId, `listReports(${preview(studentId)}) returned report ${r.id} of pupil ${r.studentId}`);
            check(!seen.has(r.id), `listReports(${preview(studentId)}) lists report ${r.id} twice`);
            seen.add(r.id);
            check(schoolYearOf(r.issuedOn) === r.schoolYear, `report ${r.id} issued on ${r.issuedOn} says school year ${r.schoolYear}; that date falls in ${schoolYearOf(r.issuedOn)}`);
          }
        }
      }));

    t.it('getReportDocument: streams bytes of the listed media type (a PDF starts with %PDF-), the declared size, the same bytes twice', () =>
      ctx.withAdapter(async (adapter) => {
        for (const { studentId, report } of await sampleReports(ctx, adapter)) {
          const first = await readDocument(adapter, studentId, report);
          const label = `report ${report.id} of ${studentId}`;
          check(first.contentType === report.contentType, `${label}: the document says ${first.contentType}, the list said ${report.contentType}`);
          check(first.bytes.length > 0, `${label}: the document is empty`);
          if (first.contentType === 'application/pdf') {
            check(first.bytes.subarray(0, 5).toString('latin1') === '%PDF-', `${label}: a PDF starts with "%PDF-", this one with ${preview(first.bytes.subarray(0, 8).toString('latin1'))}`);
          }
          for (const declared of [first.byteLength, report.byteLength]) {
            if (declared !== undefined) check(declared === first.bytes.length, `${label}: declared ${declared} bytes, streamed ${first.bytes.length}`);
          }
          const second = await readDocument(adapter, studentId, report);
          check(first.bytes.equals(second.bytes), `${label}: two reads gave different bytes (${first.bytes.length} vs ${second.bytes.length})`);
        }
      }));

    t.it("getReportDocument: an unknown report, or one pupil's report asked for through another pupil, rejects with SIS_NOT_FOUND", () =>
      ctx.withAdapter(async (adapter) => {
        const students = await ctx.studentIds();
        const [first] = await sampleReports(ctx, adapter);
        await expectNotFound(`getReportDocument(${preview(first!.studentId)}, ${preview(ctx.unknownId)})`, () => adapter.getReportDocument!(first!.studentId, ctx.unknownId));
        const other = students.find((id) => id !== first!.studentId);
        if (other) {
          const ownIds = new Set((await reportsOf(adapter, other)).map((r) => r.id));
          if (!ownIds.has(first!.report.id)) {
            await expectNotFound(`getReportDocument(${preview(other)}, ${preview(first!.report.id)})`, () => adapter.getReportDocument!(other, first!.report.id));
          }
        }
        await expectNotFound(`getReportDocument(${preview(ctx.unknownId)}, ${preview(first!.report.id)})`, () => adapter.getReportDocument!(ctx.unknownId, first!.report.id));
      }));

    stableOrder(t, ctx, 'listReports', async (a, id) => (await reportsOf(a, id)).map((r) => ({ id: r.id, date: r.issuedOn })));
    unknownIdIsNotFound(t, ctx, 'listReports', (a, id) => a.listReports!(id));
    datesAreIso(t, ctx, 'listReports', async (a) => {
      const all: ReportCard[] = [];
      for (const id of await ctx.studentIds()) all.push(...await reportsOf(a, id));
      return all;
    });
  });
}

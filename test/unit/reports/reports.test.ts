import { PassThrough } from 'node:stream';
import { expect } from 'chai';
import type { Response } from 'express';
import type { ReportCard } from '../../../adapters/contract/index.ts';
import { createChildHandles } from '../../../gateway/privacy/child-handles.ts';
import { checkDeclaredSize, DocumentSizeMismatchError, DocumentTooLargeError, isDocumentTooLarge, readCapped, streamDeclared } from '../../../gateway/reports/capped-stream.ts';
import { issuedReports, reportFileName } from '../../../gateway/reports/issued.ts';
import { reportHandle, resolveReport } from '../../../gateway/reports/report-handles.ts';

const report = (id: string, issuedOn: string, studentId = 'L1'): ReportCard => ({
  id, studentId, schoolYear: '2026-2027', period: id === 'R2' ? 'Rapport 2' : 'Rapport 1', kind: 'rapport', issuedOn, jaargroep: 5, contentType: 'application/pdf',
});

/**
 * A response stand-in that records what was written and whether it was destroyed; its headers
 * count as sent from the first write, as a Response's do.
 */
function sink() {
  const stream = new PassThrough();
  const written: Buffer[] = [];
  stream.on('data', (c: Buffer) => written.push(c));
  let wrote = false;
  const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  stream.write = ((...args: unknown[]) => { wrote = true; return write(...args); }) as typeof stream.write;
  Object.defineProperty(stream, 'headersSent', { get: () => wrote });
  return { res: stream as unknown as Response, written, stream, headersSent: () => wrote };
}

async function* chunks(...sizes: number[]) {
  for (const n of sizes) yield new Uint8Array(n);
}

describe('reports: handles, issue dates, file names and the size cap', () => {
  const handles = createChildHandles('unit-test-handle-secret-123');

  it('a report handle is opaque, per account, and resolves only among the given reports', () => {
    const reports = [report('R1', '2027-02-17'), report('R2', '2027-07-02')];
    const h = reportHandle(handles, 'acc-1', reports[1]!);
    expect(h).to.match(/^[A-Za-z0-9_-]{16}$/);
    expect(h).to.not.equal(handles.handleFor('acc-1', 'L1'));
    expect(resolveReport(handles, 'acc-1', h, reports)?.id).to.equal('R2');
    expect(resolveReport(handles, 'acc-2', h, reports)).to.equal(undefined);
    expect(resolveReport(handles, 'acc-1', h, [reports[0]!])).to.equal(undefined);
    expect(resolveReport(handles, 'acc-1', h, [report('R2', '2027-07-02', 'L2')])).to.equal(undefined);
  });

  it('shows a report from its issue date on, newest first, and names the file without personal data', () => {
    const reports = [report('R1', '2027-02-17'), report('R2', '2027-07-02')];
    expect(issuedReports(reports, '2027-07-01').map((r) => r.id)).to.deep.equal(['R1']);
    expect(issuedReports(reports, '2027-07-02').map((r) => r.id)).to.deep.equal(['R2', 'R1']);
    expect(reportFileName(reports[1]!)).to.equal('rapport-2026-2027-rapport-2.pdf');
    expect(reportFileName({ ...reports[0]!, period: 'Eindrapport "groep 8" / ü' })).to.equal('rapport-2026-2027-eindrapport-groep-8-u.pdf');
  });

  it('refuses a declared size over the cap before the first byte', () => {
    expect(() => checkDeclaredSize({ byteLength: 11 }, 10)).to.throw(DocumentTooLargeError);
    expect(() => checkDeclaredSize({ byteLength: 10 }, 10)).to.not.throw();
  });

  it('sends a body of its declared size whole and ends the response', async () => {
    const ok = sink();
    expect(await streamDeclared(ok.res, { contentType: 'application/pdf', byteLength: 10, body: chunks(4, 6) })).to.equal(10);
    expect(Buffer.concat(ok.written).byteLength).to.equal(10);
    expect(ok.stream.writableEnded).to.equal(true);
    expect(ok.stream.destroyed).to.equal(false);
  });

  it('destroys the response before the declared length is complete when the body is longer', async () => {
    // The first 10 bytes are exactly the declared size: the 6-byte chunk is held until the SIS ends.
    const big = sink();
    let caught: unknown;
    await streamDeclared(big.res, { contentType: 'application/pdf', byteLength: 10, body: chunks(4, 6, 1) }).catch((err: unknown) => { caught = err; });
    expect(caught).to.be.instanceOf(DocumentSizeMismatchError);
    expect(caught).to.include({ declared: 10, larger: true });
    expect(big.stream.destroyed).to.equal(true);
    expect(big.stream.writableEnded, 'never ended as if whole').to.equal(false);
    expect(Buffer.concat(big.written).byteLength, 'fewer bytes than promised').to.be.below(10);
  });

  it('leaves the response to the caller when the body is found too long before anything was sent', async () => {
    // [4, 7]: the 4 is held when the 7 passes the declared size; [11]: the first chunk does.
    for (const sizes of [[4, 7], [11]]) {
      const early = sink();
      let caught: unknown;
      await streamDeclared(early.res, { contentType: 'application/pdf', byteLength: 10, body: chunks(...sizes) }).catch((err: unknown) => { caught = err; });
      expect(caught, String(sizes)).to.be.instanceOf(DocumentSizeMismatchError);
      expect(early.headersSent(), 'nothing went out').to.equal(false);
      expect(early.stream.destroyed, 'still answerable with a page').to.equal(false);
      expect(early.stream.writableEnded).to.equal(false);
    }
  });

  it('destroys the response when the body is shorter than declared', async () => {
    const short = sink();
    let caught: unknown;
    await streamDeclared(short.res, { contentType: 'application/pdf', byteLength: 10, body: chunks(4, 5) }).catch((err: unknown) => { caught = err; });
    expect(caught).to.be.instanceOf(DocumentSizeMismatchError);
    expect(caught).to.include({ declared: 10, received: 9, larger: false });
    expect(short.stream.destroyed).to.equal(true);
    expect(short.stream.writableEnded).to.equal(false);
  });

  it('reads a document without a declared size whole up to the cap, and stops reading the SIS once it passes it', async () => {
    expect((await readCapped({ body: chunks(4, 6) }, 10)).byteLength).to.equal(10);
    let pulled = 0;
    async function* endless() {
      for (;;) {
        pulled += 1;
        yield new Uint8Array(6);
      }
    }
    let caught: unknown;
    await readCapped({ body: endless() }, 10).catch((err: unknown) => { caught = err; });
    expect(isDocumentTooLarge(caught)).to.equal(true);
    expect(pulled, 'no chunk read after the one that passed the cap').to.equal(2);
  });
});

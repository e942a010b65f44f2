/**
 * A report document whose body does not match the size the SIS declared: the response promised
 * that size (Content-Length, status 200 already sent), so a longer body would reach the parent cut
 * at the declared length, looking like a whole PDF. The gateway aborts the connection instead
 * (the browser shows a failed download) and logs it without ids. The real app over the mock SIS,
 * its report documents declaring fewer (or more) bytes than they have.
 */
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import request from 'supertest';
import type { ServiceOverrides } from '../../gateway/services.ts';
import { createTestApp, csrfFrom, DEMO, type TestApp } from '../support/app.ts';
import { mockImportWith, withAnswer } from '../support/sis-with.ts';

const reportHref = (html: string) => /href="(\/kind\/[^"/]+\/rapporten\/[^"]+)"/.exec(html)?.[1];

/**
 * 1 KiB at a time, each in its own turn of the event loop, as a document arrives from an SIS over
 * the network (the mock's PDFs are one chunk, there at once): so what the gateway writes goes out
 * before the next chunk comes.
 */
async function* inKilobytes(body: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  for await (const chunk of body) {
    for (let at = 0; at < chunk.byteLength; at += 1024) {
      await new Promise((resolve) => setImmediate(resolve));
      yield chunk.subarray(at, at + 1024);
    }
  }
}

/** The mock SIS, declaring each report document `by` bytes off its real size, sent in kilobytes or (`whole`) as the mock has it, in one piece. */
function sisDeclaringOff(by: number, arrives: 'in-kilobytes' | 'whole'): NonNullable<ServiceOverrides['importModule']> {
  return mockImportWith((adapter) => withAnswer(adapter, 'getReportDocument', (doc) => (
    { ...doc, byteLength: doc.byteLength! + by, body: arrives === 'whole' ? doc.body : inKilobytes(doc.body) }
  )));
}

interface Received { status: number; contentLength: number; received: number; complete: boolean; body: string }

/**
 * One GET as a browser makes it: over a kept-alive connection, so the end of the response is where
 * Content-Length says, not where the connection closes. `complete` is Node's own verdict (the whole
 * message arrived); a browser in its place would save the file.
 */
function get(port: number, path: string, cookie: string): Promise<Received> {
  const agent = new http.Agent({ keepAlive: true });
  return new Promise<Received>((resolve) => {
    let response: http.IncomingMessage | undefined;
    let received = 0;
    const chunks: Buffer[] = [];
    const outcome = (): Received => ({
      status: response?.statusCode ?? 0, contentLength: Number(response?.headers['content-length']), received, complete: response?.complete ?? false,
      body: Buffer.concat(chunks).toString('utf8'),
    });
    const req = http.get({ host: '127.0.0.1', port, path, headers: { cookie }, agent }, (res) => {
      response = res;
      res.on('data', (chunk: Buffer) => { received += chunk.byteLength; chunks.push(chunk); });
      res.on('error', () => undefined);
      res.on('close', () => resolve(outcome()));
    });
    // Bytes after a complete response (the rest of a longer body) fail the parse of the next one.
    req.on('error', () => resolve(outcome()));
  }).finally(() => agent.destroy());
}

async function download(by: number, arrives: 'in-kilobytes' | 'whole' = 'in-kilobytes'): Promise<{ t: TestApp; result: Received }> {
  const t = await createTestApp({ now: '2027-03-01T10:00:00+01:00', overrides: { importModule: sisDeclaringOff(by, arrives) } });
  const agent = request.agent(t.app);
  const page = await agent.get('/inloggen');
  const login = await agent.post('/inloggen').type('form').send({ _csrf: csrfFrom(page.text), username: DEMO.parent.username, password: DEMO.parent.password });
  expect(login.status).to.equal(303);
  const cookie = ((login.headers['set-cookie'] ?? []) as string[]).map((c) => c.split(';')[0]).join('; ');
  const account = (await t.services.store.accounts.findByUsername(DEMO.parent.username))!;
  const studentId = (await t.services.stack.getGuardian!(DEMO.parent.guardianId)).children.find((l) => l.gezag)!.studentId;
  const list = await agent.get(`/kind/${t.services.handles.handleFor(account.id, studentId)}/rapporten`);
  const href = reportHref(list.text);
  expect(href, 'a report is listed').to.be.a('string');
  const server = t.app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    return { t, result: await get((server.address() as AddressInfo).port, href!, cookie) };
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

function abortLine(t: TestApp): string | undefined {
  return t.logs().split('\n').find((l) => l.includes('report document not the size the SIS declared'));
}

describe('report cards: a document that does not match its declared size', function () {
  this.timeout(30_000);

  it('as declared: the whole PDF, complete (the baseline)', async () => {
    const { t, result } = await download(0);
    expect(result).to.include({ status: 200, complete: true });
    expect(result.received).to.equal(result.contentLength);
    expect(abortLine(t)).to.equal(undefined);
  });

  it('larger than declared: the connection is aborted before the declared length, never a 200 that ends as a whole PDF', async () => {
    const { t, result } = await download(-512);
    expect(result.status, 'the 200 went out before the body was read').to.equal(200);
    expect(result.complete, 'the browser sees a failed download').to.equal(false);
    expect(result.received).to.be.below(result.contentLength);
    const line = abortLine(t);
    expect(line, 'logged').to.be.a('string');
    expect(JSON.parse(line!)).to.include({ section: 'reports', reason: 'DOCUMENT_SIZE_MISMATCH', declared: result.contentLength, larger: true });
    const account = (await t.services.store.accounts.findByUsername(DEMO.parent.username))!;
    for (const id of [account.id, account.guardianId, DEMO.parent.username]) expect(line).not.to.include(id);
  });

  it('in one piece and not the size declared: found before anything was sent, so a page instead of a reset connection', async () => {
    for (const by of [-512, 512]) {
      const { t, result } = await download(by, 'whole');
      expect(result.status, `${by}`).to.equal(502);
      expect(result.complete).to.equal(true);
      expect(result.body).to.include('Dit rapport kan niet worden gedownload').and.include('is niet compleet');
      expect(result.body).to.not.include('%PDF');
      expect(JSON.parse(abortLine(t)!)).to.include({ reason: 'DOCUMENT_SIZE_MISMATCH', larger: by < 0 });
    }
  });

  it('smaller than declared: aborted too, and logged', async () => {
    const { t, result } = await download(512);
    expect(result).to.include({ status: 200, complete: false });
    expect(JSON.parse(abortLine(t)!)).to.include({ reason: 'DOCUMENT_SIZE_MISMATCH', larger: false });
  });
});

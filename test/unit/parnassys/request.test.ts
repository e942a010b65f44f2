/** The exact SOAP request, and the safety limits the adapter sets on every request itself. */
import axios, { type InternalAxiosRequestConfig } from 'axios';
import { expect } from 'chai';
import nock from 'nock';
import { soapEnvelope, xmlEscape } from '../../../adapters/parnassys/index.ts';
import {
  FIXTURE_SCHOOL_YEAR, ORIGIN, SERVICE_PATH, SUPPLIER_KEY, SUPPLIER_KEY_ESCAPED,
  expectedBody, fixture, interceptGetLeerlingen, useOfflineNock, XML_HEADERS,
} from '../../fixtures/parnassys/soap.ts';
import { buildAdapter } from './support.ts';

describe('parnassys: the request', () => {
  useOfflineNock();

  it('POSTs getLeerlingen to the service path with the exact Content-Type, SOAPAction and body', async () => {
    const scope = interceptGetLeerlingen().reply(200, fixture('get-leerlingen-2026-2027.xml'), XML_HEADERS);
    const { adapter } = buildAdapter();
    const page = await adapter.listStudents!();
    expect(page.items).to.have.length.greaterThan(0);
    expect(scope.isDone()).to.equal(true);
  });

  it('escapes the supplier name and key in the body (&, <, >, ", \')', async () => {
    let seenBody = '';
    const scope = nock(ORIGIN)
      .post(SERVICE_PATH, (body: unknown) => {
        seenBody = typeof body === 'string' ? body : JSON.stringify(body);
        return true;
      })
      .reply(200, fixture('get-leerlingen-one-of-each.xml'), XML_HEADERS);
    const { adapter } = buildAdapter();
    await adapter.listStudents!();
    expect(scope.isDone()).to.equal(true);
    expect(seenBody).to.equal(expectedBody());
    expect(seenBody).to.include(`<leveranciersleutel xmlns="">${SUPPLIER_KEY_ESCAPED}</leveranciersleutel>`);
    expect(seenBody).not.to.include(SUPPLIER_KEY);
  });

  it('the BRIN is sent upper-cased as configured', async () => {
    const scope = interceptGetLeerlingen({ brin: '07QZ' }).reply(200, fixture('get-leerlingen-one-of-each.xml'), XML_HEADERS);
    const { adapter } = buildAdapter({ brin: '07qz' });
    await adapter.listStudents!();
    expect(scope.isDone()).to.equal(true);
  });

  it('`host` builds the standard endpoint path', async () => {
    const scope = nock('https://acceptatie.parnassys.example', {
      reqheaders: { 'content-type': 'text/xml; charset=utf-8', soapaction: '"getLeerlingen"' },
    }).post('/bao/services/cxf/v3/generic', expectedBody()).reply(200, fixture('get-leerlingen-one-of-each.xml'), XML_HEADERS);
    const { adapter } = buildAdapter({ endpoint: undefined, host: 'acceptatie.parnassys.example' });
    await adapter.listStudents!();
    expect(scope.isDone()).to.equal(true);
  });

  it('sets timeout, no redirects and the size cap on each request, so a bare axios instance is safe', async () => {
    const seen: InternalAxiosRequestConfig[] = [];
    const http = axios.create({
      adapter: async (config) => {
        seen.push(config);
        return { data: fixture('get-leerlingen-one-of-each.xml'), status: 200, statusText: 'OK', headers: {}, config };
      },
    });
    const { adapter } = buildAdapter({ timeoutMs: 2500, maxBytes: 4096 }, { http });
    await adapter.listStudents!();
    expect(seen).to.have.length(1);
    const config = seen[0]!;
    expect(config).to.include({ method: 'post', timeout: 2500, maxRedirects: 0, maxContentLength: 4096, maxBodyLength: 4096 });

    const defaults = buildAdapter({}, { http });
    await defaults.adapter.listStudents!();
    expect(seen[1]).to.include({ timeout: 10_000, maxRedirects: 0, maxContentLength: 20 * 1024 * 1024 });
  });

  it('builds the envelope the same way as the hand-written expectation', () => {
    const built = soapEnvelope('getLeerlingen', {
      supplierName: 'Ouderpoort & Co', supplierKey: SUPPLIER_KEY, brin: '12AB', schoolYear: FIXTURE_SCHOOL_YEAR,
    });
    expect(built).to.equal(expectedBody());
    expect(xmlEscape(`a&b<c>d"e'f`)).to.equal('a&amp;b&lt;c&gt;d&quot;e&apos;f');
  });
});

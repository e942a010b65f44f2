/** SOAP faults, HTTP statuses and transport failures map to the contract's error codes. */
import { expect } from 'chai';
import { fixture, interceptGetLeerlingen, useOfflineNock, XML_HEADERS } from '../../fixtures/parnassys/soap.ts';
import { buildAdapter, expectSisError } from './support.ts';

const list = (overrides = {}) => buildAdapter(overrides).adapter.listStudents!();

describe('parnassys: errors', () => {
  useOfflineNock();

  describe('SOAP faults', () => {
    it('a fault about the supplier (even a soap:Server one) is SIS_AUTH_FAILED', async () => {
      const scope = interceptGetLeerlingen().reply(500, fixture('fault-not-authorised.xml'), XML_HEADERS);
      const err = await expectSisError(list(), 'SIS_AUTH_FAILED');
      expect(err.message).to.include("Leverancier 'Ouderpoort & Co' is niet geautoriseerd");
      expect(err.help).to.match(/supplierKey/);
      expect(err.cause).to.deep.equal({ status: 500, code: 'soap:Server' });
      expect(scope.isDone()).to.equal(true);
    });

    it('any other soap:Server fault is SIS_UNAVAILABLE (transient), with Retry-After', async () => {
      interceptGetLeerlingen().reply(500, fixture('fault-server-error.xml'), { ...XML_HEADERS, 'Retry-After': '30' });
      const err = await expectSisError(list(), 'SIS_UNAVAILABLE');
      expect(err.transient).to.equal(true);
      expect(err.retryAfter).to.equal(30);
    });

    it('a soap:Client fault is SIS_BAD_RESPONSE, pointing at brin and schoolYear', async () => {
      interceptGetLeerlingen().reply(500, fixture('fault-unmarshalling.xml'), XML_HEADERS);
      const err = await expectSisError(list(), 'SIS_BAD_RESPONSE');
      expect(err.message).to.include("schooljaar '2026 / 2027' onbekend");
      expect(err.help).to.match(/brin and schoolYear/);
    });

    it('a fault in an HTTP 200 answer is still a fault', async () => {
      interceptGetLeerlingen().reply(200, fixture('fault-not-authorised.xml'), XML_HEADERS);
      await expectSisError(list(), 'SIS_AUTH_FAILED');
    });
  });

  describe('HTTP statuses', () => {
    for (const status of [401, 403]) {
      it(`${status} is SIS_AUTH_FAILED`, async () => {
        interceptGetLeerlingen().reply(status, 'Unauthorized', { 'Content-Type': 'text/plain' });
        const err = await expectSisError(list(), 'SIS_AUTH_FAILED');
        expect(err.cause).to.deep.equal({ status });
      });
    }

    it('500 without a fault is SIS_UNAVAILABLE', async () => {
      interceptGetLeerlingen().reply(500, '<html><body>Internal Server Error</body></html>', { 'Content-Type': 'text/html' });
      await expectSisError(list(), 'SIS_UNAVAILABLE');
    });

    it('503 with Retry-After as seconds or as an HTTP date passes the wait on', async () => {
      interceptGetLeerlingen().reply(503, 'busy', { 'Retry-After': '120' });
      expect((await expectSisError(list(), 'SIS_UNAVAILABLE')).retryAfter).to.equal(120);
      // The test clock stands at 08:00:00Z; ten minutes later is 600 s away.
      interceptGetLeerlingen().reply(503, 'busy', { 'Retry-After': 'Mon, 05 Oct 2026 08:10:00 GMT' });
      expect((await expectSisError(list(), 'SIS_UNAVAILABLE')).retryAfter).to.equal(600);
    });

    it('429 is SIS_UNAVAILABLE', async () => {
      interceptGetLeerlingen().reply(429, 'slow down');
      await expectSisError(list(), 'SIS_UNAVAILABLE');
    });

    it('a redirect is not followed: SIS_BAD_RESPONSE naming the endpoint', async () => {
      const scope = interceptGetLeerlingen().reply(302, '', { Location: 'https://elsewhere.example/login' });
      const err = await expectSisError(list(), 'SIS_BAD_RESPONSE');
      expect(err.message).to.match(/redirect/);
      expect(scope.isDone()).to.equal(true);
    });

    it('404 is SIS_BAD_RESPONSE naming the endpoint', async () => {
      interceptGetLeerlingen().reply(404, 'Not Found');
      const err = await expectSisError(list(), 'SIS_BAD_RESPONSE');
      expect(err.help).to.match(/endpoint/);
    });
  });

  describe('transport', () => {
    it('a timeout is SIS_UNAVAILABLE', async () => {
      interceptGetLeerlingen().delay(1000).reply(200, fixture('get-leerlingen-one-of-each.xml'), XML_HEADERS);
      const err = await expectSisError(list({ timeoutMs: 100 }), 'SIS_UNAVAILABLE');
      expect(err.message).to.match(/within 100 ms/);
    });

    it('a refused connection is SIS_UNAVAILABLE', async () => {
      interceptGetLeerlingen().replyWithError(Object.assign(new Error('connect ECONNREFUSED 192.0.2.1:443'), { code: 'ECONNREFUSED' }));
      const err = await expectSisError(list(), 'SIS_UNAVAILABLE');
      expect(err.cause).to.deep.equal({ code: 'ECONNREFUSED' });
    });

    it('an answer over maxBytes is SIS_BAD_RESPONSE', async () => {
      interceptGetLeerlingen().reply(200, fixture('get-leerlingen-2026-2027.xml'), XML_HEADERS);
      const err = await expectSisError(list({ maxBytes: 2048 }), 'SIS_BAD_RESPONSE');
      expect(err.message).to.match(/maxBytes/);
    });
  });

  describe('unreadable answers', () => {
    const cases: Array<[string, string]> = [
      ['not XML at all', '{"error": "json?"}'],
      ['broken XML', '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><ns2:getLeerlingenResponse'],
      ['an HTML page', '<html><head><title>Login</title></head><body>Inloggen</body></html>'],
      ['a DTD', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body/></soap:Envelope>'],
      ['another operation', '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><getMedewerkersResponse><return/></getMedewerkersResponse></soap:Body></soap:Envelope>'],
      ['text where the response record belongs', '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><getLeerlingenResponse>oops</getLeerlingenResponse></soap:Body></soap:Envelope>'],
    ];
    for (const [what, body] of cases) {
      it(`${what} is SIS_BAD_RESPONSE`, async () => {
        interceptGetLeerlingen().reply(200, body, XML_HEADERS);
        await expectSisError(list(), 'SIS_BAD_RESPONSE');
      });
    }

    it('an answer cut off anywhere is SIS_BAD_RESPONSE, never a school with fewer pupils', async () => {
      const whole = fixture('get-leerlingen-2026-2027.xml');
      const cuts = [whole.indexOf('</leerling>') + 20, whole.indexOf('</leerlingen>'), whole.length - 20];
      for (const cut of cuts) {
        interceptGetLeerlingen().reply(200, whole.slice(0, cut), XML_HEADERS);
        await expectSisError(list(), 'SIS_BAD_RESPONSE');
      }
      interceptGetLeerlingen().reply(200, whole.replace('</leerling>', '</leerlingX>'), XML_HEADERS);
      await expectSisError(list(), 'SIS_BAD_RESPONSE');
    });

    it('an empty school (empty return) is an empty list, not an error', async () => {
      interceptGetLeerlingen().reply(200, '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><ns2:getLeerlingenResponse xmlns:ns2="http://www.topicus.nl/parnassys"><return/></ns2:getLeerlingenResponse></soap:Body></soap:Envelope>', XML_HEADERS);
      expect(await list()).to.deep.equal({ items: [] });
    });
  });
});

/**
 * The supplier key never leaves the request body: not in any error (however it is printed), not
 * in any log line, not in the adapter object.
 */
import { inspect } from 'node:util';
import { expect } from 'chai';
import axios from 'axios';
import { createParnassysAdapter } from '../../../adapters/parnassys/index.ts';
import {
  SUPPLIER_KEY, SUPPLIER_KEY_ESCAPED, fixture, interceptGetLeerlingen, testConfig, useOfflineNock, XML_HEADERS,
} from '../../fixtures/parnassys/soap.ts';
import { manualClock } from '../../support/clock.ts';
import { buildAdapter, rejectionOf, recordingLogger } from './support.ts';

/** Every way an error or log line may end up printed. */
function renderings(value: unknown): string[] {
  const out = [inspect(value, { depth: Infinity, showHidden: true, getters: true })];
  try {
    out.push(JSON.stringify(value) ?? '');
  } catch {
    out.push('');
  }
  if (value instanceof Error) {
    out.push(String(value), value.stack ?? '', JSON.stringify(value.cause) ?? '', inspect(value.cause, { depth: Infinity, showHidden: true }));
  }
  return out;
}

function expectNoKey(value: unknown, what: string): void {
  for (const text of renderings(value)) {
    expect(text, what).not.to.include(SUPPLIER_KEY);
    expect(text, what).not.to.include(SUPPLIER_KEY_ESCAPED);
    // A partial leak is a leak too.
    expect(text, what).not.to.include('s3cr3t');
  }
}

const faultEchoing = (key: string) => '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault>'
  + `<faultcode>soap:Client</faultcode><faultstring>Ongeldige leveranciersleutel: ${key}</faultstring>`
  + '</soap:Fault></soap:Body></soap:Envelope>';

const failures: Array<[string, (i: ReturnType<typeof interceptGetLeerlingen>) => void, Record<string, unknown>?]> = [
  ['a fault that echoes the key', (i) => i.reply(500, faultEchoing(SUPPLIER_KEY_ESCAPED), XML_HEADERS)],
  ['a fault that echoes the key escaped twice', (i) => i.reply(500, faultEchoing(SUPPLIER_KEY_ESCAPED.replace(/&/g, '&amp;')), XML_HEADERS)],
  ['HTTP 401', (i) => i.reply(401, 'Unauthorized')],
  ['HTTP 500', (i) => i.reply(500, 'oops')],
  ['a refused connection', (i) => i.replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))],
  ['a timeout', (i) => i.delay(500).reply(200, ''), { timeoutMs: 100 }],
  ['an unreadable answer', (i) => i.reply(200, 'not xml')],
  ['an answer over maxBytes', (i) => i.reply(200, fixture('get-leerlingen-2026-2027.xml'), XML_HEADERS), { maxBytes: 1024 }],
];

describe('parnassys: the supplier key stays secret', () => {
  useOfflineNock();

  for (const [what, answer, overrides] of failures) {
    it(`not in the error or the log after ${what}`, async () => {
      answer(interceptGetLeerlingen());
      const { adapter, lines } = buildAdapter(overrides ?? {});
      const err = await rejectionOf(adapter.listStudents!());
      expect(axios.isAxiosError(err), 'the axios error (with its config) must not escape').to.equal(false);
      expectNoKey(err, `the error after ${what}`);
      expect(lines.length, 'the failure is logged').to.be.greaterThan(0);
      expectNoKey(lines, `the log after ${what}`);
      const health = await adapter.healthCheck();
      expect(health.ok).to.equal(false);
      expectNoKey(health, `healthCheck after ${what}`);
    });
  }

  it('the fault string is kept for operators, with the key cut out', async () => {
    interceptGetLeerlingen().reply(500, faultEchoing(SUPPLIER_KEY_ESCAPED), XML_HEADERS);
    const err = await rejectionOf(buildAdapter().adapter.listStudents!());
    expect((err as Error).message).to.include('Ongeldige leveranciersleutel: [redacted]');
  });

  it('not in the log of a successful call, nor in the adapter object', async () => {
    interceptGetLeerlingen().reply(200, fixture('get-leerlingen-2026-2027.xml'), XML_HEADERS);
    const { adapter, lines } = buildAdapter();
    await adapter.listStudents!();
    expect(lines.length).to.be.greaterThan(0);
    expectNoKey(lines, 'the log');
    expectNoKey(adapter, 'the adapter');
  });

  it('not in a config error, even when the key itself is the problem', () => {
    const { logger } = recordingLogger();
    const deps = { http: axios.create(), clock: manualClock('2026-10-05T08:00:00Z'), logger };
    for (const bad of [
      testConfig({ supplierKey: `${SUPPLIER_KEY}\n` }),
      testConfig({ brin: SUPPLIER_KEY }),
      testConfig({ endpoint: `https://user:${encodeURIComponent(SUPPLIER_KEY)}@parnassys.example/x` }),
    ]) {
      let thrown: unknown;
      try {
        createParnassysAdapter(bad, deps);
      } catch (err) {
        thrown = err;
      }
      expect((thrown as { code?: string })?.code).to.equal('CONFIG_INVALID');
      expectNoKey(thrown, 'the config error');
    }
  });
});

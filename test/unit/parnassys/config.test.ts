/** The config schema: endpoint or host, credentials, BRIN, school year, limits — and no value in any message. */
import { expect } from 'chai';
import { parnassysConfigSchema } from '../../../adapters/parnassys/index.ts';
import { SUPPLIER_KEY, testConfig } from '../../fixtures/parnassys/soap.ts';

function problems(input: unknown): string[] {
  const parsed = parnassysConfigSchema.safeParse(input, { reportInput: true });
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('parnassys: config', () => {
  it('fills the defaults and keeps the endpoint', () => {
    expect(parnassysConfigSchema.parse(testConfig())).to.deep.equal({
      endpoint: 'https://parnassys.example/bao/services/cxf/v3/generic',
      supplierName: 'Ouderpoort & Co',
      supplierKey: SUPPLIER_KEY,
      brin: '12AB',
      studentId: 'id',
      timeoutMs: 10_000,
      maxBytes: 20 * 1024 * 1024,
      cacheMs: 5 * 60 * 1000,
      pageSize: 100,
    });
  });

  it('turns a host into the generic web service endpoint; the output parses to itself', () => {
    const parsed = parnassysConfigSchema.parse(testConfig({ endpoint: undefined, host: 'parnassys.net' }));
    expect(parsed.endpoint).to.equal('https://parnassys.net/bao/services/cxf/v3/generic');
    expect(parsed).not.to.have.property('host');
    expect(parnassysConfigSchema.parse(parsed)).to.deep.equal(parsed);
  });

  it('wants exactly one of endpoint and host', () => {
    expect(problems(testConfig({ host: 'parnassys.net' }))).to.have.length(1);
    expect(problems(testConfig({ endpoint: undefined }))[0]).to.match(/^endpoint: give either/);
  });

  it('refuses plain http (except loopback), credentials or a query in the endpoint', () => {
    expect(problems(testConfig({ endpoint: 'http://parnassys.example/bao/services/cxf/v3/generic' }))[0]).to.match(/https/);
    expect(problems(testConfig({ endpoint: 'http://127.0.0.1:8080/bao/services/cxf/v3/generic' }))).to.deep.equal([]);
    expect(problems(testConfig({ endpoint: 'https://u:p@parnassys.example/x' }))[0]).to.match(/user name or password/);
    expect(problems(testConfig({ endpoint: 'https://parnassys.example/x?key=1' }))[0]).to.match(/query/);
    expect(problems(testConfig({ endpoint: 'not a url' }))[0]).to.match(/URL/);
  });

  it('upper-cases the BRIN and wants four letters or digits', () => {
    expect(parnassysConfigSchema.parse(testConfig({ brin: ' 12ab ' })).brin).to.equal('12AB');
    expect(problems(testConfig({ brin: '12ABC' }))[0]).to.match(/^brin: a BRIN code/);
  });

  it('writes a pinned school year the ParnasSys way and checks the years follow', () => {
    expect(parnassysConfigSchema.parse(testConfig({ schoolYear: '2026-2027' })).schoolYear).to.equal('2026 / 2027');
    expect(parnassysConfigSchema.parse(testConfig({ schoolYear: '2026 / 2027' })).schoolYear).to.equal('2026 / 2027');
    expect(problems(testConfig({ schoolYear: '2026 / 2028' }))[0]).to.match(/follow/);
    expect(problems(testConfig({ schoolYear: '26/27' }))[0]).to.match(/2026 \/ 2027/);
  });

  it('requires the credentials, refuses unknown keys and out-of-range limits', () => {
    const { supplierKey: _k, ...withoutKey } = testConfig();
    expect(problems(withoutKey)[0]).to.match(/^supplierKey/);
    expect(problems(testConfig({ supplierKey: '' }))[0]).to.match(/^supplierKey/);
    expect(problems({ ...testConfig(), leveranciersleutel: 'x' })[0]).to.match(/Unrecognized key/i);
    expect(problems(testConfig({ timeoutMs: 10 }))[0]).to.match(/^timeoutMs/);
    expect(problems(testConfig({ cacheMs: -1 }))[0]).to.match(/^cacheMs/);
  });

  it('never repeats a value in a message', () => {
    for (const input of [
      testConfig({ supplierKey: `${SUPPLIER_KEY}\u0007` }),
      testConfig({ supplierName: `${SUPPLIER_KEY}\n` }),
      testConfig({ brin: SUPPLIER_KEY }),
      testConfig({ schoolYear: SUPPLIER_KEY }),
    ]) {
      const found = problems(input);
      expect(found).to.have.length.greaterThan(0);
      for (const p of found) expect(p).not.to.include('s3cr3t');
    }
  });
});

/**
 * `npm run conformance -- --stack <gateway config>`: the stack a school's config file builds,
 * proven as the gateway routes it, with the capability → adapter table first. ParnasSys is played
 * by a loopback server that, like the nock scopes, answers only the exact documented request.
 */
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { expectedBody, fixture, SERVICE_PATH } from '../../fixtures/parnassys/soap.ts';
import { runCli } from './run-cli.ts';

const OSO_DIR = fileURLToPath(new URL('../../fixtures/oso/stacked/', import.meta.url));
const KEY = 'cli-test-key';
const SUPPLIER = { nameEscaped: 'Ouderpoort', keyEscaped: KEY };
/** The ParnasSys fixture's "today" (school year 2026 / 2027). */
const NOW = '2026-10-05T10:00:00+02:00';

/** A loopback ParnasSys: the fixture answer for the exact request, 400 for anything else; counts requests. */
function fakeParnassys(): { server: Server; requests: () => number; wrong: () => string[] } {
  let requests = 0;
  const wrong: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      requests++;
      const exact = req.method === 'POST' && req.url === SERVICE_PATH
        && req.headers['content-type'] === 'text/xml; charset=utf-8' && req.headers.soapaction === '"getLeerlingen"'
        && body === expectedBody('2026 / 2027', '12AB', SUPPLIER);
      if (!exact) wrong.push(`${req.method} ${req.url} ${body.slice(0, 80)}`);
      res.writeHead(exact ? 200 : 400, { 'Content-Type': 'text/xml;charset=UTF-8' });
      res.end(exact ? fixture('get-leerlingen-2026-2027.xml') : '');
    });
  });
  return { server, requests: () => requests, wrong: () => wrong };
}

function stackYaml(endpoint: string, studentId: 'id' | 'leerlingNummer'): string {
  return `school: { name: CLI-testschool, brin: 12AB }
sis:
  stack:
    - adapter: parnassys
      config:
        endpoint: ${endpoint}
        supplierName: Ouderpoort
        supplierKey: !env PARNASSYS_SUPPLIER_KEY
        brin: 12AB
        studentId: ${studentId}
    - adapter: oso
      config:
        dir: ${JSON.stringify(OSO_DIR)}
        watch: false
        capabilities: [guardians, absences, results.lvs]
`;
}

describe('conformance CLI: a stack from a gateway config file', function () {
  this.timeout(60_000);
  let dir: string;
  const soap = fakeParnassys();
  let endpoint: string;

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'conformance-stack-'));
    soap.server.listen(0, '127.0.0.1');
    await once(soap.server, 'listening');
    endpoint = `http://127.0.0.1:${(soap.server.address() as AddressInfo).port}${SERVICE_PATH}`;
  });

  after(async () => {
    soap.server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('prints which adapter serves each capability, then passes every rule of ParnasSys + OSO', async () => {
    const file = path.join(dir, 'stacked.yaml');
    await writeFile(file, stackYaml(endpoint, 'leerlingNummer'));
    const { code, stdout, stderr } = await runCli(['--stack', file, '--now', NOW], { PARNASSYS_SUPPLIER_KEY: KEY });
    expect(stderr).to.equal('');
    expect(soap.wrong()).to.deep.equal([]);
    expect(soap.requests()).to.be.greaterThan(0);
    expect(stdout).to.include([
      `Stack of ${file} (for each capability the first adapter that has it answers):`,
      '',
      'capability       served by  stack position',
      '---------------  ---------  --------------',
      'students         parnassys  sis.stack[0]',
      'guardians        oso        sis.stack[1]',
      'absences         oso        sis.stack[1]',
      'results.method   none',
      'results.lvs      oso        sis.stack[1]',
      'changes.submit   none',
    ].join('\n'));
    expect(stdout).to.include('Conformance of stack "parnassys+oso" (capabilities tested: students, guardians, absences, results.lvs)');
    expect(stdout).to.match(/^capability 'guardians' +every child link names a pupil getStudent resolves +pass/m);
    expect(stdout).to.match(/PASS: all \d+ conformance tests passed\.\n$/);
    expect(code).to.equal(0);
  });

  it('fails the stack when the ids disagree: OSO links guardians to pupil numbers, ParnasSys serves its own ids', async () => {
    const file = path.join(dir, 'mismatched.yaml');
    await writeFile(file, stackYaml(endpoint, 'id'));
    const { code, stdout } = await runCli(['--stack', file, '--now', NOW], { PARNASSYS_SUPPLIER_KEY: KEY });
    expect(stdout).to.match(/^capability 'guardians' +every child link names a pupil getStudent resolves +FAIL #\d+/m);
    expect(stdout).to.match(/FAIL: \d+ of \d+ conformance tests failed/);
    expect(code).to.equal(1);
  });

  it('also takes the file as --config without --adapter', async () => {
    const file = path.join(dir, 'unknown-adapter.yaml');
    await writeFile(file, 'school: { name: X, brin: 12AB }\nsis:\n  stack:\n    - adapter: no-such-adapter-anywhere\n');
    const { code, stderr } = await runCli(['--config', file]);
    expect(code).to.equal(2);
    expect(stderr).to.match(/^conformance: Invalid SIS adapter configuration \(1 problem\):\n {2}- sis\.stack\[0\]\.adapter: unknown adapter "no-such-adapter-anywhere"/);
  });

  it('exits 2 for the shipped example when its secret is not in the environment, naming the variable', async () => {
    const { code, stdout, stderr } = await runCli(['--stack', 'config/stacked.example.yaml'], { PARNASSYS_SUPPLIER_KEY: '' });
    expect(code).to.equal(2);
    expect(stdout).to.equal('');
    expect(stderr).to.include('sis.stack[0].config.supplierKey: environment variable PARNASSYS_SUPPLIER_KEY is not set');
  });

  it('refuses --stack together with --adapter, and a --now without a zone', async () => {
    const both = await runCli(['--stack', 'config/stacked.example.yaml', '--adapter', 'mock']);
    expect(both.code).to.equal(2);
    expect(both.stderr).to.match(/^--stack takes the whole gateway config file; give it alone/);
    const local = await runCli(['--adapter', 'mock', '--now', '2026-10-05T10:00:00']);
    expect(local.code).to.equal(2);
    expect(local.stderr).to.match(/^--now must be an ISO 8601 instant with a zone/);
  });
});

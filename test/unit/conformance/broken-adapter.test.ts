import { expect } from 'chai';
import { runCli } from './run-cli.ts';

describe('conformance CLI on a broken adapter', function () {
  this.timeout(30_000);
  let result: Awaited<ReturnType<typeof runCli>>;

  before(async () => {
    result = await runCli(['--adapter', 'test/fixtures/adapters/broken']);
  });

  it('exits non-zero and says how many rules failed', () => {
    expect(result.code).to.equal(1);
    expect(result.stdout).to.match(/^FAIL: 8 of \d+ conformance tests failed \(\d+ passed\)\.$/m);
  });

  it('marks each failed rule in the table and explains it below', () => {
    const rows = result.stdout.split('\n').filter((l) => / FAIL #\d+ /.test(l));
    expect(rows).to.have.length(8);
    expect(result.stdout).to.match(/\n#1 module and construction › construction does no I\/O/);
  });

  it('names the broken rules with readable reasons', () => {
    const out = result.stdout;
    expect(out).to.include('create() used its deps (clock: now(); logger: info connecting to the SIS; http: get http://127.0.0.1:9/ping); construction must do no I/O');
    expect(out).to.include('the adapter has submitChange without the capability that promises it');
    expect(out).to.match(/getStudent: an unknown id rejects with code SIS_NOT_FOUND\n {4}getStudent\(".+"\) rejected with Error \(no code\): no pupil .+; expected an error whose code is SIS_NOT_FOUND/);
    expect(out).to.include('id "gd-1" appears on page 1 and again on page 2');
    expect(out).to.include('"geheim@geheim.geheim" is a secret placeholder but getGuardian#0.contacts[1].secret is false, not true');
    expect(out).to.match(/listResults: two calls give the same order, sorted by date then id\n {4}for pupil st-1 item 1 .* expected ascending by date, then id/);
    expect(out).to.match(/listAbsences#0\.date = "\d{4}-02-30" is not a real ISO date \(YYYY-MM-DD\)/);
  });

  it('still prints latency per method', () => {
    expect(result.stdout).to.match(/Latency per method \(ms\):\n\nmethod +calls +min +median +max\n/);
    expect(result.stdout).to.match(/^listGuardians +\d+ /m);
  });
});

import { expect } from 'chai';
import { runCli } from './run-cli.ts';

describe('conformance CLI on the minimal example adapter', function () {
  this.timeout(30_000);
  let result: Awaited<ReturnType<typeof runCli>>;

  before(async () => {
    result = await runCli(['--adapter', './test/fixtures/adapters/minimal']);
  });

  it('exits 0 and says every test passed', () => {
    expect(result.stderr).to.equal('');
    expect(result.code).to.equal(0);
    expect(result.stdout).to.match(/^PASS: all 14 conformance tests passed\.$/m);
  });

  it('prints the table: group, test, result and milliseconds', () => {
    expect(result.stdout).to.include('Conformance of adapter "minimal" (capabilities tested: students)');
    expect(result.stdout).to.match(/^group +test +result +ms$/m);
    expect(result.stdout).to.match(/^capability 'students' +getStudent: an unknown id rejects with code SIS_NOT_FOUND +pass +\d+$/m);
    expect(result.stdout).not.to.match(/FAIL/);
  });

  it('prints min, median and max latency for the methods it called', () => {
    expect(result.stdout).to.match(/^getStudent +\d+ +[\d.]+ +[\d.]+ +[\d.]+$/m);
    expect(result.stdout).to.match(/^listStudents +\d+ /m);
  });
});

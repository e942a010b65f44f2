/** `--expect`, "not checked" and the help text in the report, end to end through the CLI and in-process. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { runConformance, type TestFramework } from '../../../adapters/contract/conformance/index.ts';
import { runCli } from './run-cli.ts';
import { variant } from './variants.ts';

const EXPECT = 'test/fixtures/adapters/expect-mock.yaml';

describe('conformance: the proof checks the data', function () {
  this.timeout(60_000);

  it('--expect fails a deliberately wrong adapter and prints each difference', async () => {
    const { code, stdout } = await runCli(['--adapter', 'test/fixtures/adapters/wrong-data', '--expect', EXPECT]);
    expect(code).to.equal(1);
    expect(stdout).to.include('4 difference(s) for pupil "L1001":');
    expect(stdout).to.include('- name: expected "Jasmijn de Wester", the adapter gives "Jasm\uFFFDjn de Wester"');
    expect(stdout).to.include('- group: expected "Groep 4", the adapter gives "Groep 3"');
    expect(stdout).to.include('- jaargroep: expected 4, the adapter gives 3');
    expect(stdout).to.include('- guardian "Hans de Wester" gezag: expected true, the adapter gives false');
    expect(stdout).to.match(/FAIL: 1 of \d+ conformance tests failed/);
    // The adapter's help text is in the report.
    expect(stdout).to.include("A test double: the mock school with a mangled name, last year's group and a lost gezag flag.");
  });

  it('--expect passes the adapter whose data is what the school wrote down', async () => {
    const { code, stdout } = await runCli(['--adapter', 'mock', '--expect', EXPECT]);
    expect(stdout).to.match(/the school's own data \(--expect\)\s+pupil "L1001" is as the school's SIS shows it\s+pass/);
    expect(code).to.equal(0);
  });

  it('--expect with a file that does not fit exits 2 naming the key', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'conformance-expect-'));
    try {
      const file = path.join(dir, 'bad.yaml');
      await writeFile(file, 'pupils:\n  - id: L1001\n    gezag: yes\n');
      const { code, stderr } = await runCli(['--adapter', 'mock', '--expect', file]);
      expect(code).to.equal(2);
      expect(stderr).to.include(`the expectations in ${file} are invalid`);
      expect(stderr).to.match(/pupils\.0: Unrecognized key: "gezag"/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a rule the data cannot judge yet is "not checked", not a pass and not a failure', async () => {
    // A school whose results are not entered yet: every pupil has none (unknown ids stay unknown).
    const noResults = variant((good) => ({
      listResults: async (id: string) => {
        await good.listResults!(id);
        return [];
      },
    }));
    const tests: Array<{ name: string; fn: () => Promise<void> | void }> = [];
    const framework: TestFramework = { describe: (_n, fn) => fn(), it: (name, fn) => void tests.push({ name, fn }) };
    const run = runConformance(framework, { module: noResults, config: {} });
    const failures: string[] = [];
    for (const { name, fn } of tests) await Promise.resolve(fn()).catch((err: Error) => failures.push(`${name}: ${err.message}`));
    expect(failures).to.deep.equal([]);
    expect([...run.notChecked.keys()]).to.include("listResults: { schoolYear } gives exactly that year's results, in the same order");
    expect(run.notChecked.get("listResults: { schoolYear } gives exactly that year's results, in the same order")).to.match(/^no sample pupil has results yet/);
  });
});

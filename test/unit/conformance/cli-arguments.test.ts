import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { runCli } from './run-cli.ts';

describe('conformance CLI: adapter, config and arguments', function () {
  this.timeout(30_000);
  let dir: string;

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'conformance-cli-'));
  });

  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('exits 2 and prints every config issue with its key path', async () => {
    const file = path.join(dir, 'minimal.yaml');
    await writeFile(file, 'pageSize: -1\ncolour: blue\n');
    const { code, stdout, stderr } = await runCli(['--adapter', 'test/fixtures/adapters/minimal', '--config', file]);
    expect(code).to.equal(2);
    expect(stdout).to.equal('');
    expect(stderr).to.include(`the config in ${file} is invalid for adapter "minimal":`);
    expect(stderr).to.match(/^ {2}- pageSize: Too small: expected number to be >0$/m);
    expect(stderr).to.match(/^ {2}- colour: unknown key$/m);
  });

  it('reads a JSON config by its extension', async () => {
    const file = path.join(dir, 'minimal.json');
    await writeFile(file, JSON.stringify({ pageSize: 'two' }));
    const { code, stderr } = await runCli(['--adapter', 'test/fixtures/adapters/minimal', '--config', file]);
    expect(code).to.equal(2);
    expect(stderr).to.match(/^ {2}- pageSize: Invalid input: expected number, received string$/m);
  });

  it('exits 2 for an adapter it cannot find, saying where it looked', async () => {
    const { code, stderr } = await runCli(['--adapter', 'no-such-adapter-anywhere']);
    expect(code).to.equal(2);
    expect(stderr).to.match(/cannot load adapter "no-such-adapter-anywhere" .*not a built-in adapter under .*adapters/);
  });

  it('exits 2 without --adapter and shows the usage', async () => {
    const { code, stderr } = await runCli([]);
    expect(code).to.equal(2);
    expect(stderr).to.match(/^missing --adapter or --stack\nusage: npm run conformance -- --adapter/);
  });
});

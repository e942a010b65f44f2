import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { z } from 'zod';
import { configIssues, loadConfigFile } from '../../../adapters/contract/conformance/cli/load-config.ts';
import minimal from '../../fixtures/adapters/minimal/index.ts';

describe('conformance: loading and checking the adapter config', () => {
  let dir: string;

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'adapter-config-'));
  });

  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('defaults to {} without a file, and for an empty file', async () => {
    await writeFile(path.join(dir, 'empty.yaml'), '# nothing configured\n');
    expect(await loadConfigFile(undefined)).to.deep.equal({});
    expect(await loadConfigFile('empty.yaml', dir)).to.deep.equal({});
  });

  it('reads YAML and JSON', async () => {
    await writeFile(path.join(dir, 'a.yml'), 'host: sis.example\nretries: 3\n');
    await writeFile(path.join(dir, 'a.json'), '{"host":"sis.example","retries":3}');
    expect(await loadConfigFile('a.yml', dir)).to.deep.equal({ host: 'sis.example', retries: 3 });
    expect(await loadConfigFile(path.join(dir, 'a.json'))).to.deep.equal({ host: 'sis.example', retries: 3 });
  });

  it('names the file when it cannot be read or parsed', async () => {
    await writeFile(path.join(dir, 'bad.json'), '{ nope');
    const unreadable = await loadConfigFile('absent.yaml', dir).catch((e: Error) => e);
    const unparsable = await loadConfigFile('bad.json', dir).catch((e: Error) => e);
    expect((unreadable as Error).message).to.match(new RegExp(`^cannot read ${path.join(dir, 'absent.yaml')}: `));
    expect((unparsable as Error).message).to.match(new RegExp(`^cannot parse ${path.join(dir, 'bad.json')}: `));
  });

  it('lists every issue with its key path, unknown keys one by one', () => {
    const module = {
      ...minimal,
      configSchema: z.strictObject({ sis: z.strictObject({ hosts: z.array(z.string()) }), pageSize: z.number() }),
    };
    expect(configIssues(module, { sis: { hosts: ['a', 2], tls: true }, pageSize: 'x', extra: 1 })).to.deep.equal([
      { path: 'sis.hosts[1]', message: 'Invalid input: expected string, received number' },
      { path: 'sis.tls', message: 'unknown key' },
      { path: 'pageSize', message: 'Invalid input: expected number, received string' },
      { path: 'extra', message: 'unknown key' },
    ]);
    expect(configIssues(minimal, { pageSize: 3 })).to.deep.equal([]);
  });
});

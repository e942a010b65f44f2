import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { locateAdapter, resolveAdapterModule, BUILTIN_ADAPTERS_DIR } from '../../../adapters/contract/conformance/resolve-module.ts';
import { REPO_ROOT } from './run-cli.ts';

describe('conformance: resolving the adapter module', () => {
  let dir: string;

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'resolve-adapter-'));
  });

  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('finds a built-in adapter by name under adapters/<name>/index.ts', () => {
    expect(BUILTIN_ADAPTERS_DIR).to.equal(path.join(REPO_ROOT, 'adapters') + path.sep);
    expect(locateAdapter('mock', dir)).to.deep.equal({ target: path.join(REPO_ROOT, 'adapters', 'mock', 'index.ts'), kind: 'builtin' });
  });

  it('never treats the contract folder as an adapter', () => {
    expect(locateAdapter('contract', dir).kind).to.equal('package');
  });

  it('loads a folder by its index file, relative to the working directory', async () => {
    const module = await resolveAdapterModule('test/fixtures/adapters/minimal', REPO_ROOT);
    expect(module.name).to.equal('minimal');
    expect(module.capabilities).to.deep.equal(['students']);
  });

  it('loads a module that exports its parts by name, and a folder by its package.json main', async () => {
    const contract = path.join(REPO_ROOT, 'adapters', 'contract', 'index.ts');
    await mkdir(path.join(dir, 'named'), { recursive: true });
    await writeFile(path.join(dir, 'named', 'package.json'), JSON.stringify({ main: 'lib/entry.ts' }));
    await mkdir(path.join(dir, 'named', 'lib'));
    await writeFile(path.join(dir, 'named', 'lib', 'entry.ts'), [
      `import { z } from '${path.join(REPO_ROOT, 'node_modules', 'zod', 'index.js')}';`,
      `export { CAPABILITIES } from '${contract}';`,
      "export const name = 'named'; export const version = '2.0.0'; export const capabilities = [];",
      'export const configSchema = z.object({});',
      "export function create() { return { name: 'named', version: '2.0.0', capabilities: new Set(), healthCheck: async () => ({ ok: true, latencyMs: 0 }) }; }",
    ].join('\n'));
    const module = await resolveAdapterModule('./named', dir);
    expect(module.name).to.equal('named');
    expect(module.version).to.equal('2.0.0');
  });

  it('explains a module without a factory, or without the rest of the contract', async () => {
    await writeFile(path.join(dir, 'nothing.mjs'), 'export const x = 1;');
    await writeFile(path.join(dir, 'half.mjs'), "export default { create() {}, name: 'half' };");
    let err = await resolveAdapterModule('./nothing.mjs', dir).catch((e: Error) => e);
    expect((err as Error).message).to.match(/exports no create\(\) factory, neither as default nor as a named export/);
    err = await resolveAdapterModule('./half.mjs', dir).catch((e: Error) => e);
    expect((err as Error).message).to.match(/exports create\(\) but not version, capabilities, configSchema$/);
  });

  it('explains a path that does not exist', async () => {
    const err = await resolveAdapterModule('./missing/adapter', dir).catch((e: Error) => e);
    expect((err as Error).name).to.equal('ModuleResolveError');
    expect((err as Error).message).to.equal(`no file or folder at ${path.join(dir, 'missing', 'adapter')}`);
  });
});

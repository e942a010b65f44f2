/**
 * An adapter package from outside this repository: installed beside the gateway without editing
 * the gateway's package.json, importing the contract and the suite through `ouderpoort`'s
 * "exports", loaded by the gateway from a folder path in config, and proven by the suite.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect } from 'chai';
import { loadAdapters } from '../../../gateway/adapters/load-adapters.ts';
import { runInProcess } from '../conformance/run-in-process.ts';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));

describe('adapters: a package from outside the repository', function () {
  this.timeout(20_000);
  let root: string;
  let pkg: string;

  before(() => {
    // The school's own checkout: their package, with ouderpoort installed next to it (as `npm install <tarball>` would).
    root = mkdtempSync(join(tmpdir(), 'school-adapter-'));
    pkg = join(root, 'ouderpoort-adapter-our-school');
    cpSync(join(REPO, 'test/fixtures/adapters/external-package'), pkg, { recursive: true });
    mkdirSync(join(pkg, 'node_modules'));
    symlinkSync(REPO, join(pkg, 'node_modules', 'ouderpoort'), 'dir');
    symlinkSync(join(REPO, 'node_modules', 'zod'), join(pkg, 'node_modules', 'zod'), 'dir');
  });

  after(() => rmSync(root, { recursive: true, force: true }));

  it('is loaded by the gateway from a folder path in sis.stack, through its package "exports"', async () => {
    const [loaded] = await loadAdapters([{ adapter: pkg, config: {} }], { baseDir: REPO });
    expect(loaded!.source).to.equal('path');
    expect(loaded!.specifier).to.equal(pathToFileURL(join(pkg, 'src', 'index.ts')).href);
    expect(loaded!.module.name).to.equal('our-school');
    expect(loaded!.config).to.deep.equal({ school: 'De Linde' });
  });

  it('says what is missing when the folder has no entry', async () => {
    const empty = join(root, 'empty');
    mkdirSync(empty);
    const err = await loadAdapters([{ adapter: empty }], { baseDir: REPO }).catch((e: Error) => e);
    expect(String((err as Error).message)).to.include(`the folder ${empty} has no package.json "exports"/"main"`);
  });

  it('typechecks against the contract it imports from ouderpoort (tsc in the package)', function () {
    this.timeout(120_000);
    const tsc = spawnSync(process.execPath, [join(REPO, 'node_modules/typescript/bin/tsc'), '-p', join(pkg, 'tsconfig.json')], { cwd: pkg, encoding: 'utf8' });
    expect(`${tsc.stdout}${tsc.stderr}`).to.equal('');
    expect(tsc.status).to.equal(0);
  });

  it('passes the conformance suite imported from ouderpoort/adapters/contract/conformance', async () => {
    const [loaded] = await loadAdapters([{ adapter: pkg }], { baseDir: REPO });
    const suite = await import(pathToFileURL(join(pkg, 'node_modules/ouderpoort/adapters/contract/conformance/index.ts')).href);
    expect(typeof suite.runConformance).to.equal('function');
    const { outcomes } = await runInProcess({ module: loaded!.module, config: {} });
    const failed = [...outcomes].filter(([, o]) => !o.passed).map(([name, o]) => `${name}: ${o.reason}`);
    expect(failed).to.deep.equal([]);
  });
});

/** The loader with the real importer: built-ins from adapters/, files from disk, npm packages. */
import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSisStackFromConfig, listBuiltinAdapters, loadAdapters } from '../../../gateway/adapters/index.ts';
import { loadConfig } from '../../../gateway/config/index.ts';
import { createLogger } from '../../../gateway/logger.ts';
import { fixedClock } from '../../support/clock.ts';
import { configRejectionOf as configErrorOf } from '../../support/config-errors.ts';

const OWN_ADAPTER = `
export const name = 'own';
export const version = '2.0.0';
export const capabilities = ['absences'];
export const configSchema = {
  safeParse: (value) => typeof value.school === 'string'
    ? { success: true, data: value }
    : { success: false, error: { issues: [{ code: 'invalid_type', expected: 'string', path: ['school'], input: value.school, message: 'x' }] } },
};
export function create(config) {
  return {
    name, version, capabilities: new Set(capabilities),
    healthCheck: async () => ({ ok: true, latencyMs: 1, detail: config.school }),
    listAbsences: async () => [],
  };
}
`;

describe('loading real adapter modules', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'ouderpoort-adapters-'));
    writeFileSync(join(dir, 'own-adapter.mjs'), OWN_ADAPTER);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('lists the built-in adapters: directories under adapters/ with an index, not the contract', () => {
    const builtins = listBuiltinAdapters();
    expect([...builtins.keys()]).to.include('mock').and.not.include('contract');
    expect(builtins.get('mock')).to.match(/^file:\/\/.*\/adapters\/mock\/index\.(ts|js)$/);
  });

  it('loads the built-in mock and validates its config with its own schema', async () => {
    const [loaded] = await loadAdapters([{ adapter: 'mock', config: { pupils: 20 } }], { baseDir: dir });
    expect(loaded?.module.name).to.equal('mock');
    expect(loaded?.source).to.equal('builtin');
    expect(loaded?.config).to.include({ pupils: 20, seed: 20262027 });

    const err = await configErrorOf(loadAdapters([{ adapter: 'mock', config: { seed: 'seven', colour: 'red' } }], { baseDir: dir }));
    expect(err.problems).to.include('sis.stack[0].config.seed: expected number, received string');
    expect(err.problems).to.include('sis.stack[0].config.colour: unknown key');
  });

  it('builds a working stack from config: an adapter by path over the built-in mock', async () => {
    const file = join(dir, 'school.yaml');
    writeFileSync(file, `
school: { name: OBS De Bron, brin: 12AB }
sis:
  stack:
    - adapter: ./own-adapter.mjs
      config: { school: bron }
    - adapter: mock
      config: { pupils: 20, capabilities: [students, guardians, absences] }
`);
    const config = loadConfig({ file, env: {} });
    const logger = createLogger({ log: { level: 'silent' } });
    const stack = await createSisStackFromConfig(config, { logger, clock: fixedClock('2026-10-05T08:00:00Z') });
    expect(stack.describeStack().filter((r) => r.adapter).map((r) => `${r.capability}:${r.adapter}`))
      .to.deep.equal(['students:mock', 'guardians:mock', 'absences:own']);
    expect(await stack.listAbsences!('any', { from: '2026-09-01', to: '2026-10-01' })).to.deep.equal([]);
    const page = await stack.listStudents!();
    expect(page.items.length).to.be.greaterThan(0);
    expect((await stack.getStudent!(page.items[0]!.id)).id).to.equal(page.items[0]!.id);
    expect((await stack.healthOfEach()).map((h) => [h.adapter, h.ok])).to.deep.equal([['own', true], ['mock', true]]);
    await stack.close!();
  });

  it('reports real missing modules and packages, with the config problems of the others, at once', async () => {
    const err = await configErrorOf(loadAdapters([
      { adapter: './own-adapter.mjs', config: {} },
      { adapter: './nowhere.mjs' },
      { adapter: 'ouderpoort-adapter-that-does-not-exist' },
    ], { baseDir: dir }));
    expect(err.problems).to.deep.equal([
      'sis.stack[0].config.school: missing (expected string)',
      `sis.stack[1].adapter: no adapter module at ${join(dir, 'nowhere.mjs')}`,
      'sis.stack[2].adapter: unknown adapter "ouderpoort-adapter-that-does-not-exist" (built-in: '
        + `${[...listBuiltinAdapters().keys()].join(', ')}; no installed npm package of that name either)`,
    ]);
  });
});

import { expect } from 'chai';
import { z } from 'zod';
import { loadAdapters } from '../../../gateway/adapters/index.ts';
import { fakeModule, importerOf } from './fakes.ts';
import { configRejectionOf as configErrorOf } from '../../support/config-errors.ts';

const builtins = new Map([['mock', 'builtin:mock'], ['parnassys', 'builtin:parnassys']]);

const mock = fakeModule({
  name: 'mock',
  capabilities: ['students', 'guardians'],
  configSchema: z.object({ seed: z.number().default(1), latency: z.object({ fixedMs: z.number() }).optional() }),
});
const parnassys = fakeModule({
  name: 'parnassys',
  capabilities: ['students'],
  configSchema: z.object({ url: z.url(), leveranciersleutel: z.string().min(1) }),
});

describe('loadAdapters', () => {
  it('resolves built-ins by name and returns each module with its parsed config', async () => {
    const importModule = importerOf({ 'builtin:mock': { default: mock }, 'builtin:parnassys': { default: parnassys } });
    const loaded = await loadAdapters([
      { adapter: 'parnassys', config: { url: 'https://sis.example', leveranciersleutel: 'k' } },
      { adapter: 'mock', config: {} },
    ], { baseDir: '/etc/ouderpoort', importModule, builtins });
    expect(loaded.map((l) => [l.index, l.spec, l.source, l.module.name])).to.deep.equal([
      [0, 'parnassys', 'builtin', 'parnassys'],
      [1, 'mock', 'builtin', 'mock'],
    ]);
    expect(loaded[1]?.config).to.deep.equal({ seed: 1 });
  });

  it('accepts named exports as well as a default export', async () => {
    const importModule = importerOf({ 'builtin:mock': { ...mock } });
    const [loaded] = await loadAdapters([{ adapter: 'mock', config: { seed: 2 } }], { baseDir: '/', importModule, builtins });
    expect(loaded?.module.name).to.equal('mock');
    expect(loaded?.config).to.deep.equal({ seed: 2 });
  });

  it('resolves relative paths from the base directory, absolute paths as they are, packages by name', async () => {
    const importModule = importerOf({
      'file:///etc/ouderpoort/adapters/own.ts': { default: fakeModule({ name: 'own', capabilities: ['absences'] }) },
      'file:///opt/other.ts': { default: fakeModule({ name: 'other', capabilities: ['results.lvs'] }) },
      '@school/ouderpoort-sis': { default: fakeModule({ name: 'pkg', capabilities: ['results.method'] }) },
    });
    const loaded = await loadAdapters([
      { adapter: './adapters/own.ts' },
      { adapter: '/opt/other.ts' },
      { adapter: '@school/ouderpoort-sis' },
    ], { baseDir: '/etc/ouderpoort', importModule, builtins });
    expect(loaded.map((l) => [l.source, l.specifier, l.module.name])).to.deep.equal([
      ['path', 'file:///etc/ouderpoort/adapters/own.ts', 'own'],
      ['path', 'file:///opt/other.ts', 'other'],
      ['package', '@school/ouderpoort-sis', 'pkg'],
    ]);
  });

  it('reports every problem of every adapter in one error, each with its key path', async () => {
    const importModule = importerOf({
      'builtin:mock': { default: mock },
      'builtin:parnassys': { default: parnassys },
      'file:///etc/ouderpoort/not-an-adapter.ts': { default: { name: 'x', create: 'no' } },
      'file:///etc/ouderpoort/odd-capability.ts': { default: { ...mock, capabilities: ['students', 'telepathy'] } },
    });
    const err = await configErrorOf(loadAdapters([
      { adapter: 'mock', config: { seed: 'seven', latency: { fixedMs: '20' } } },
      { adapter: 'parnasys', config: {} },
      { adapter: 'parnassys', config: { url: 'not a url' } },
      { adapter: './not-an-adapter.ts' },
      { adapter: './missing.ts' },
      { adapter: './odd-capability.ts' },
      { adapter: 'Not A Name!' },
    ], { baseDir: '/etc/ouderpoort', importModule, builtins }));

    expect(err.code).to.equal('CONFIG_INVALID');
    expect(err.problems).to.deep.equal([
      'sis.stack[0].config.seed: expected number, received string',
      'sis.stack[0].config.latency.fixedMs: expected number, received string',
      'sis.stack[1].adapter: unknown adapter "parnasys" (built-in: mock, parnassys; no installed npm package of that name either)',
      'sis.stack[2].config.url: Invalid URL',
      'sis.stack[2].config.leveranciersleutel: missing (expected string)',
      'sis.stack[3].adapter: "./not-an-adapter.ts" is not an adapter module: missing or invalid version (a string), capabilities (a list), configSchema (a zod schema), create (a function)',
      'sis.stack[4].adapter: no adapter module at /etc/ouderpoort/missing.ts',
      'sis.stack[5].adapter: "./odd-capability.ts" declares unknown capability "telepathy" (known: students, guardians, absences, results.method, results.lvs, changes.submit, reports, medical, absences.report)',
      'sis.stack[6].adapter: "Not A Name!" is neither a built-in adapter (mock, parnassys), a path (./…, ../… or /…) nor an npm package name',
    ]);
    expect(err.message).to.include('Invalid SIS adapter configuration (9 problems)');
  });

  it('tells a broken adapter (a missing dependency inside it) from a missing one', async () => {
    const importModule = async () => {
      throw Object.assign(new Error("Cannot find package 'left-pad' imported from /opt/own.ts"), { code: 'ERR_MODULE_NOT_FOUND' });
    };
    const err = await configErrorOf(loadAdapters([{ adapter: '/opt/own.ts' }], { baseDir: '/', importModule, builtins }));
    expect(err.problems).to.deep.equal([
      'sis.stack[0].adapter: importing "/opt/own.ts" failed: Cannot find package \'left-pad\' imported from /opt/own.ts',
    ]);
  });

  it('reports a schema that cannot check synchronously instead of crashing', async () => {
    const asyncSchema = z.object({}).refine(async () => true);
    const importModule = importerOf({ 'builtin:mock': { default: { ...mock, configSchema: asyncSchema } } });
    const err = await configErrorOf(loadAdapters([{ adapter: 'mock' }], { baseDir: '/', importModule, builtins }));
    expect(err.problems).to.have.length(1);
    expect(err.problems[0]).to.match(/^sis\.stack\[0\]\.config: could not be checked by mock's schema: /);
  });

  it('validates an absent config as an empty mapping', async () => {
    const importModule = importerOf({ 'builtin:parnassys': { default: parnassys } });
    const err = await configErrorOf(loadAdapters([{ adapter: 'parnassys' }], { baseDir: '/', importModule, builtins }));
    expect(err.problems).to.deep.equal([
      'sis.stack[0].config.url: missing (expected string)',
      'sis.stack[0].config.leveranciersleutel: missing (expected string)',
    ]);
  });
});

import { expect } from 'chai';
import type { AdapterDeps, AdapterModule, SisAdapter } from '../../../adapters/contract/index.ts';
import { createStack, formatStackRoutes, stackModule, type LoadedAdapter } from '../../../gateway/adapters/index.ts';
import { fixedClock } from '../../support/clock.ts';
import { fakeAdapter, fakeModule, result } from './fakes.ts';
import { configErrorOf } from '../../support/config-errors.ts';

function entry(index: number, module: AdapterModule, config: unknown = {}): LoadedAdapter {
  return { index, spec: module.name, source: 'builtin', specifier: `builtin:${module.name}`, module, config };
}

function entryFor(index: number, adapter: SisAdapter): LoadedAdapter {
  return entry(index, fakeModule({ name: adapter.name, capabilities: [...adapter.capabilities], create: () => adapter }));
}

const silent = { debug() {}, info() {}, warn() {}, error() {} };
const deps = (): AdapterDeps => ({ http: undefined as never, logger: silent, clock: fixedClock('2026-01-05T08:00:00Z') });

describe('createStack', () => {
  it('routes each capability to the first adapter in the stack that has it', async () => {
    const parnassys = fakeAdapter('parnassys', ['students']);
    const mock = fakeAdapter('mock', ['students', 'guardians', 'absences']);
    const stack = createStack([entryFor(0, parnassys), entryFor(1, mock)], deps);

    expect((await stack.getStudent!('s1')).name.given).to.equal('parnassys');
    expect((await stack.listStudents!()).items[0]?.id).to.equal('parnassys-s1');
    expect((await stack.getGuardian!('g1')).name.given).to.equal('mock');
    expect((await stack.listAbsences!('s1', { from: '2026-01-01', to: '2026-01-31' }))[0]?.id).to.equal('mock-a1');
    expect([...stack.capabilities]).to.have.members(['students', 'guardians', 'absences']);
    expect(stack.name).to.equal('parnassys+mock');
    expect(stack.version).to.equal('parnassys@1.0.0+mock@1.0.0');
  });

  it('leaves out the methods of capabilities no adapter has', () => {
    const stack = createStack([entryFor(0, fakeAdapter('mock', ['students']))], deps);
    expect(stack.getStudent).to.be.a('function');
    expect(stack.listAbsences).to.equal(undefined);
    expect(stack.listResults).to.equal(undefined);
    expect(stack.submitChange).to.equal(undefined);
    expect(stack.capabilities.has('changes.submit')).to.equal(false);
  });

  it('describes which adapter answers for each capability', () => {
    const stack = createStack([
      entryFor(0, fakeAdapter('parnassys', ['students'])),
      entryFor(1, fakeAdapter('mock', ['students', 'guardians', 'results.lvs'])),
    ], deps);
    expect(stack.describeStack()).to.deep.equal([
      { capability: 'students', adapter: 'parnassys', index: 0 },
      { capability: 'guardians', adapter: 'mock', index: 1 },
      { capability: 'absences', adapter: null, index: null },
      { capability: 'results.method', adapter: null, index: null },
      { capability: 'results.lvs', adapter: 'mock', index: 1 },
      { capability: 'changes.submit', adapter: null, index: null },
      { capability: 'reports', adapter: null, index: null },
      { capability: 'medical', adapter: null, index: null },
      { capability: 'absences.report', adapter: null, index: null },
    ]);
  });

  it('says the same in one line for the boot log', () => {
    const stack = createStack([
      entryFor(0, fakeAdapter('parnassys', ['students'])),
      entryFor(1, fakeAdapter('oso', ['students', 'guardians', 'absences', 'results.lvs'])),
    ], deps);
    expect(stack.describeStackText()).to.equal('students → parnassys (sis.stack[0]), guardians → oso (sis.stack[1]), '
      + 'absences → oso (sis.stack[1]), results.method → none, results.lvs → oso (sis.stack[1]), changes.submit → none, '
      + 'reports → none, medical → none, absences.report → none');
    expect(formatStackRoutes([])).to.equal('');
  });

  it('as a module for the conformance suite: named after its members, declaring their union, a fresh stack per create()', () => {
    const module = stackModule([
      entryFor(0, fakeAdapter('parnassys', ['students'])),
      entryFor(1, fakeAdapter('oso', ['guardians', 'results.lvs'])),
    ]);
    expect(module).to.include({ name: 'parnassys+oso', version: 'parnassys@1.0.0+oso@1.0.0' });
    expect(module.capabilities).to.deep.equal(['students', 'guardians', 'results.lvs']);
    expect(module.configSchema.safeParse({}).success).to.equal(true);
    expect(module.configSchema.safeParse({ dir: 'x' }).success).to.equal(false);
    const first = module.create({}, deps());
    expect(first).not.to.equal(module.create({}, deps()));
    expect([...first.capabilities]).to.have.members(['students', 'guardians', 'results.lvs']);
  });

  it('merges results from the adapters serving method and LVS results, each cut to its kinds, by date then id', async () => {
    const methods = fakeAdapter('methods', ['results.method'], {
      listResults: async () => [result('m2', 'method', '2026-02-01'), result('m1', 'method', '2026-01-10'), result('x', 'lvs', '2026-01-01')],
    });
    const lvs = fakeAdapter('lvs', ['results.method', 'results.lvs'], {
      listResults: async () => [
        result('l2', 'lvs', '2026-01-20'), result('d1', 'doorstroom', '2026-02-01'), result('l1', 'lvs', '2026-01-10'),
        result('lm', 'method', '2026-01-15'),
      ],
    });
    const stack = createStack([entryFor(0, methods), entryFor(1, lvs)], deps);
    const ids = (await stack.listResults!('s1')).map((r) => r.id);
    // 'x' (LVS from the method adapter) and 'lm' (method from the LVS adapter) are not theirs to give.
    expect(ids).to.deep.equal(['l1', 'm1', 'l2', 'd1', 'm2']);
  });

  it('asks an adapter serving both results capabilities once, and passes the options on', async () => {
    const calls: unknown[] = [];
    const both = fakeAdapter('both', ['results.method', 'results.lvs'], {
      listResults: async (studentId, options) => {
        calls.push([studentId, options]);
        return [result('b', 'lvs', '2026-01-02'), result('a', 'method', '2026-01-02')];
      },
    });
    const stack = createStack([entryFor(0, both)], deps);
    expect((await stack.listResults!('s9', { schoolYear: '2025-2026' })).map((r) => r.id)).to.deep.equal(['a', 'b']);
    expect(calls).to.deep.equal([['s9', { schoolYear: '2025-2026' }]]);
  });

  it('fails listResults when one of the serving adapters fails', async () => {
    const failing = fakeAdapter('failing', ['results.lvs'], { listResults: async () => { throw new Error('SIS down'); } });
    const stack = createStack([entryFor(0, fakeAdapter('ok', ['results.method'])), entryFor(1, failing)], deps);
    let caught: unknown;
    await stack.listResults!('s1').catch((err: unknown) => { caught = err; });
    expect((caught as Error).message).to.equal('SIS down');
  });

  it('sends changes to the adapter with changes.submit', async () => {
    const stack = createStack([
      entryFor(0, fakeAdapter('reader', ['students'])),
      entryFor(1, fakeAdapter('writer', ['changes.submit'])),
    ], deps);
    const proposal = { studentId: 's1', guardianId: 'g1', fields: [{ field: 'phone', new: '0612345678' }], submittedAt: '2026-01-05T08:00:00Z' };
    expect(await stack.submitChange!(proposal, { idempotencyKey: 'k1' })).to.deep.equal({ reference: 'writer-ref' });
  });

  it('sends reports and medical cards to the first adapter with each capability', async () => {
    const stack = createStack([
      entryFor(0, fakeAdapter('reader', ['students'])),
      entryFor(1, fakeAdapter('reports', ['reports'])),
      entryFor(2, fakeAdapter('health', ['reports', 'medical'])),
    ], deps);
    expect((await stack.listReports!('s1'))[0]?.id).to.equal('reports-r1');
    const doc = await stack.getReportDocument!('s1', 'reports-r1');
    const chunks: Buffer[] = [];
    for await (const chunk of doc.body) chunks.push(Buffer.from(chunk));
    expect(Buffer.concat(chunks).toString()).to.equal('%PDF-reports');
    expect((await stack.getMedicalCard!('s1')).allergies[0]?.id).to.equal('health-m1');
    const bare = createStack([entryFor(0, fakeAdapter('reader', ['students']))], deps);
    expect(bare.listReports).to.equal(undefined);
    expect(bare.getMedicalCard).to.equal(undefined);
  });

  it('aggregates health: ok only when every adapter is, with the slowest latency and the failures named', async () => {
    const up = fakeAdapter('up', ['students'], { healthCheck: async () => ({ ok: true, latencyMs: 12 }) });
    const down = fakeAdapter('down', ['guardians'], { healthCheck: async () => ({ ok: false, latencyMs: 30, detail: 'connection refused' }) });
    const rude = fakeAdapter('rude', ['absences'], { healthCheck: async () => { throw new Error('boom'); } });
    const stack = createStack([entryFor(0, up), entryFor(1, down), entryFor(2, rude)], deps);
    expect(await stack.healthCheck()).to.deep.equal({
      ok: false, latencyMs: 30, detail: 'down: connection refused; rude: healthCheck threw: boom',
    });
    expect(await stack.healthOfEach()).to.deep.equal([
      { adapter: 'up', capabilities: ['students'], ok: true, latencyMs: 12 },
      { adapter: 'down', capabilities: ['guardians'], ok: false, latencyMs: 30, detail: 'connection refused' },
      { adapter: 'rude', capabilities: ['absences'], ok: false, latencyMs: 0, detail: 'healthCheck threw: boom' },
    ]);
    const healthy = createStack([entryFor(0, up)], deps);
    expect(await healthy.healthCheck()).to.deep.equal({ ok: true, latencyMs: 12 });
  });

  it('builds each adapter with its own parsed config and deps', () => {
    const seen: Array<[unknown, AdapterDeps]> = [];
    const module = fakeModule<{ seed: number }>({
      name: 'mock',
      capabilities: ['students'],
      create: (config, d) => {
        seen.push([config, d]);
        return fakeAdapter('mock', ['students']);
      },
    });
    const made: string[] = [];
    createStack([entry(0, module, { seed: 7 }), entry(1, module, { seed: 8 })], (e) => {
      made.push(`${e.module.name}#${e.index}`);
      return deps();
    });
    expect(seen.map(([config]) => config)).to.deep.equal([{ seed: 7 }, { seed: 8 }]);
    expect(made).to.deep.equal(['mock#0', 'mock#1']);
  });

  it('reports every adapter that cannot be built or breaks its promises, in one error', () => {
    const noMethod = fakeAdapter('lazy', ['students', 'absences'], { getStudent: undefined });
    const overclaims = fakeAdapter('greedy', ['students', 'changes.submit']);
    const throws = fakeModule({ name: 'throws', capabilities: ['students'], create: () => { throw new Error('bad seed'); } });
    const err = configErrorOf(() => createStack([
      entryFor(0, noMethod),
      entry(1, fakeModule({ name: 'greedy', capabilities: ['students'], create: () => overclaims })),
      entry(2, throws),
      entry(3, fakeModule({ name: 'nothing', capabilities: [], create: () => ({}) as SisAdapter })),
    ], deps));
    expect(err.problems).to.deep.equal([
      'sis.stack[0] (lazy): the adapter offers "students" but has no getStudent()',
      'sis.stack[1] (greedy): the adapter offers "changes.submit", which its module does not declare',
      'sis.stack[2] (throws): create() failed: bad seed',
      'sis.stack[3] (nothing): the adapter has no capabilities set',
    ]);
  });

  it('needs at least one adapter', () => {
    expect(configErrorOf(() => createStack([], deps)).problems).to.deep.equal(['sis.stack: expected at least one adapter']);
  });

  it('closes every adapter, even when one fails to close', async () => {
    const closed: string[] = [];
    const a = fakeAdapter('a', ['students'], { close: async () => { closed.push('a'); throw new Error('stuck'); } });
    const b = fakeAdapter('b', ['guardians'], { close: async () => { closed.push('b'); } });
    const c = fakeAdapter('c', ['absences']);
    const stack = createStack([entryFor(0, a), entryFor(1, b), entryFor(2, c)], deps);
    let caught: unknown;
    await stack.close!().catch((err: unknown) => { caught = err; });
    expect(closed).to.deep.equal(['a', 'b']);
    expect(caught).to.be.instanceOf(AggregateError);
    expect((caught as AggregateError).errors.map((e: Error) => e.message)).to.deep.equal(['stuck']);
  });
});

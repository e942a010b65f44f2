import { expect } from 'chai';
import { SisError, type Capability } from '../../../adapters/contract/index.ts';
import { unreachableHttp } from '../../../adapters/contract/conformance/recording-deps.ts';
import { expectFailures, failures, runInProcess, T } from './run-in-process.ts';
import { complete, variant } from './variants.ts';

describe('conformance rule: the module, its capabilities and its methods', () => {
  it('fails an adapter missing a method its capabilities promise', async () => {
    const module = variant(() => ({ listGuardiansOfStudent: undefined }));
    const { outcomes } = await runInProcess({ module, config: {}, fixtures: { studentIds: ['st-1'], guardianIds: ['gd-1'] } });
    expect(outcomes.get(T.methods)?.reason).to.match(/promise listGuardiansOfStudent, which is not a function/);
  });

  it('fails an adapter offering a method without the capability for it', async () => {
    const caps: Capability[] = ['students', 'guardians'];
    const module = variant(() => ({ capabilities: new Set(caps) }), { capabilities: caps });
    const { outcomes } = await runInProcess({ module, config: {} });
    expectFailures(outcomes, { [T.methods]: /has listAbsences, listResults, submitChange, listReports, getReportDocument, getMedicalCard, reportAbsence without the capability that promises them/ });
  });

  it('fails a module that declares an unknown capability', async () => {
    const module = { ...complete, capabilities: [...complete.capabilities, 'homework'] as Capability[] };
    const { outcomes } = await runInProcess({ module, config: {} });
    expectFailures(outcomes, { [T.exports]: /unknown entries \["homework"\]/ });
  });

  it('follows the capabilities a config narrows to: their groups only, and the rest must be absent', async () => {
    const caps: Capability[] = ['students', 'absences'];
    const narrowed = variant(() => ({ capabilities: new Set(caps), listGuardians: undefined, getGuardian: undefined,
      listGuardiansOfStudent: undefined, listResults: undefined, submitChange: undefined,
      listReports: undefined, getReportDocument: undefined, getMedicalCard: undefined, reportAbsence: undefined }));
    const { outcomes } = await runInProcess({ module: narrowed, config: {} });
    expect(failures(outcomes)).to.deep.equal({});
    expect([...outcomes.keys()].filter((n) => /Guardian|listResults|submitChange/.test(n))).to.deep.equal([]);
    expect([...outcomes.keys()].filter((n) => n.startsWith('listAbsences'))).to.have.length(5);
  });

  it('fails an adapter whose capabilities change from one instance to the next', async () => {
    let built = 0;
    const module = variant(() => (built++ === 0 ? {} : { capabilities: new Set<Capability>(['students']) }));
    const { outcomes } = await runInProcess({ module, config: {} });
    expect(outcomes.get(T.identity)?.reason).to.match(/a fresh adapter lacks \["guardians",/);
  });

  it('fails an adapter whose capabilities are an array rather than a Set', async () => {
    const module = variant(() => ({ capabilities: [...complete.capabilities] }));
    const { outcomes } = await runInProcess({ module, config: {} });
    expect(outcomes.get(T.identity)?.reason).to.match(/expected a Set of capability names/);
  });

  it('fails a config the module schema rejects, naming the key', async () => {
    const { outcomes } = await runInProcess({ module: complete, config: { pageSize: 0 } });
    expect(outcomes.get(T.config)?.reason).to.match(/^the config does not validate against the module's configSchema: pageSize: /);
  });
});

describe('conformance rule: healthCheck never rejects', () => {
  it('fails an adapter whose healthCheck rejects', async () => {
    const module = variant(() => ({ healthCheck: async () => { throw new SisError('SIS_UNAVAILABLE'); } }));
    const { outcomes } = await runInProcess({ module, config: {} });
    expectFailures(outcomes, {
      [T.health]: /healthCheck rejected with SisError \(code "SIS_UNAVAILABLE"\).*must resolve \{ ok: false, detail \}/,
      [T.healthOffline]: /healthCheck rejected/,
    });
  });

  it('fails a healthCheck result without a numeric latency', async () => {
    const module = variant(() => ({ healthCheck: async () => ({ ok: true }) }));
    const { outcomes } = await runInProcess({ module, config: {} });
    expect(outcomes.get(T.health)?.reason).to.match(/latencyMs: /);
  });

  it('fails an adapter that reports ok although its request to the SIS failed', async () => {
    const module = variant((_good, deps) => ({
      healthCheck: async () => {
        await deps.http.get('https://sis.example/ping').catch(() => undefined);
        return { ok: true, latencyMs: 1 };
      },
    }));
    const { outcomes } = await runInProcess({ module, config: {}, makeDeps: () => ({ http: unreachableHttp(), logger: console, clock: { now: () => new Date() } }) });
    expectFailures(outcomes, { [T.healthOffline]: /reported ok: true although every request it made failed/ });
  });

  it('passes an adapter that reports the failure as { ok: false, detail }', async () => {
    const module = variant((_good, deps) => ({
      healthCheck: async () => {
        try {
          await deps.http.get('https://sis.example/ping');
          return { ok: true, latencyMs: 1 };
        } catch (err) {
          return { ok: false, latencyMs: 1, detail: (err as Error).message };
        }
      },
    }));
    const { outcomes } = await runInProcess({ module, config: {}, makeDeps: () => ({ http: unreachableHttp(), logger: console, clock: { now: () => new Date() } }) });
    expect(outcomes.get(T.healthOffline)).to.deep.equal({ passed: true });
  });
});

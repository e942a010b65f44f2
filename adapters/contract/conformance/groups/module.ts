/**
 * Rules for every module, whatever it supports: what it exports, construction without I/O,
 * methods matching capabilities, and a health check that never rejects.
 */
import { CAPABILITIES, type Capability } from '../../index.ts';
import { check, describeError, fail, preview } from '../checks.ts';
import { CAPABILITY_METHODS, METHODS_BY_CAPABILITY, capabilitiesOf } from '../capability-methods.ts';
import type { SuiteContext } from '../context.ts';
import { unreachableHttp } from '../recording-deps.ts';
import { expectShape, healthShape } from '../shapes.ts';
import { withSocketsBlocked } from '../socket-guard.ts';
import type { TestFramework } from '../types.ts';

const KNOWN = CAPABILITIES as readonly string[];

export function moduleGroup(t: TestFramework, ctx: SuiteContext): void {
  const m = ctx.module;

  t.describe('module and construction', () => {
    t.it('exports a name, a version, known capabilities, a zod configSchema and a create() factory', () => {
      check(typeof m.name === 'string' && m.name.length > 0, `module.name is ${preview(m.name)}; expected a non-empty string`);
      check(typeof m.version === 'string' && m.version.length > 0, `module.version is ${preview(m.version)}; expected a non-empty string`);
      check(Array.isArray(m.capabilities), `module.capabilities is ${preview(m.capabilities)}; expected an array`);
      const unknown = m.capabilities.filter((c) => !KNOWN.includes(c));
      check(unknown.length === 0, `module.capabilities has unknown entries ${preview(unknown)}; known: ${KNOWN.join(', ')}`);
      check(new Set(m.capabilities).size === m.capabilities.length, `module.capabilities lists one twice: ${preview(m.capabilities)}`);
      check(typeof m.configSchema?.safeParse === 'function', 'module.configSchema is not a zod schema (no safeParse)');
      check(typeof m.create === 'function', 'module.create is not a function');
    });

    t.it("the config validates against the module's configSchema", () => {
      ctx.config();
    });

    t.it('construction does no I/O: create() uses no http, logger or clock and opens no socket', async () => {
      const outcome = await withSocketsBlocked(() => ctx.build());
      if (outcome.error !== undefined) fail(`create() threw: ${describeError(outcome.error)}`);
      const built = outcome.result!;
      try {
        const used = built.calls.map((c) => `${c.dep}: ${c.what}`);
        check(used.length === 0, `create() used its deps (${used.join('; ')}); construction must do no I/O — connect lazily on the first call`);
        check(outcome.attempts.length === 0, `create() opened a socket to ${outcome.attempts.join(', ')}; construction must do no I/O — connect lazily on the first call`);
      } finally {
        await built.adapter.close?.();
      }
    });

    t.it("the built adapter names itself and offers only known capabilities, all declared by the module", () =>
      ctx.withAdapter(async (adapter) => {
        check(typeof adapter.name === 'string' && adapter.name.length > 0, `adapter.name is ${preview(adapter.name)}; expected a non-empty string`);
        check(typeof adapter.version === 'string' && adapter.version.length > 0, `adapter.version is ${preview(adapter.version)}; expected a non-empty string`);
        const caps = capabilitiesOf(adapter);
        const unknown = caps.filter((c) => !KNOWN.includes(c));
        check(unknown.length === 0, `adapter.capabilities has unknown entries ${preview(unknown)}; known: ${KNOWN.join(', ')}`);
        const undeclared = caps.filter((c) => !ctx.declared.has(c as Capability));
        check(undeclared.length === 0, `adapter.capabilities has ${preview(undeclared)}, which module.capabilities does not declare`);
        const changed = [...ctx.tested].filter((c) => !caps.includes(c));
        check(changed.length === 0, `a fresh adapter lacks ${preview(changed)}, which the adapter built while registering the tests offered; capabilities follow the config, nothing else`);
      }));

    t.it('the built adapter has exactly the methods its capabilities promise', () =>
      ctx.withAdapter(async (adapter) => {
        const caps = capabilitiesOf(adapter) as Capability[];
        const promised = new Set(caps.flatMap((c) => METHODS_BY_CAPABILITY[c] ?? []));
        const missing = [...promised].filter((name) => typeof adapter[name] !== 'function');
        check(missing.length === 0, `capabilities ${preview(caps)} promise ${missing.join(', ')}, which ${missing.length === 1 ? 'is' : 'are'} not a function`);
        const extra = CAPABILITY_METHODS.filter((name) => !promised.has(name) && adapter[name] !== undefined);
        check(extra.length === 0, `the adapter has ${extra.join(', ')} without the capability that promises ${extra.length === 1 ? 'it' : 'them'}; the gateway routes by capabilities`);
        check(typeof adapter.healthCheck === 'function', 'healthCheck is not a function; every adapter has one');
        check(adapter.close === undefined || typeof adapter.close === 'function', 'close, when present, must be a function');
      }));

    t.it('healthCheck resolves to { ok: boolean, latencyMs: number } and never rejects', () =>
      ctx.withAdapter(async (adapter) => {
        let status: unknown;
        try {
          status = await adapter.healthCheck();
        } catch (err) {
          fail(`healthCheck rejected with ${describeError(err)}; it must resolve { ok: false, detail } instead`);
        }
        expectShape(healthShape, status, 'the healthCheck result');
      }));

    t.it('healthCheck resolves { ok: false } rather than rejecting when the SIS is unreachable', async () => {
      const built = ctx.build((deps) => ({ ...deps, http: unreachableHttp() }));
      try {
        const before = built.calls.length;
        const outcome = await withSocketsBlocked(() => built.adapter.healthCheck());
        if (outcome.error !== undefined) fail(`healthCheck rejected with ${describeError(outcome.error)} while the SIS was unreachable; it must resolve { ok: false, detail }`);
        const status = expectShape(healthShape, outcome.result, 'the healthCheck result');
        const triedNetwork = built.calls.slice(before).some((c) => c.dep === 'http') || outcome.attempts.length > 0;
        check(!triedNetwork || status.ok === false, 'healthCheck reported ok: true although every request it made failed');
      } finally {
        await built.adapter.close?.();
      }
    });
  });
}

/**
 * Runs a `{ describe, it, before, after }` registration under mocha's engine in-process (timeouts,
 * async errors and stray rejections attributed to the running test) and collects one outcome per
 * test or failed hook for the report.
 */
import Mocha from 'mocha';
import type { TestFramework } from '../types.ts';

export interface TestOutcome {
  /** The innermost describe() title, e.g. "capability 'students'". */
  group: string;
  test: string;
  passed: boolean;
  durationMs: number;
  /** Why it failed: the error's message (stack left out, this is for humans reading a table). */
  reason?: string;
}

function groupOf(runnable: Mocha.Runnable): string {
  const path = runnable.parent?.titlePath() ?? [];
  return path.length > 1 ? path.at(-1)! : (path[0] ?? '');
}

function reasonOf(err: unknown): string {
  if (err instanceof Error) return err.name === 'ConformanceError' || err.name === 'Error' ? err.message : `${err.name}: ${err.message}`;
  return String(err);
}

/** A tiny in-process bridge: describe() opens a mocha Suite, it() adds a mocha Test to it. */
function bridge(root: Mocha.Suite): TestFramework {
  let current = root;
  return {
    describe(name, fn) {
      const parent = current;
      current = Mocha.Suite.create(parent, name);
      try {
        fn();
      } finally {
        current = parent;
      }
    },
    it(name, fn) {
      current.addTest(new Mocha.Test(name, async () => {
        await fn();
      }));
    },
    before(fn) {
      current.beforeAll('prepare sample ids', async () => {
        await fn();
      });
    },
    after(fn) {
      current.afterAll('release the discovery adapter', async () => {
        await fn();
      });
    },
  };
}

export async function runWithMocha(register: (t: TestFramework) => void, options: { timeoutMs?: number } = {}): Promise<TestOutcome[]> {
  const outcomes: TestOutcome[] = [];
  class Collector {
    constructor(runner: Mocha.Runner) {
      runner.on(Mocha.Runner.constants.EVENT_TEST_PASS, (test: Mocha.Test) => {
        outcomes.push({ group: groupOf(test), test: test.title, passed: true, durationMs: test.duration ?? 0 });
      });
      runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, (test: Mocha.Runnable, err: unknown) => {
        const title = (test as Mocha.Test | Mocha.Hook).type === 'hook' ? test.title.replace(/^"(before|after) all" hook: /, '$1: ') : test.title;
        outcomes.push({ group: groupOf(test), test: title, passed: false, durationMs: test.duration ?? 0, reason: reasonOf(err) });
      });
    }
  }
  const mocha = new Mocha({ reporter: Collector as unknown as Mocha.ReporterConstructor, timeout: options.timeoutMs ?? 30_000 });
  register(bridge(mocha.suite));
  await new Promise<number>((resolve) => mocha.run(resolve));
  mocha.dispose();
  return outcomes;
}

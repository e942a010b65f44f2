/**
 * Runs the SIS adapter conformance suite against one adapter, or against the adapter stack of a
 * gateway config file, and prints a pass/fail table (for a stack, first which adapter serves which
 * capability).
 *
 *   npm run conformance -- --adapter <name|path|package> [--config <file.yaml|json>] [--fixtures <file>] [--timeout <ms>] [--now <instant>]
 *   npm run conformance -- --stack <gateway-config.yaml> [--fixtures <file>] [--timeout <ms>] [--now <instant>]
 *
 * Exit codes: 0 all rules hold, 1 a rule failed, 2 the adapter, its config or the arguments are unusable.
 */
import { parseArgs } from 'node:util';
import type { AdapterModule } from '../adapters/contract/index.ts';
import {
  expectationsSchema, runConformance, type ConformanceFixtures, type ConformanceRun, type Expectations,
} from '../adapters/contract/conformance/index.ts';
import { defaultDeps } from '../adapters/contract/conformance/recording-deps.ts';
import { configIssues, loadConfigFile } from '../adapters/contract/conformance/cli/load-config.ts';
import { runWithMocha } from '../adapters/contract/conformance/cli/mocha-runner.ts';
import { formatReport, type StackRouteRow } from '../adapters/contract/conformance/cli/report.ts';
import { resolveAdapterModule } from '../adapters/contract/conformance/resolve-module.ts';
import { loadStackUnderTest } from '../gateway/adapters/index.ts';

const USAGE = `usage: npm run conformance -- --adapter <name|path|package> [--config <file.yaml|json>] [--fixtures <file.yaml|json>] [--timeout <ms>] [--now <instant>]
       npm run conformance -- --stack <gateway-config.yaml> [--fixtures <file.yaml|json>] [--timeout <ms>] [--now <instant>]

  --adapter   a built-in adapter name (adapters/<name>/index.ts), a path to a module or folder, or a package name
  --config    the adapter's config section as YAML or JSON (default: {});
              without --adapter: a gateway config file, as --stack
  --stack     a gateway config file (laid over config/default.yaml, !env values from the environment):
              its sis.stack is tested as the gateway routes it, one capability to the first adapter that has it
  --fixtures  sample ids for adapters that cannot list: { studentIds, guardianIds, departedStudentIds, unknownId, absenceRange, change }
  --timeout   per-test timeout in milliseconds (default 30000)
  --now       run as if it were this ISO 8601 instant (the adapters' clock), for data exported on a known date
  --expect    pupils as the school's own SIS shows them (name, group, jaargroep, secret address, guardians
              with relation, gezag and secret address), YAML or JSON; every difference is printed and fails`;

function exit(code: number, text: string, stream: NodeJS.WriteStream = process.stdout): void {
  // Exit explicitly: an adapter under test may leave sockets or timers open.
  stream.write(text, () => process.exit(code));
}

interface Target {
  module: AdapterModule;
  config: unknown;
  stack?: { file: string; routes: StackRouteRow[] };
}

/** The module and config under test, or a message for exit code 2. */
async function targetOf(args: { adapter?: string; config?: string; stack?: string }): Promise<Target | string> {
  const stackFile = args.stack ?? (args.adapter === undefined ? args.config : undefined);
  if (stackFile !== undefined) {
    if (args.adapter !== undefined || (args.stack !== undefined && args.config !== undefined)) {
      return '--stack takes the whole gateway config file; give it alone, without --adapter or --config\n';
    }
    const { module, routes } = await loadStackUnderTest(stackFile);
    return { module, config: {}, stack: { file: stackFile, routes } };
  }
  if (!args.adapter) return `missing --adapter or --stack\n${USAGE}\n`;
  const module = await resolveAdapterModule(args.adapter);
  const config = await loadConfigFile(args.config);
  const issues = configIssues(module, config);
  if (issues.length > 0) {
    const lines = issues.map((i) => `  - ${i.path}: ${i.message}`).join('\n');
    return `conformance: the config${args.config ? ` in ${args.config}` : ''} is invalid for adapter "${module.name}":\n${lines}\n`;
  }
  return { module, config };
}

/** The adapter's own health check once, for the report: it names records the adapter left out. */
async function healthOf(module: AdapterModule, config: unknown, makeDeps: () => ReturnType<typeof defaultDeps>) {
  try {
    const parsed = module.configSchema.safeParse(config);
    if (!parsed.success) return undefined;
    const adapter = module.create(parsed.data, makeDeps());
    try {
      return await adapter.healthCheck();
    } finally {
      await adapter.close?.();
    }
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        adapter: { type: 'string' },
        config: { type: 'string' },
        stack: { type: 'string' },
        fixtures: { type: 'string' },
        timeout: { type: 'string' },
        now: { type: 'string' },
        expect: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (err) {
    return exit(2, `${(err as Error).message}\n${USAGE}\n`, process.stderr);
  }
  if (args.help) return exit(0, `${USAGE}\n`);
  const timeoutMs = args.timeout === undefined ? 30_000 : Number(args.timeout);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) return exit(2, `--timeout must be a positive whole number of milliseconds\n`, process.stderr);
  const now = args.now === undefined ? undefined : Date.parse(args.now);
  if (now !== undefined && (Number.isNaN(now) || !/T.*(Z|[+-]\d{2}:\d{2})$/.test(args.now!))) {
    return exit(2, '--now must be an ISO 8601 instant with a zone, e.g. 2026-10-05T10:00:00+02:00\n', process.stderr);
  }

  let target: Target | string;
  let fixtures: ConformanceFixtures;
  let expectations: Expectations | undefined;
  try {
    target = await targetOf(args);
    fixtures = (await loadConfigFile(args.fixtures)) as ConformanceFixtures;
    if (args.expect !== undefined) {
      const parsed = expectationsSchema.safeParse(await loadConfigFile(args.expect));
      if (!parsed.success) {
        const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n');
        return exit(2, `conformance: the expectations in ${args.expect} are invalid:\n${lines}\n`, process.stderr);
      }
      expectations = parsed.data;
    }
  } catch (err) {
    return exit(2, `conformance: ${(err as Error).message}\n`, process.stderr);
  }
  if (typeof target === 'string') return exit(2, target, process.stderr);

  const { module, config, stack } = target;
  const makeDeps = () => ({ ...defaultDeps(), ...(now !== undefined && { clock: { now: () => new Date(now) } }) });
  let run: ConformanceRun | undefined;
  const outcomes = await runWithMocha((t) => {
    run = runConformance(t, { module, config, fixtures, makeDeps, ...(expectations && { expect: expectations }) });
  }, { timeoutMs });
  const failed = outcomes.length === 0 || outcomes.some((o) => !o.passed);
  const health = await healthOf(module, config, makeDeps);
  exit(failed ? 1 : 0, formatReport(module.name, run?.capabilities ?? [], outcomes, run?.latency.summary() ?? [], stack, {
    ...(run && { notChecked: run.notChecked }),
    ...(module.help && { help: module.help }),
    ...(health && { health }),
  }));
}

main().catch((err: unknown) => exit(2, `conformance: ${(err as Error)?.stack ?? String(err)}\n`, process.stderr));

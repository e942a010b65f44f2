/**
 * Runs the SIS adapter conformance suite against one adapter and prints a pass/fail table.
 *
 *   npm run conformance -- --adapter <name|path|package> [--config <file.yaml|json>] [--fixtures <file>] [--timeout <ms>]
 *
 * Exit codes: 0 all rules hold, 1 a rule failed, 2 the adapter, its config or the arguments are unusable.
 */
import { parseArgs } from 'node:util';
import { runConformance, type ConformanceFixtures, type ConformanceRun } from '../adapters/contract/conformance/index.ts';
import { configIssues, loadConfigFile } from '../adapters/contract/conformance/cli/load-config.ts';
import { runWithMocha } from '../adapters/contract/conformance/cli/mocha-runner.ts';
import { formatReport } from '../adapters/contract/conformance/cli/report.ts';
import { resolveAdapterModule } from '../adapters/contract/conformance/resolve-module.ts';

const USAGE = `usage: npm run conformance -- --adapter <name|path|package> [--config <file.yaml|json>] [--fixtures <file.yaml|json>] [--timeout <ms>]

  --adapter   a built-in adapter name (adapters/<name>/index.ts), a path to a module or folder, or a package name
  --config    the adapter's config section as YAML or JSON (default: {})
  --fixtures  sample ids for adapters that cannot list: { studentIds, guardianIds, departedStudentIds, unknownId, absenceRange, change }
  --timeout   per-test timeout in milliseconds (default 30000)`;

function exit(code: number, text: string, stream: NodeJS.WriteStream = process.stdout): void {
  // Exit explicitly: an adapter under test may leave sockets or timers open.
  stream.write(text, () => process.exit(code));
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        adapter: { type: 'string' },
        config: { type: 'string' },
        fixtures: { type: 'string' },
        timeout: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (err) {
    return exit(2, `${(err as Error).message}\n${USAGE}\n`, process.stderr);
  }
  if (args.help) return exit(0, `${USAGE}\n`);
  if (!args.adapter) return exit(2, `missing --adapter\n${USAGE}\n`, process.stderr);
  const timeoutMs = args.timeout === undefined ? 30_000 : Number(args.timeout);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) return exit(2, `--timeout must be a positive whole number of milliseconds\n`, process.stderr);

  let module, config, fixtures;
  try {
    module = await resolveAdapterModule(args.adapter);
    config = await loadConfigFile(args.config);
    fixtures = (await loadConfigFile(args.fixtures)) as ConformanceFixtures;
  } catch (err) {
    return exit(2, `conformance: ${(err as Error).message}\n`, process.stderr);
  }

  const issues = configIssues(module, config);
  if (issues.length > 0) {
    const lines = issues.map((i) => `  - ${i.path}: ${i.message}`).join('\n');
    return exit(2, `conformance: the config${args.config ? ` in ${args.config}` : ''} is invalid for adapter "${module.name}":\n${lines}\n`, process.stderr);
  }

  let run: ConformanceRun | undefined;
  const outcomes = await runWithMocha((t) => {
    run = runConformance(t, { module, config, fixtures });
  }, { timeoutMs });
  const failed = outcomes.length === 0 || outcomes.some((o) => !o.passed);
  exit(failed ? 1 : 0, formatReport(module.name, run?.capabilities ?? [], outcomes, run?.latency.summary() ?? []));
}

main().catch((err: unknown) => exit(2, `conformance: ${(err as Error)?.stack ?? String(err)}\n`, process.stderr));

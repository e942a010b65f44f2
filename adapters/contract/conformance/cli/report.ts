/** The CLI's report: one row per test, the reasons for each failure, then latency per method. */
import type { MethodLatency } from '../latency.ts';
import type { TestOutcome } from './mocha-runner.ts';

function table(header: string[], rows: string[][], alignRight: Set<number> = new Set()): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (alignRight.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Which adapter of a stack answers for a capability (the gateway's routing, position 0 first). */
export interface StackRouteRow {
  capability: string;
  adapter: string | null;
  index: number | null;
}

/** The routing table of a stack under test: one row per capability, "none" where no adapter has it. */
export function formatStackTable(routes: readonly StackRouteRow[]): string {
  return table(
    ['capability', 'served by', 'stack position'],
    routes.map((r) => [r.capability, r.adapter ?? 'none', r.index === null ? '' : `sis.stack[${r.index}]`]),
  );
}

const ms = (n: number) => (Number.isInteger(n) || n >= 10 ? n.toFixed(0) : n.toFixed(1));

/** What the report shows beside the rows: rules not checked, the adapter's help text and its health. */
export interface ReportExtras {
  notChecked?: ReadonlyMap<string, string>;
  help?: string;
  health?: { ok: boolean; detail?: string };
}

export function formatReport(
  adapter: string, capabilities: readonly string[], outcomes: TestOutcome[], latency: MethodLatency[],
  stack?: { file: string; routes: readonly StackRouteRow[] }, extras: ReportExtras = {},
): string {
  const failed = outcomes.filter((o) => !o.passed);
  const notChecked = extras.notChecked ?? new Map<string, string>();
  const tested = capabilities.length > 0 ? capabilities.join(', ') : 'none';
  const out: string[] = [];
  if (stack) out.push(`Stack of ${stack.file} (for each capability the first adapter that has it answers):`, '', formatStackTable(stack.routes), '');
  out.push(`Conformance of ${stack ? 'stack' : 'adapter'} "${adapter}" (capabilities tested: ${tested})`, '');
  if (extras.help) out.push(...extras.help.trim().split('\n').map((l) => `  ${l}`), '');
  out.push(table(
    ['group', 'test', 'result', 'ms'],
    outcomes.map((o, i) => [o.group, o.test, o.passed ? (notChecked.has(o.test) ? 'not checked' : 'pass') : `FAIL #${failed.indexOf(outcomes[i]!) + 1}`, ms(o.durationMs)]),
    new Set([3]),
  ));
  if (failed.length > 0) {
    out.push('', 'Failures:');
    failed.forEach((o, i) => {
      out.push('', `#${i + 1} ${o.group} › ${o.test}`);
      out.push(...(o.reason ?? 'no reason given').split('\n').map((l) => `    ${l}`));
    });
  }
  const unchecked = outcomes.filter((o) => o.passed && notChecked.has(o.test));
  if (unchecked.length > 0) {
    out.push('', 'Not checked (the data has nothing to judge yet; this is not a failure):');
    for (const o of unchecked) out.push(`  - ${o.group} › ${o.test}: not checked: ${notChecked.get(o.test)}`);
  }
  if (extras.health) {
    out.push('', `Health: ${extras.health.ok ? 'ok' : 'NOT OK'}${extras.health.detail ? ` — ${extras.health.detail}` : ''}`);
  }
  if (latency.length > 0) {
    out.push('', 'Latency per method (ms):', '');
    out.push(table(
      ['method', 'calls', 'min', 'median', 'max'],
      latency.map((l) => [l.method, String(l.calls), ms(l.minMs), ms(l.medianMs), ms(l.maxMs)]),
      new Set([1, 2, 3, 4]),
    ));
  }
  const passed = outcomes.length - failed.length;
  out.push('', failed.length === 0
    ? `PASS: all ${outcomes.length} conformance tests passed${unchecked.length > 0 ? ` (${unchecked.length} not checked)` : ''}.`
    : `FAIL: ${failed.length} of ${outcomes.length} conformance tests failed (${passed} passed).`);
  return `${out.join('\n')}\n`;
}

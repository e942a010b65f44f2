/** Prints the bench's rows as one plain-text table: what was measured, the number, the target. */

export interface Row {
  section: string;
  metric: string;
  value: string;
  target?: string;
  /** Whether the target is met; undefined when there is none. */
  met?: boolean;
}

export function formatTable(rows: readonly Row[]): string {
  const cells = (r: Row) => [r.section, r.metric, r.value, r.target === undefined ? '' : `${r.target} ${r.met ? 'ok' : 'MISSED'}`];
  const all = [['bench', 'metric', 'value', 'target'], ...rows.map(cells)];
  const widths = [0, 1, 2, 3].map((i) => Math.max(...all.map((c) => (c[i] ?? '').length)));
  const line = (c: string[]) => c.map((cell, i) => (i === 2 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(all[0] as string[]), rule, ...all.slice(1).map(line)].join('\n');
}

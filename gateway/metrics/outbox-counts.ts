/** The outbox backlog for the gauges: every item not delivered yet, counted by status and kind. */
import type { Outbox } from '../outbox/index.ts';
import type { OutboxCounts } from './registry.ts';

const REPORTED = { pending: 'pending', delivering: 'delivering', attention: 'parked' } as const;

/** `kinds` are reported at 0 when empty, so a dashboard's series exists before the first item. */
export function outboxCounts(outbox: Pick<Outbox, 'list'>, kinds: () => readonly string[]): () => Promise<OutboxCounts> {
  return async () => {
    const counts = new Map<string, OutboxCounts[number]>();
    const add = (status: OutboxCounts[number]['status'], kind: string, n: number) => {
      const key = `${status}|${kind}`;
      const entry = counts.get(key) ?? { status, kind, count: 0 };
      entry.count += n;
      counts.set(key, entry);
    };
    for (const kind of kinds()) for (const status of Object.values(REPORTED)) add(status, kind, 0);
    for (const item of await outbox.list()) {
      if (item.status === 'delivered') continue;
      add(REPORTED[item.status], item.kind, 1);
    }
    return [...counts.values()];
  };
}

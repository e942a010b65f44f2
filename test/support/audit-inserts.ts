/**
 * Watches the PostgreSQL store's audit INSERTs (every Db in the process): how many statements,
 * and how many rows each carried. For tests that show appends going out together.
 */
import { Db } from '../../gateway/store/postgres/db.ts';

export interface AuditInserts {
  /** Rows per INSERT INTO audit_records, in the order they were issued. */
  rows: number[];
  restore(): void;
}

export function watchAuditInserts(): AuditInserts {
  const rows: number[] = [];
  const query = Db.prototype.query;
  Db.prototype.query = function (this: Db, text: string, ...rest: unknown[]) {
    if (text.startsWith('INSERT INTO audit_records')) rows.push((text.match(/\(\$/g) ?? []).length);
    return (query as (...a: unknown[]) => ReturnType<typeof query>).call(this, text, ...rest);
  } as typeof query;
  return { rows, restore: () => { Db.prototype.query = query; } };
}

/**
 * The audit search for staff (role beheer): the form's filters become one AuditQuery (the store
 * answers it; PostgreSQL can index it), a page of results, or every match as CSV. The filters that
 * name people (a child's name, a parent's username) are resolved to ids here, so the store only
 * ever sees ids and the URL never sees either.
 */
import { foldForMatching } from '../auth/text-fold.ts';
import { startOfLocalDate, addDays, isLocalDate } from '../policy/local-time.ts';
import { AUDIT_KINDS, type AuditKind, type AuditQuery, type AuditRecord, type Store } from '../store/types.ts';

export const AUDIT_PAGE_SIZE = 50;
/** A CSV export holds at most this many rows (a year of one school's views fits). */
export const AUDIT_CSV_MAX = 100_000;
const TIME_ZONE = 'Europe/Amsterdam';

export interface AuditFilters {
  child: string;
  account: string;
  staff: string;
  section: string;
  kind: string;
  from: string;
  to: string;
  page: number;
}

export type AuditFilterErrors = Partial<Record<'child' | 'account' | 'from' | 'to', string[]>>;

type Field = (name: string, max: number) => string;

export function filtersOf(field: Field): AuditFilters {
  const page = Number.parseInt(field('pagina', 6), 10);
  return {
    child: field('kind', 100).trim(), account: field('account', 100).trim(), staff: field('medewerker', 100),
    section: field('onderdeel', 40), kind: field('soort', 10), from: field('van', 10), to: field('tot', 10),
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

export interface ResolveDeps {
  store: Pick<Store, 'accounts'>;
  /** The children the portal knows (ids and names), for the child filter. */
  children(): Promise<Array<{ studentId: string; name: string }>>;
}

/** The store query for these filters, or the errors to show next to the fields. */
export async function queryOf(
  filters: AuditFilters, deps: ResolveDeps,
): Promise<{ query: AuditQuery; errors?: undefined } | { errors: AuditFilterErrors; matches?: string[] }> {
  const errors: AuditFilterErrors = {};
  const query: AuditQuery = {};
  let matches: string[] | undefined;
  if (filters.child) {
    const wanted = foldForMatching(filters.child);
    const found = (await deps.children()).filter((c) => foldForMatching(c.name).includes(wanted));
    if (found.length === 1) query.studentId = found[0]!.studentId;
    else if (found.length === 0) errors.child = ['operator.audit.childUnknown'];
    else {
      errors.child = ['operator.audit.childAmbiguous'];
      matches = found.slice(0, 10).map((c) => c.name);
    }
  }
  if (filters.account) {
    const account = await deps.store.accounts.findByUsername(filters.account.toLowerCase());
    if (account) query.account = account.id;
    else errors.account = ['operator.audit.accountUnknown'];
  }
  if (filters.staff) query.actor = filters.staff;
  if (filters.section) query.section = filters.section;
  if ((AUDIT_KINDS as readonly string[]).includes(filters.kind)) query.kind = filters.kind as AuditKind;
  if (filters.from) {
    if (isLocalDate(filters.from)) query.from = startOfLocalDate(filters.from, TIME_ZONE).toISOString();
    else errors.from = ['operator.audit.dateInvalid'];
  }
  if (filters.to) {
    // "tot en met": the whole last day counts.
    if (isLocalDate(filters.to)) query.to = startOfLocalDate(addDays(filters.to, 1), TIME_ZONE).toISOString();
    else errors.to = ['operator.audit.dateInvalid'];
  }
  if (Object.keys(errors).length > 0) return { errors, ...(matches ? { matches } : {}) };
  return { query };
}

/** One page of matches and how many there are in all. */
export async function auditPage(store: Pick<Store, 'audit'>, query: AuditQuery, page: number) {
  const total = await store.audit.count(query);
  const records = await store.audit.query({ ...query, limit: AUDIT_PAGE_SIZE, offset: (page - 1) * AUDIT_PAGE_SIZE });
  return { records, total, pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
}

const CSV_COLUMNS = ['at', 'actorKind', 'actor', 'action', 'section', 'studentId', 'requestId', 'detail'] as const;

/** RFC 4180, and a cell that could start a spreadsheet formula is prefixed with an apostrophe. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function auditCsv(records: AuditRecord[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of records) {
    lines.push([
      r.at, r.actorKind, r.actor, r.action, r.section ?? '', r.studentId ?? '', r.requestId ?? '',
      r.detail ? Object.entries(r.detail).map(([k, v]) => `${k}=${String(v)}`).join('; ') : '',
    ].map(cell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

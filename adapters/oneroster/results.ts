/** OneRoster gradebook results → the contract's method-test results (OneRoster has no LVS normings). */
import type { TestResult } from '../contract/index.ts';
import type { OneRosterConfig } from './config.ts';
import type { Ref } from './roster.ts';

export interface OrLineItem { sourcedId: string; status?: string; title?: string; assignDate?: string; dueDate?: string; category?: Ref }
export interface OrCategory { sourcedId: string; title?: string }
export interface OrResult { sourcedId: string; status?: string; lineItem?: Ref; student?: Ref; score?: number | string; textScore?: string; scoreStatus?: string; scoreDate?: string }

/** The school year (1 August – 31 July) of a local date, "2026-2027". */
export function schoolYearOf(date: string): string {
  const year = Number(date.slice(0, 4));
  const start = date.slice(5) >= '08-01' ? year : year - 1;
  return `${start}-${start + 1}`;
}

export function mapResults(
  studentId: string, jaargroep: number, results: readonly OrResult[],
  lineItems: ReadonlyMap<string, OrLineItem>, categories: ReadonlyMap<string, OrCategory>, config: OneRosterConfig,
): TestResult[] {
  const out: TestResult[] = [];
  for (const r of results) {
    if (r.status === 'tobedeleted' || r.student?.sourcedId !== studentId || r.scoreStatus === 'not submitted') continue;
    const item = r.lineItem && lineItems.get(r.lineItem.sourcedId);
    const date = (r.scoreDate ?? item?.assignDate ?? '').slice(0, 10);
    if (!item || !/^\d{4}-\d{2}-\d{2}$/.test(date)) continue;
    const category = item.category?.sourcedId;
    const title = category ? categories.get(category)?.title : undefined;
    const subject = (category && config.categories[category]) ?? (title && config.categories[title]) ?? title ?? 'overig';
    const score = r.textScore?.trim() || r.score;
    out.push({
      id: r.sourcedId, studentId, kind: 'method', testName: item.title?.trim() || item.sourcedId, subject, date,
      schoolYear: schoolYearOf(date), jaargroep,
      ...(score !== undefined && score !== '' && { score: typeof score === 'string' && /^-?\d+(\.\d+)?$/.test(score) ? Number(score) : score }),
      referenceScores: [],
    });
  }
  return out.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

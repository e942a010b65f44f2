/**
 * One audit record per view of a child's section (DOMAIN.md §5: who saw which child's what, when).
 * Awaited before the page is sent: a view that cannot be recorded is not shown.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../adapters/contract/index.ts';
import type { Store } from '../store/types.ts';

export interface ViewEvent {
  accountId: string;
  studentId: string;
  /** 'personalia', 'absences', 'results.method', 'results.lvs' or 'dashboard'. */
  section: string;
  requestId?: string;
  /** Default 'view'; a download is 'download'. */
  action?: string;
  /** Ids only, e.g. the SIS report id of a downloaded report. */
  detail?: Record<string, string | number | boolean>;
}

export async function auditView(store: Pick<Store, 'audit'>, clock: Clock, event: ViewEvent): Promise<void> {
  await store.audit.append({
    id: randomUUID(),
    at: clock.now().toISOString(),
    actor: event.accountId,
    actorKind: 'parent',
    action: event.action ?? 'view',
    studentId: event.studentId,
    section: event.section,
    requestId: event.requestId,
    ...(event.detail && { detail: event.detail }),
  });
}

/**
 * A parent's correction decided by the school (processed or rejected) becomes a notification for
 * that parent, if they asked for news about corrections. Delivered to the school ("in behandeling")
 * is not news: the parent already saw "ontvangen".
 */
import type { ChangeRequests } from '../changes/change-requests.ts';
import type { StatusChange } from '../changes/types.ts';
import { notify, type NotificationKind, type NotifyDeps } from './notify.ts';

const NOTICE: Partial<Record<StatusChange['to'], NotificationKind>> = {
  processed: 'correction-processed',
  rejected: 'correction-rejected',
};

export function noticeOf(change: StatusChange): NotificationKind | undefined {
  return NOTICE[change.to];
}

/** Subscribes to status changes; returns the unsubscribe function. */
export function subscribeCorrectionNotices(changes: Pick<ChangeRequests, 'onStatusChange'>, deps: NotifyDeps): () => void {
  return changes.onStatusChange(async (change) => {
    const kind = noticeOf(change);
    if (!kind) return;
    const { request } = change;
    await notify(deps, {
      key: `correction:${request.id}:${change.to}`, accountId: request.accountId, topic: 'corrections', kind, studentId: request.studentId,
    });
  });
}

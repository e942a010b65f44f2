/** One audit record per operator action (DOMAIN §5: who did what, when). */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../../adapters/contract/index.ts';
import type { AuditRecord, Store } from '../../store/types.ts';

export async function auditOperator(
  store: Pick<Store, 'audit'>, clock: Clock,
  record: Pick<AuditRecord, 'actor' | 'action'> & Partial<Pick<AuditRecord, 'studentId' | 'section' | 'requestId' | 'detail'>>,
): Promise<void> {
  await store.audit.append({ id: randomUUID(), at: clock.now().toISOString(), actorKind: 'operator', ...record });
}

/**
 * An operator resets a second factor (a parent lost their phone and their recovery codes): the
 * record goes, every session of the account ends, and it is audited and logged as a security
 * event. Used by bin/reset-second-factor.ts now and by the staff accounts page later.
 */
import { randomUUID } from 'node:crypto';
import { operatorSubject, parentSubject } from '../auth/second-factor/index.ts';
import type { EventOrigin } from '../security-events/index.ts';
import type { Services } from '../services.ts';

export type ResetWho = { parent: string } | { operator: string };
export type ResetOutcome = 'reset' | 'not-enrolled' | 'not-found';

export async function resetSecondFactor(
  services: Pick<Services, 'store' | 'clock' | 'secondFactor' | 'securityEvents' | 'operators'>,
  who: ResetWho, by: { actor: string; origin: EventOrigin },
): Promise<ResetOutcome> {
  let subject: string;
  let accountId: string | undefined;
  if ('parent' in who) {
    const account = (await services.store.accounts.findByUsername(who.parent)) ?? (await services.store.accounts.get(who.parent));
    if (!account) return 'not-found';
    accountId = account.id;
    subject = parentSubject(account.id);
  } else {
    if (!services.operators.get(who.operator)) return 'not-found';
    subject = operatorSubject(who.operator);
  }
  if (!(await services.secondFactor.reset(subject))) return 'not-enrolled';
  if (accountId) await services.store.sessions.destroyByAccount(accountId);
  await services.store.audit.append({
    id: randomUUID(), at: services.clock.now().toISOString(), actor: by.actor, actorKind: 'operator', action: 'secondFactor.reset',
    detail: { subject: services.securityEvents.pseudonym(subject) },
  });
  await services.securityEvents.record({ type: 'secondFactor.reset', outcome: 'success', subject, detail: { by: 'operator' } }, by.origin);
  await services.store.flush();
  return 'reset';
}

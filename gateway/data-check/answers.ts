/**
 * The parents' answers to a data check (collection dataCheckAnswers), one document per account and
 * check: how often they chose "later", and their answer — confirmed, or a correction started —
 * with when. Every answer is also an audit record. Documents go after `dataCheck.retention`.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../adapters/contract/index.ts';
import type { Store } from '../store/types.ts';

export const DATA_CHECK_ANSWERS_COLLECTION = 'dataCheckAnswers';

export type DataCheckOutcome = 'confirmed' | 'correction';

export interface DataCheckAnswer {
  /** `<check key>:<account id>` */
  id: string;
  check: string;
  accountId: string;
  guardianId: string;
  skips: number;
  outcome?: DataCheckOutcome;
  answeredAt?: string;
  /** Set once the reminder mail is queued (its delivery key). */
  reminder?: string;
  createdAt: string;
}

export interface DataCheckAnswers {
  get(check: string, accountId: string): Promise<DataCheckAnswer | undefined>;
  listForCheck(check: string): Promise<DataCheckAnswer[]>;
  skip(check: string, who: { accountId: string; guardianId: string }): Promise<DataCheckAnswer>;
  answer(check: string, who: { accountId: string; guardianId: string; requestId?: string }, outcome: DataCheckOutcome): Promise<DataCheckAnswer>;
  markReminded(check: string, who: { accountId: string; guardianId: string }, deliveryKey: string): Promise<void>;
  /** Deletes answers given (or, unanswered, made) before `cutoff`; returns how many. */
  purgeBefore(cutoff: Date): Promise<number>;
}

export function createDataCheckAnswers(deps: { store: Pick<Store, 'collection' | 'audit' | 'flush'>; clock: Clock }): DataCheckAnswers {
  const docs = deps.store.collection<DataCheckAnswer>(DATA_CHECK_ANSWERS_COLLECTION);
  const idOf = (check: string, accountId: string) => `${check}:${accountId}`;

  async function current(check: string, who: { accountId: string; guardianId: string }): Promise<DataCheckAnswer> {
    return (await docs.get(idOf(check, who.accountId))) ?? {
      id: idOf(check, who.accountId), check, accountId: who.accountId, guardianId: who.guardianId, skips: 0,
      createdAt: deps.clock.now().toISOString(),
    };
  }

  return {
    get: (check, accountId) => docs.get(idOf(check, accountId)),
    listForCheck: (check) => docs.list((d) => d.check === check),
    async skip(check, who) {
      const doc = await current(check, who);
      const next = { ...doc, skips: doc.skips + 1 };
      await docs.put(next);
      await deps.store.flush();
      return next;
    },
    async answer(check, who, outcome) {
      const doc = await current(check, who);
      const at = deps.clock.now().toISOString();
      const next: DataCheckAnswer = { ...doc, outcome, answeredAt: at };
      await docs.put(next);
      // The answer counts only once it is recorded as well: who confirmed which check, when.
      await deps.store.audit.append({
        id: randomUUID(), at, actor: who.accountId, actorKind: 'parent', action: `data-check.${outcome}`,
        section: 'data-check', requestId: who.requestId, detail: { check },
      });
      await deps.store.flush();
      return next;
    },
    async markReminded(check, who, deliveryKey) {
      await docs.put({ ...(await current(check, who)), reminder: deliveryKey });
    },
    async purgeBefore(cutoff) {
      const old = await docs.list((d) => Date.parse(d.answeredAt ?? d.createdAt) <= cutoff.getTime());
      for (const d of old) await docs.delete(d.id);
      return old.length;
    },
  };
}

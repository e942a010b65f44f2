/**
 * The parents' answers to a data check (collection dataCheckAnswers), one document per account and
 * check: how often they chose "later", whether they opened a correction from it ("Er klopt iets
 * niet"), and their answer — confirmed, or a correction actually sent — with when. Opening the
 * correction form is not an answer: until the correction is sent the parent is still asked and
 * still reminded, and staff see "correction pending", not "corrected". Every step is also an audit
 * record. Documents go after `dataCheck.retention`.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../adapters/contract/index.ts';
import type { Store } from '../store/types.ts';

export const DATA_CHECK_ANSWERS_COLLECTION = 'dataCheckAnswers';

export type DataCheckOutcome = 'confirmed' | 'corrected';

type Who = { accountId: string; guardianId: string; requestId?: string };

export interface DataCheckAnswer {
  /** `<check key>:<account id>` */
  id: string;
  check: string;
  accountId: string;
  guardianId: string;
  skips: number;
  outcome?: DataCheckOutcome;
  answeredAt?: string;
  /** "Er klopt iets niet" chosen (the correction form opened), not yet sent. */
  correctionStartedAt?: string;
  /** The reference of the correction that answered the check. */
  correction?: string;
  /** Set once the reminder mail is queued (its delivery key). */
  reminder?: string;
  createdAt: string;
}

export interface DataCheckAnswers {
  get(check: string, accountId: string): Promise<DataCheckAnswer | undefined>;
  listForCheck(check: string): Promise<DataCheckAnswer[]>;
  skip(check: string, who: { accountId: string; guardianId: string }): Promise<DataCheckAnswer>;
  confirm(check: string, who: Who): Promise<DataCheckAnswer>;
  /** The parent chose "Er klopt iets niet": recorded, but the check stays open until the correction is sent. */
  startCorrection(check: string, who: Who): Promise<DataCheckAnswer>;
  /** A correction was sent while the check ran: that answers it. */
  correctionSent(check: string, who: Who, reference: string): Promise<DataCheckAnswer>;
  markReminded(check: string, who: { accountId: string; guardianId: string }, deliveryKey: string): Promise<void>;
  /** Deletes answers given (or, unanswered, made) before `cutoff`; returns how many. */
  purgeBefore(cutoff: Date): Promise<number>;
}

/** Confirmed, or a correction sent; a correction only opened does not count (nor an unknown stored value). */
export function isAnswered(answer: Pick<DataCheckAnswer, 'outcome'> | undefined): boolean {
  return answer?.outcome === 'confirmed' || answer?.outcome === 'corrected';
}

export function createDataCheckAnswers(deps: { store: Pick<Store, 'collection' | 'audit' | 'flush'>; clock: Clock }): DataCheckAnswers {
  const docs = deps.store.collection<DataCheckAnswer>(DATA_CHECK_ANSWERS_COLLECTION);
  const idOf = (check: string, accountId: string) => `${check}:${accountId}`;

  async function current(check: string, who: Who): Promise<DataCheckAnswer> {
    return (await docs.get(idOf(check, who.accountId))) ?? {
      id: idOf(check, who.accountId), check, accountId: who.accountId, guardianId: who.guardianId, skips: 0,
      createdAt: deps.clock.now().toISOString(),
    };
  }

  /** Stores the step and its audit record together: an answer counts only once both are on disk. */
  async function record(
    check: string, who: Who, step: string, change: (doc: DataCheckAnswer, at: string) => DataCheckAnswer, detail: Record<string, string> = {},
  ): Promise<DataCheckAnswer> {
    const at = deps.clock.now().toISOString();
    const next = change(await current(check, who), at);
    await docs.put(next);
    await deps.store.audit.append({
      id: randomUUID(), at, actor: who.accountId, actorKind: 'parent', action: `data-check.${step}`,
      section: 'data-check', requestId: who.requestId, detail: { check, ...detail },
    });
    await deps.store.flush();
    return next;
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
    confirm: (check, who) => record(check, who, 'confirmed', (doc, at) => ({ ...doc, outcome: 'confirmed', answeredAt: at })),
    startCorrection: (check, who) => record(check, who, 'correction-started', (doc, at) => ({ ...doc, correctionStartedAt: at })),
    correctionSent: (check, who, reference) => record(check, who, 'corrected', (doc, at) => ({
      ...doc, outcome: 'corrected', answeredAt: at, correction: reference,
    }), { reference }),
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

/**
 * The change requests collection as it is kept: the fields' old and new values, the names, the
 * school's note (and its copy in the history) are sealed with the data key (../data-key/), the
 * rest — ids, reference, status, dates, who decided — stays readable for the purge and the
 * queue's filters. Its outbox copy is sealed with the session secret (change-payload.ts); this
 * one must outlive a rotated session secret, since a payload that no longer opens is rebuilt
 * from it.
 */
import { createSealedCollection, type SealCodec, type SealedCollection } from '../data-key/index.ts';
import { createSeal } from '../outbox/index.ts';
import type { Store } from '../store/types.ts';
import type { ChangeRequest, ChangeStatusEntry } from './types.ts';

export const CHANGE_REQUESTS_COLLECTION = 'changeRequests';

type PlainRequest = Omit<ChangeRequest, 'fields' | 'studentName' | 'guardianName' | 'groupName' | 'schoolNote' | 'history'> & {
  history: Array<Omit<ChangeStatusEntry, 'note'>>;
};
type SecretPart = Pick<ChangeRequest, 'fields' | 'studentName' | 'guardianName' | 'groupName' | 'schoolNote'> & {
  /** Each history entry's note, by position (undefined: none). */
  notes: Array<string | null>;
};

const codec: SealCodec<ChangeRequest, PlainRequest, SecretPart> = {
  split({ fields, studentName, guardianName, groupName, schoolNote, history, ...rest }) {
    return {
      plain: { ...rest, history: history.map(({ note: _note, ...entry }) => entry) },
      secret: { fields, studentName, guardianName, groupName, schoolNote, notes: history.map((h) => h.note ?? null) },
    };
  },
  join(plain, { notes, schoolNote, ...secret }) {
    return {
      ...plain, ...secret, ...(schoolNote !== undefined ? { schoolNote } : {}),
      history: plain.history.map((entry, i) => (notes[i] != null ? { ...entry, note: notes[i] } : entry)),
    };
  },
};

export function changeRequestsCollection(store: Store, dataKey: string): SealedCollection<ChangeRequest> {
  return createSealedCollection(CHANGE_REQUESTS_COLLECTION, store.collection(CHANGE_REQUESTS_COLLECTION), createSeal<SecretPart>(dataKey, 'change-requests-v1'), codec);
}

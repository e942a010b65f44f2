/**
 * The second factor (TOTP plus recovery codes) for any subject: a parent account
 * (`parent:<accountId>`) or a local operator (`operator:<username>`). One record per subject in
 * the store's `secondFactors` collection; the TOTP secret is sealed (AES-GCM, a key derived from
 * the session secret), recovery codes are stored hashed.
 *
 *   beginEnrolment → QR code (SVG) + key in text; the pending secret waits in the record
 *   confirmEnrolment(code) → enrolled, ten recovery codes returned once
 *   verify(code) → a TOTP code (±1 step, each step accepted once: replay refused) or a recovery code
 *   reset → the record is gone (an operator's decision, or the CLI)
 *
 * Every attempt goes through a LoginThrottle keyed by the subject (and client network), so codes
 * are throttled like passwords. Calls for one subject run one at a time, so the same code sent
 * twice at once is still accepted once.
 */
import QRCode from 'qrcode';
import type { Clock } from '../../../adapters/contract/index.ts';
import { createSeal } from '../../outbox/seal.ts';
import type { DocumentRepo } from '../../store/types.ts';
import type { LoginThrottle } from '../throttle.ts';
import { looksLikeRecoveryCode, newRecoveryCodes, spendRecoveryCode } from './recovery-codes.ts';
import { matchTotp, newTotpSecret, totpUri } from './totp.ts';

export const SECOND_FACTORS_COLLECTION = 'secondFactors';

export interface SecondFactorDoc {
  /** The subject, e.g. "parent:<accountId>" or "operator:<username>". */
  id: string;
  secretSealed?: string;
  enrolledAt?: string;
  /** The last TOTP step accepted: it and every earlier step are refused. */
  lastStep?: number;
  recoveryHashes?: string[];
  pending?: { secretSealed: string; at: string };
}

export interface Enrolment {
  /** Base32, shown in text beside the QR code for typing into the app. */
  secret: string;
  uri: string;
  /** The QR code of `uri` as an SVG element (no script, no style). */
  qrSvg: string;
}

export type Throttled = { ok: false; reason: 'throttled'; retryAfterSec: number };
export type ConfirmResult = { ok: true; recoveryCodes: string[] } | { ok: false; reason: 'invalid' | 'no-pending' } | Throttled;
export type VerifyResult =
  | { ok: true; method: 'totp' | 'recovery'; recoveryCodesLeft: number }
  | { ok: false; reason: 'invalid' | 'replayed' | 'not-enrolled' }
  | Throttled;

export interface SecondFactor {
  status(subject: string): Promise<{ enrolled: boolean; recoveryCodesLeft: number }>;
  beginEnrolment(subject: string, label: string): Promise<Enrolment>;
  /** The enrolment begun and not yet confirmed, to show again after a wrong code. */
  pendingEnrolment(subject: string, label: string): Promise<Enrolment | undefined>;
  confirmEnrolment(subject: string, code: string, ip: string | undefined): Promise<ConfirmResult>;
  verify(subject: string, code: string, ip: string | undefined): Promise<VerifyResult>;
  /** Removes the second factor; true when there was one. */
  reset(subject: string): Promise<boolean>;
}

export interface SecondFactorDeps {
  collection: DocumentRepo<SecondFactorDoc>;
  clock: Clock;
  throttle: LoginThrottle;
  /** Seals TOTP secrets at rest; derive it from the session secret. */
  sealSecret: string;
  /** The name the authenticator app shows (the school's name). */
  issuer: string;
}

export function createSecondFactor(deps: SecondFactorDeps): SecondFactor {
  const seal = createSeal<string>(deps.sealSecret, 'second-factor-v1');
  const queues = new Map<string, Promise<unknown>>();
  const serial = <T>(subject: string, work: () => Promise<T>): Promise<T> => {
    const run = (queues.get(subject) ?? Promise.resolve()).then(work, work);
    const tail = run.catch(() => undefined);
    queues.set(subject, tail);
    void tail.then(() => { if (queues.get(subject) === tail) queues.delete(subject); });
    return run;
  };
  const throttleKey = (subject: string, ip: string | undefined) => ({ username: `2fa:${subject}`, ip });

  async function enrolmentOf(secret: string, label: string): Promise<Enrolment> {
    const uri = totpUri(secret, deps.issuer, label);
    const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return { secret, uri, qrSvg: svg.replace(/^<\?xml[^>]*>\s*/, '') };
  }

  /** Runs `attempt` under the throttle: a failure counts, a success clears the pair. */
  async function throttled<T extends { ok: boolean }>(subject: string, ip: string | undefined, attempt: () => Promise<T>): Promise<T | Throttled> {
    const key = throttleKey(subject, ip);
    const decision = await deps.throttle.check(key);
    if (!decision.allowed) return { ok: false, reason: 'throttled', retryAfterSec: decision.retryAfterSec };
    const result = await attempt();
    if (result.ok) await deps.throttle.recordSuccess(key);
    else await deps.throttle.recordFailure(key);
    return result;
  }

  return {
    async status(subject) {
      const doc = await deps.collection.get(subject);
      return { enrolled: Boolean(doc?.enrolledAt), recoveryCodesLeft: doc?.recoveryHashes?.length ?? 0 };
    },

    beginEnrolment: (subject, label) => serial(subject, async () => {
      const doc = (await deps.collection.get(subject)) ?? { id: subject };
      const secret = newTotpSecret();
      await deps.collection.put({ ...doc, pending: { secretSealed: seal.seal(secret, subject), at: deps.clock.now().toISOString() } });
      return enrolmentOf(secret, label);
    }),

    async pendingEnrolment(subject, label) {
      const pending = (await deps.collection.get(subject))?.pending;
      return pending && enrolmentOf(seal.open(pending.secretSealed, subject), label);
    },

    confirmEnrolment: (subject, code, ip) => serial(subject, () => throttled(subject, ip, async (): Promise<ConfirmResult> => {
      const doc = await deps.collection.get(subject);
      if (!doc?.pending) return { ok: false, reason: 'no-pending' };
      const secret = seal.open(doc.pending.secretSealed, subject);
      const now = deps.clock.now();
      const step = matchTotp(secret, code.replace(/\s+/g, ''), now.getTime());
      if (step === undefined) return { ok: false, reason: 'invalid' };
      const { codes, hashes } = newRecoveryCodes();
      await deps.collection.put({
        id: subject, secretSealed: doc.pending.secretSealed, enrolledAt: now.toISOString(), lastStep: step, recoveryHashes: hashes,
      });
      return { ok: true, recoveryCodes: codes };
    })),

    verify: (subject, code, ip) => serial(subject, async (): Promise<VerifyResult> => {
      const doc = await deps.collection.get(subject);
      if (!doc?.enrolledAt || !doc.secretSealed) return { ok: false, reason: 'not-enrolled' };
      return throttled(subject, ip, async (): Promise<VerifyResult> => {
        const typed = code.trim();
        if (looksLikeRecoveryCode(typed)) {
          const left = spendRecoveryCode(doc.recoveryHashes ?? [], typed);
          if (!left) return { ok: false, reason: 'invalid' };
          await deps.collection.put({ ...doc, recoveryHashes: left });
          return { ok: true, method: 'recovery', recoveryCodesLeft: left.length };
        }
        const step = matchTotp(seal.open(doc.secretSealed!, subject), typed.replace(/\s+/g, ''), deps.clock.now().getTime());
        if (step === undefined) return { ok: false, reason: 'invalid' };
        if (doc.lastStep !== undefined && step <= doc.lastStep) return { ok: false, reason: 'replayed' };
        await deps.collection.put({ ...doc, lastStep: step });
        return { ok: true, method: 'totp', recoveryCodesLeft: doc.recoveryHashes?.length ?? 0 };
      });
    }),

    reset: (subject) => serial(subject, async () => {
      const doc = await deps.collection.get(subject);
      if (!doc) return false;
      await deps.collection.delete(subject);
      return Boolean(doc.enrolledAt);
    }),
  };
}

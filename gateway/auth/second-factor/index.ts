/** The second factor for parents and operators; see second-factor.ts. */
export {
  createSecondFactor, SECOND_FACTORS_COLLECTION,
  type ConfirmResult, type Enrolment, type SecondFactor, type SecondFactorDeps, type SecondFactorDoc, type VerifyResult,
} from './second-factor.ts';
export { totpCode, TOTP_PERIOD_SEC } from './totp.ts';
export { RECOVERY_CODE_COUNT } from './recovery-codes.ts';

/** The subject name of a parent account and of a local operator. */
export const parentSubject = (accountId: string) => `parent:${accountId}`;
export const operatorSubject = (username: string) => `operator:${username}`;

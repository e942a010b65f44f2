/**
 * Security events: one structured pino line per event a school's security monitoring wants to see
 * (OWASP ASVS V16). Every line carries `securityEvent` (its type), `at` (UTC), `subject` (an HMAC
 * pseudonym of the account — never a username, address or id a reader could look up elsewhere),
 * `ip`, `method`, `outcome`; never a password, code, token or cookie.
 */

export const SECURITY_EVENT_TYPES = [
  'login', 'logout', 'login.first', 'password.change', 'password.reset.request', 'password.reset.use',
  'address.change', 'secondFactor.enrol', 'secondFactor.use', 'secondFactor.reset', 'sessions.end',
  'change.undo', 'operator.login', 'access.denied',
] as const;
export type SecurityEventType = (typeof SECURITY_EVENT_TYPES)[number];

/** success / failure / throttled for attempts; denied for refused access; requested for mails sent. */
export type SecurityOutcome = 'success' | 'failure' | 'throttled' | 'denied' | 'requested' | 'replayed';

export interface SecurityEvent {
  type: SecurityEventType;
  outcome: SecurityOutcome;
  /** The account (parent account id), operator (`operator:<username>`) or typed username the event is about. */
  subject?: string;
  /** A parent account id, when known: a denial is also written to the audit log under it. */
  accountId?: string;
  /** Short machine words only (e.g. reason: 'child-handle'); never personal data or secrets. */
  detail?: Record<string, string | number | boolean>;
}

/** The request facts an event carries; a command-line tool passes its own. */
export interface EventOrigin {
  ip?: string;
  method?: string;
  path?: string;
  requestId?: string;
}

// What the gateway keeps in a server-side session (express-session's SessionData).
import 'express-session';

declare module 'express-session' {
  interface SessionData {
    /** Synchronizer CSRF token for this session. */
    csrf?: string;
    /** ISO instant of login; the absolute lifetime counts from here. */
    createdAt?: string;
    /** ISO instant of the last request; the idle timeout counts from here. */
    lastSeenAt?: string;
    /** Logged in with the initial secret: every page leads to the first-login form. */
    firstLogin?: boolean;
    /** Password accepted, second factor still to come (gateway/routes/auth/second-factor-login.ts). */
    pendingLogin?: { accountId: string; at: string; firstLogin: boolean };
    /** Second factor required by the school and not yet set up: every page leads to the enrolment. */
    mustEnrol?: boolean;
    /** Coarse description of the browser at login ("Firefox, Windows"), for the account page's session list. */
    device?: string;
    /** The data check (gateway/data-check/) this session has been asked about once already. */
    dataCheckAsked?: string;
    /** Set by passport. */
    passport?: { user?: string };
  }
}

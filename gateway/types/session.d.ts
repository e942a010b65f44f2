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
    /** Set by passport. */
    passport?: { user?: string };
  }
}

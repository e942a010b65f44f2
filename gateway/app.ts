/**
 * createApp(services): the Express app as a list of set-up steps, ending in a 404 and an error page.
 * Order matters: request id → logging → security headers → static → body → sessions → CSRF →
 * locale → passport → public routes → auth guard → parent pages.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { csrfProtection } from './http/csrf.ts';
import { requireSecureTransport } from './http/secure-transport.ts';
import { createUndoChangeRouter } from './routes/auth/undo-change.ts';
import { installSecurityEvents } from './security-events/index.ts';
import { errorHandler, notFound } from './http/error-pages.ts';
import { requestId } from './http/request-id.ts';
import { requestLog } from './http/request-log.ts';
import { createHealthRouter } from './health/index.ts';
import { httpMetrics } from './metrics/index.ts';
import { noStore, securityHeaders } from './http/security-headers.ts';
import { sessionCookieName, setUpSessions } from './http/session.ts';
import { createI18nMiddleware } from './i18n/middleware.ts';
import { createAccountRouter } from './routes/auth/account.ts';
import { createAccountSecurityRouter } from './routes/auth/account-security.ts';
import { createFirstLoginRouter } from './routes/auth/first-login.ts';
import { requireParent } from './routes/auth/guard.ts';
import { createLoginRouter } from './routes/auth/login.ts';
import { createEmailConfirmRouter, createNotificationSettingsRouter } from './routes/auth/notifications.ts';
import { createPasswordResetRouter } from './routes/auth/password-reset.ts';
import { createPassport } from './routes/auth/passport-setup.ts';
import { genericPortalText } from './routes/parent/generic-portal-text.ts';
import { parentActions } from './routes/parent/parent-actions.ts';
import { loadResultsStory } from './results/story.ts';
import { createOperatorRouter } from './routes/operator/index.ts';
import { createParentRouter, type PortalText } from './routes/parent/index.ts';
import { createPrivacyRouter } from './routes/public/privacy-page.ts';
import { createSchoolYearFeedRouter, createSchoolYearRouter } from './school-year/pages.ts';
import type { Services } from './services.ts';
import { createViewEngine } from './views/engine.ts';
import { schoolContactView } from './school/contact-view.ts';
import { loadSisLabels } from './school/sis-labels.ts';
import { createSchoolLookRouter, schoolLook } from './school/look.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VIEWS_DIR = path.join(ROOT, 'views');

export function createApp(services: Services): express.Express {
  const { config, logger, clock, store } = services;
  const secure = config.server.secureCookies;
  const app = express();

  app.set('trust proxy', config.server.trustProxy);
  app.set('x-powered-by', false);
  // No hash of every body: personal pages are no-store; the few cacheable answers set their own (http/etag.ts).
  app.set('etag', false);
  app.engine('hbs', createViewEngine({ viewsDir: VIEWS_DIR, cache: process.env.NODE_ENV === 'production' }));
  app.set('view engine', 'hbs');
  app.set('views', VIEWS_DIR);
  app.locals.schoolName = config.school.name;
  app.locals.schoolContact = schoolContactView(config.school);
  app.locals.sisLabels = loadSisLabels(config.school.sisLabels);
  const look = schoolLook(config.school);
  app.locals.schoolLook = { stylesheet: look.css !== undefined, logo: look.logo !== undefined };
  app.locals.reauthMinutes = Math.round(config.auth.reauthWindow / 60_000);

  // Load-balancer probes: before logging and sessions, so a probe every few seconds leaves no trace.
  app.use(createHealthRouter({
    probeStore: () => store.accounts.get('readyz-probe'), calendarStatus: () => services.calendar.status(), platform: services.health, logger,
  }, services.readiness));
  // Every request after the probes, by route pattern and status (a no-op unless metrics.enabled).
  app.use(httpMetrics(services.metrics));
  app.use(requestId());
  app.use(installSecurityEvents(services.securityEvents));
  // Only id, method, path without query, status, time: no personal data reaches the logs.
  app.use(requestLog(logger));
  app.use(securityHeaders({ secure }));
  app.use('/static', express.static(path.join(VIEWS_DIR, 'static'), { index: false, maxAge: '1h' }));
  app.use(createSchoolLookRouter(look));
  // The public school-year feed: no personal data, so before sessions (no cookie) and cacheable.
  app.use(createSchoolYearFeedRouter({ config, calendar: services.calendar, clock }));
  app.use(noStore());
  app.use(express.urlencoded({ extended: false, limit: '32kb' }));
  app.use(setUpSessions(store.sessions, clock, {
    secret: services.sessionSecret,
    secureCookies: secure,
    idleMs: config.auth.sessionIdle,
    absoluteMs: config.auth.sessionAbsolute,
  }));
  app.use(requireSecureTransport({ secure }));
  app.use(csrfProtection({ secret: services.sessionSecret, secure }));
  app.use(createI18nMiddleware({ defaultLocale: config.school.locale }));

  const passport = createPassport({ accounts: store.accounts, throttle: services.throttle, clock, hasher: services.hasher });
  // compat: false — no req._passport for passport 0.4-era strategies; ours read none, and it is two properties fewer on every request.
  app.use(passport.initialize({ compat: false }));
  app.use(passport.session());

  app.use(createLoginRouter({
    clock, cookieName: sessionCookieName(secure), passport, accounts: store.accounts, audit: store.audit,
    secondFactor: services.secondFactor, secondFactorMode: config.auth.secondFactor,
  }));
  app.use(createPasswordResetRouter(services));
  app.use(createEmailConfirmRouter(services));
  app.use(createUndoChangeRouter(services));
  app.use(createPrivacyRouter(config));
  // Operators have their own login and guard; mounted before the parents' guard.
  app.use(createOperatorRouter({
    operators: services.operators, changes: services.changes, outbox: services.outbox, store, sis: services.sis, clock, logger,
    secondFactor: services.secondFactor, securityEvents: services.securityEvents, mailTransport: config.mail.transport,
    limits: { idleMs: config.operators.sessionIdle, absoluteMs: config.operators.sessionAbsolute },
    localLogin: config.operators.localLogin, ...(services.staffOidc ? { oidc: services.staffOidc } : {}),
    calendar: services.calendar, calendarEditor: services.calendarEditor, kick: () => services.delivery.kick(), invitations: services, health: services.health,
    absenceReports: services.absenceReports.reports, leave: services.leave,
    staffPages: [services.conversations.staffRouter, services.dataCheck.staffRouter],
  }));
  app.use(requireParent());
  app.use(createFirstLoginRouter(services));
  app.use(createAccountRouter(services));
  app.use(createAccountSecurityRouter(services));
  app.use(createNotificationSettingsRouter(services));
  app.use(services.dataCheck.prompt);
  app.use(services.dataCheck.parentRouter);
  app.use(services.conversations.parentRouter({ ...services, policy: services.policy }));
  app.use(createSchoolYearRouter(services));
  app.use(createParentRouter({
    sis: services.sis,
    store,
    clock,
    logger,
    // The frozen config is read-only; the router only reads it.
    portal: (config.portal as PortalText | undefined) ?? genericPortalText(),
    handles: services.handles,
    results: loadResultsStory(config.results),
    policy: services.policy,
    changes: { requests: services.changes, fields: config.changes.fields },
    ...parentActions(services),
    // A report document can be no larger than what the SIS client accepts.
    documentMaxBytes: config.sis.http.maxBytes,
    ...(config.school.supportEmail ? { schoolEmail: config.school.supportEmail } : {}),
  }));

  app.use(notFound());
  app.use(errorHandler(logger));
  return app;
}

/**
 * The service graph, built once per app (no singletons): tests build as many as they like,
 * each with its own clock, store and SIS stack.
 */
import { createCalendarEditor, type CalendarEditor } from './calendar-editor/editor.ts';
import type { Logger } from 'pino';
import type { Clock } from '../adapters/contract/index.ts';
import { createSisStackFromConfig, type GuardedStack } from './adapters/index.ts';
import type { ImportModule } from './adapters/index.ts';
import { defaultHasher, type PasswordHasher } from './auth/password-hash.ts';
import { createAccountMailLimit, type AccountMailLimit } from './auth/account-mail-limit.ts';
import { createSecondFactor, SECOND_FACTORS_COLLECTION, type SecondFactor, type SecondFactorDoc } from './auth/second-factor/index.ts';
import { createLoginThrottle, type LoginThrottle } from './auth/throttle.ts';
import { createSecurityEventRecorder, type SecurityEventRecorder } from './security-events/index.ts';
import type { ChangeRequests } from './changes/change-requests.ts';
import { checkDataKey } from './data-key/index.ts';
import { createChangeFeature } from './changes/wire.ts';
import { createConversationFeature, type ConversationFeature } from './conversations/index.ts';
import { createDataCheckFeature, type DataCheckFeature } from './data-check/index.ts';
import { subscribeCorrectionNotices } from './notifications/correction-notices.ts';
import { createAbsenceReportFeature, type AbsenceReportFeature } from './absence-report/wire.ts';
import { createLeaveFeature } from './leave/wire.ts';
import type { LeaveRequests } from './leave/requests.ts';
import type { Config } from './config/index.ts';
import {
  createMailer, createMailHandler, createMailQueue, createMailRenderer, createMailSeal, mailDomain,
  type MailQueue, type MailRenderer, type MailSender,
} from './mail/index.ts';
import { platformHealth, type PlatformHealth } from './health/platform-health.ts';
import { createMetrics, outboxCounts, type Metrics } from './metrics/index.ts';
import { createOperatorDirectory, type OperatorDirectory } from './operators/index.ts';
import { createStaffOidcFromConfig, type StaffOidc, type StaffOidcOverrides } from './operators/oidc/from-config.ts';
import { createDeliveryWorker, createOutbox, type DeliveryHandler, type DeliveryWorker, type Outbox } from './outbox/index.ts';
import { createChildHandles, type ChildHandles } from './privacy/child-handles.ts';
import { createCalendarSource, createSectionPolicy, type CalendarSource } from './policy/index.ts';
import type { SectionPolicy } from './routes/parent/index.ts';
import { createSisService } from './sis/index.ts';
import type { SisService } from './sis/types.ts';
import { createStoreFromConfig, sharedCountersOf } from './store/from-config.ts';
import type { ThrottleState } from './auth/throttle-state.ts';
import { createReadiness, type Readiness } from './health/index.ts';
import type { Store } from './store/types.ts';
import { instanceId as newInstanceId } from './store/instance-id.ts';
import { createSlotClaims, type SlotClaims } from './jobs/slot-claims.ts';

export interface Services {
  config: Config;
  logger: Logger;
  clock: Clock;
  store: Store;
  /** This process's name in claims (outbox leases, job runs and slots), unique across instances. */
  instanceId: string;
  /** True when this process alone uses the store (lowdb, memory); false on PostgreSQL, shared by instances. */
  storeExclusive: boolean;
  /** Each cron routine's firing claimed once across instances (gateway/jobs/slot-claims.ts). */
  jobSlots: SlotClaims;
  /** The adapter stack behind its circuit breaker, each adapter with its whole-call deadline. */
  stack: GuardedStack;
  sis: SisService;
  throttle: LoginThrottle;
  hasher: PasswordHasher;
  handles: ChildHandles;
  sessionSecret: string;
  calendar: CalendarSource;
  /** The operator pages' writes to the calendar file, with its versions. */
  calendarEditor: CalendarEditor;
  policy: SectionPolicy;
  outbox: Outbox;
  /** Handlers by outbox item kind ("mail", "change"); features add theirs while the services are built. */
  deliveryHandlers: Record<string, DeliveryHandler<never>>;
  /** Started by boot; tests call runOnce() with their own clock. */
  delivery: DeliveryWorker;
  /** Parents' corrections; onStatusChange is the hook for notifications. */
  changes: ChangeRequests;
  /** Parents' absence reports (ziekmelding): the store, its school days; delivery is the "absence-report" handler. */
  absenceReports: AbsenceReportFeature;
  /** Parents' leave requests (verlof), decided by staff. */
  leave: LeaveRequests;
  /** Operator accounts (config, break-glass) for the /beheer pages. */
  operators: OperatorDirectory;
  /** The staff login through the school's identity provider (operators.oidc), when enabled. */
  staffOidc?: StaffOidc;
  /** Sends one message now (SMTP, or files in the demo); the "mail" outbox handler uses it. */
  mailer: MailSender;
  /** Queues mail in the outbox (kind "mail"), sealed when it carries a secret. */
  mail: MailQueue;
  /** Mail templates (views/mail) in nl and en. */
  mailRenderer: MailRenderer;
  /** Security events (pino lines, denials also audited); in routes call securityEvent(req, …). */
  securityEvents: SecurityEventRecorder;
  /** Limit counters shared by every instance (PostgreSQL store); undefined: each limit keeps its own in process. */
  sharedCounters?: ThrottleState;
  /** /readyz answers 503 once boot's stop() has marked it (gateway/health/). */
  readiness: Readiness;
  /** TOTP + recovery codes for parents (`parent:<id>`) and local operators (`operator:<username>`). */
  secondFactor: SecondFactor;
  /** Mails a session can cause, per account per day (mail.accountMailsPerDay). */
  accountMail: AccountMailLimit;
  /** The store's writes and the SIS circuit, for /readyz and /beheer/status. */
  health: () => PlatformHealth;
  /** Prometheus metrics when metrics.enabled (boot serves them on metrics.port); undefined: nothing is measured. */
  metrics?: Metrics;
  /** Conversation requests to the teacher (issue 20 item 3). */
  conversations: ConversationFeature;
  /** The data check the calendar's `data-check` event starts (issue 20 item 4). */
  dataCheck: DataCheckFeature;
}

export interface ServiceOverrides {
  store?: Store;
  hasher?: PasswordHasher;
  importModule?: ImportModule;
  policy?: SectionPolicy;
  /** Watch the calendar file for changes (default true; tests switch it off). */
  watchCalendar?: boolean;
  /** The outbox's retry jitter, [0, 1) (tests pin it). */
  random?: () => number;
  /** Instead of the sender config.mail names. */
  mailer?: MailSender;
  /** The OIDC client secret when it does not come from config (demo mode), and a test's fetch. */
  staffOidc?: StaffOidcOverrides;
}

/** Builds every service. The store is opened here; the caller closes it (see main.ts). */
export async function createServices(
  config: Config, base: { logger: Logger; clock: Clock; sessionSecret: string; dataKey: string }, overrides: ServiceOverrides = {},
): Promise<Services> {
  const { logger, clock, sessionSecret, dataKey } = base;
  const metrics = config.metrics.enabled ? createMetrics() : undefined;
  const stack = await createSisStackFromConfig(config, {
    logger, clock, ...(overrides.importModule && { importModule: overrides.importModule }), ...(metrics && { metrics }),
  });
  const store = overrides.store ?? createStoreFromConfig(config, { clock, logger });
  // An invalid calendar stops the boot here (there is no last good one yet).
  const calendar = createCalendarSource({ file: config.calendar.file, logger, clock, watch: overrides.watchCalendar ?? true });
  await store.open();
  // A wrong data key stops the boot here, naming OUDERPOORT_DATA_KEY.
  await checkDataKey(store, dataKey);
  const sis = createSisService({
    adapter: stack, cache: store.cache, clock, logger, ttl: { ...config.cache.ttl }, staleMaxAgeMs: config.cache.staleMaxAge,
    ...(metrics && { onRead: (kind: string, outcome: string) => metrics.cacheRead(kind, outcome) }),
  });
  // PostgreSQL is shared by every instance; lowdb and memory belong to this process alone.
  const storeExclusive = store.kind !== 'postgres';
  const instanceId = newInstanceId();
  const jobSlots = createSlotClaims({ store, clock, owner: instanceId, exclusive: storeExclusive });
  const outbox = createOutbox(store, clock);
  const deliveryHandlers: Record<string, DeliveryHandler<never>> = {};
  const mailer = overrides.mailer ?? createMailer(config, clock);
  const seal = createMailSeal(`mail-seal:${sessionSecret}`);
  deliveryHandlers.mail = createMailHandler({ sender: mailer, seal, messageIdDomain: mailDomain(config) });
  const changes = createChangeFeature({
    config, store, outbox, clock, logger, sis: stack, mailer: () => mailer, kick: () => delivery.kick(),
    sealSecret: `change-seal:${sessionSecret}`, dataKey,
  });
  deliveryHandlers.change = changes.handler;
  subscribeCorrectionNotices(changes.requests, { store, clock });
  const absenceReports = createAbsenceReportFeature({
    config, store, outbox, clock, logger, sis: stack, mailer: () => mailer, kick: () => delivery.kick(),
    forgetAbsences: (studentId) => sis.forget(studentId), sealSecret: `absence-seal:${sessionSecret}`,
  });
  deliveryHandlers['absence-report'] = absenceReports.handler;
  const mail = createMailQueue({ outbox, seal });
  const leave = createLeaveFeature({ config, store, clock, mail, logger });
  const delivery = createDeliveryWorker({
    outbox, clock, logger, handlers: deliveryHandlers,
    backoff: { baseMs: config.outbox.retry.base, maxMs: config.outbox.retry.max, maxAttempts: config.outbox.retry.maxAttempts },
    owner: instanceId, leaseMs: config.outbox.lease, exclusive: storeExclusive,
    ...(overrides.random && { random: overrides.random }),
  });
  metrics?.observeOutbox(outboxCounts(outbox, () => Object.keys(deliveryHandlers)), (err) => logger.warn({ err }, 'metrics: the outbox could not be counted'));
  const sharedCounters = sharedCountersOf(store);
  const handles = createChildHandles(`child-handles:${sessionSecret}`);
  const mailRenderer = createMailRenderer();
  const throttle = createLoginThrottle({ clock, ...(sharedCounters && { store: sharedCounters }) });
  return {
    config,
    logger,
    clock,
    store,
    instanceId,
    storeExclusive,
    jobSlots,
    stack,
    sis,
    throttle,
    hasher: overrides.hasher ?? defaultHasher,
    // Handles derive from the session secret, so rotating it also rotates every child URL.
    handles,
    sessionSecret,
    calendar,
    calendarEditor: createCalendarEditor({ source: calendar, store, clock }),
    policy: overrides.policy ?? createSectionPolicy(() => calendar.current(), clock),
    outbox,
    deliveryHandlers,
    delivery,
    changes: changes.requests,
    absenceReports,
    leave,
    operators: createOperatorDirectory(config.operators, { hasher: overrides.hasher ?? defaultHasher, demoEnabled: config.demo.enabled }),
    ...(config.operators.oidc.enabled ? { staffOidc: createStaffOidcFromConfig(config.operators.oidc, logger, {
      demoEnabled: config.demo.enabled, ...(overrides.staffOidc && { overrides: overrides.staffOidc }),
    }) } : {}),
    mailer,
    mail,
    mailRenderer,
    ...(sharedCounters && { sharedCounters }),
    readiness: createReadiness(),
    securityEvents: createSecurityEventRecorder({ logger, clock, store, secret: sessionSecret }),
    secondFactor: createSecondFactor({
      collection: store.collection<SecondFactorDoc>(SECOND_FACTORS_COLLECTION), clock, throttle,
      sealSecret: `second-factor:${sessionSecret}`, issuer: config.school.name,
    }),
    accountMail: createAccountMailLimit({ clock, perDay: config.mail.accountMailsPerDay, ...(sharedCounters && { state: sharedCounters }) }),
    health: platformHealth({ store, circuit: () => stack.circuit() }),
    ...(metrics && { metrics }),
    conversations: createConversationFeature({ store, sis, clock }),
    dataCheck: createDataCheckFeature({ config, clock, store, sis, logger, handles, calendar, mail, mailRenderer, jobSlots, instanceId, changes: changes.requests }),
  };
}

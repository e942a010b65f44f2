/**
 * Boot: config → services → provisioning → demo credentials → listening server.
 * Split from main.ts so an integration test can boot exactly what `npm start` boots.
 */
import { proxyWarning } from './http/secure-transport.ts';
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { Clock } from '../adapters/contract/index.ts';
import { applyDemoAccounts, type DemoLogin } from './accounts/demo-accounts.ts';
import { registerMailJobs } from './accounts/mail-jobs.ts';
import { provisionAccounts } from './accounts/provision.ts';
import { provisionAtBoot, type ProvisioningAtBoot, type ProvisionRetry } from './accounts/provision-at-boot.ts';
import { createApp } from './app.ts';
import { dataKeyFor } from './data-key/index.ts';
import type { Config } from './config/index.ts';
import { createScheduler, type Scheduler } from './jobs/index.ts';
import { startDemoStaffIdp, type DemoStaffLogin } from './operators/oidc/demo-boot.ts';
import { createWarmCacheJob } from './jobs/warm-cache.ts';
import { startMetricsServer, withJobMetrics, type MetricsServer } from './metrics/index.ts';
import { createServices, type ServiceOverrides, type Services } from './services.ts';

export interface Booted {
  services: Services;
  server: Server;
  url: string;
  demoLogins: DemoLogin[];
  /** Demo mode: the staff users of the demo IdP (demo.idp), and where it runs. */
  demoStaff?: { issuer: string; logins: DemoStaffLogin[] };
  scheduler: Scheduler;
  /** Account provisioning, retried with backoff while the SIS is down at boot. */
  provisioning: ProvisioningAtBoot;
  /** GET /metrics on metrics.host:metrics.port, when metrics.enabled. */
  metrics?: MetricsServer;
  /** Graceful stop: no new connections, running requests finish, the store is flushed and closed. */
  stop(): Promise<void>;
}

function sessionSecretFor(config: Config, logger: Logger): string {
  if (config.server.sessionSecret) return config.server.sessionSecret;
  if (!config.demo.enabled) {
    throw new Error('server.sessionSecret is not set: set OUDERPOORT_SESSION_SECRET (at least 32 characters)');
  }
  logger.warn('demo mode: no OUDERPOORT_SESSION_SECRET, using a random one (sessions end at restart)');
  return randomBytes(32).toString('base64url');
}

export async function boot(
  config: Config, base: { logger: Logger; clock: Clock }, overrides: ServiceOverrides = {},
  options: { provisionRetry?: ProvisionRetry } = {},
): Promise<Booted> {
  const { logger, clock } = base;
  const sessionSecret = sessionSecretFor(config, logger);
  const dataKey = dataKeyFor(config, logger);
  // Demo mode: the demo IdP and the portal share a client secret made up for this run.
  const demoIdp = config.demo.enabled && config.demo.idp.enabled && config.operators.oidc.enabled;
  const oidcSecret = demoIdp && !config.operators.oidc.clientSecret ? randomBytes(24).toString('base64url') : undefined;
  const services = await createServices(config, { logger, clock, sessionSecret, dataKey }, {
    ...overrides, ...(oidcSecret ? { staffOidc: { clientSecret: oidcSecret, ...overrides.staffOidc } } : {}),
  });
  logger.info({ stack: services.stack.describeStack() }, `SIS stack: ${services.stack.describeStackText()}`);

  const demoLogins: DemoLogin[] = [];
  // An SIS that is down does not stop the boot: provisioning is retried with backoff.
  const provisioning = await provisionAtBoot(async () => {
    const report = await provisionAccounts(
      { sis: services.sis, accounts: services.store.accounts, clock },
      { invitationValidityMs: config.auth.invitationValidity },
    );
    logger.info({ created: report.created.length, updated: report.updated, skipped: report.skipped }, 'accounts provisioned');
    if (config.demo.enabled) {
      demoLogins.push(...await applyDemoAccounts(
        { accounts: services.store.accounts, hasher: services.hasher, clock },
        config.demo.accounts, config.auth.invitationValidity,
      ));
    }
  }, logger, options.provisionRetry);

  // Jobs (invitations, notifications) subscribe here; transitions missed while down are caught up.
  const scheduler = withJobMetrics(
    createScheduler({
      store: services.store, clock, getCalendar: () => services.calendar.current(), logger,
      owner: services.instanceId, exclusive: services.storeExclusive,
    }),
    services.metrics,
  );
  scheduler.register(createWarmCacheJob({ sis: services.sis, accounts: services.store.accounts }));
  const mailJobs = registerMailJobs(services, scheduler);
  await scheduler.start();
  mailJobs.start();
  // A correction stored without its delivery (a crash between the two writes) is queued again first.
  await services.changes.recover();
  await services.delivery.start(config.outbox.pollInterval);

  const app = createApp(services);
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.server.port, config.server.host, () => resolve(s));
    s.once('error', reject);
  });
  const metrics = services.metrics ? await startMetricsServer(services.metrics, config.metrics, logger) : undefined;
  const { port } = server.address() as AddressInfo;
  const proxy = proxyWarning(config.server);
  if (proxy) logger.warn({ secureCookies: true, trustProxy: 0 }, proxy);
  const url = config.server.publicUrl ?? `http://${config.server.host === '0.0.0.0' ? '127.0.0.1' : config.server.host}:${port}`;
  // A demo IdP that cannot start (its port taken by a second demo gateway) costs only the staff
  // login through it: logged naming demo.idp.port, the rest runs on (break-glass included).
  const demoStaff = demoIdp && services.staffOidc
    ? await startDemoStaffIdp(config, services.staffOidc, url, config.operators.oidc.clientSecret ?? oidcSecret!).catch((err: unknown) => {
      logger.error({ err }, `demo.idp.port: the demo identity provider could not start on port ${config.demo.idp.port}`);
      return undefined;
    })
    : undefined;
  // A wrong issuer or an IdP that is down is logged naming the key; the parents' side runs on.
  await services.staffOidc?.init();

  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= (async () => {
    services.readiness.markShuttingDown();
    provisioning.stop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await metrics?.close();
    await demoStaff?.idp.close();
    await scheduler.stop();
    await mailJobs.stop();
    await services.delivery.stop();
    services.calendar.close();
    await services.stack.close?.();
    await services.store.close();
  })());
  return {
    services, server, url, demoLogins, scheduler, provisioning, stop, ...(metrics && { metrics }),
    ...(demoStaff ? { demoStaff: { issuer: demoStaff.idp.issuer, logins: demoStaff.logins } } : {}),
  };
}

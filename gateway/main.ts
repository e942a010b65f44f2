/**
 * `npm start` (the demo) and `npm run serve` (a school's own config in OUDERPOORT_CONFIG).
 * Usage: node --import tsx gateway/main.ts [--config <file>] [--date <YYYY-MM-DD>] [--sis-down]
 * (the demo's date and a SIS that goes down: gateway/demo/start-options.ts).
 */
import { parseArgs } from 'node:util';
import { boot } from './boot.ts';
import { shiftedClock, systemClock } from './clock.ts';
import { loadConfigOrExit } from './config/load-config-or-exit.ts';
import { demoStartOptions, demoStartValues, SIS_DOWN_AFTER_MS } from './demo/start-options.ts';
import { createLogger } from './logger.ts';

const { values } = parseArgs({ options: { config: { type: 'string' }, date: { type: 'string' }, 'sis-down': { type: 'boolean' } } });
const demoOptions = demoStartOptions(values, process.env);

const config = loadConfigOrExit(values.config, '', (loaded) => demoStartValues(loaded, demoOptions, new Date()));

const logger = createLogger(config);
const clock = config.demo.enabled && config.demo.startAt ? shiftedClock(new Date(config.demo.startAt)) : systemClock;
const booted = await boot(config, { logger, clock });

const lines = [`\nOuderpoort (${config.school.name}) draait op ${booted.url}/inloggen`];
if (booted.metrics) lines.push(`Prometheus-metrics op ${booted.metrics.url} (metrics.enabled)`);
if (clock !== systemClock) lines.push(`Demo-datum: ${clock.now().toISOString()} (demo.startAt; de klok loopt vanaf daar door)`);
if (demoOptions.sisDown) lines.push(`De SIS is onbereikbaar vanaf ${SIS_DOWN_AFTER_MS / 1000} seconden na de start (--sis-down).`);
if (booted.demoLogins.length > 0) {
  lines.push('', 'Demo-logins (demo mode; reset at every start):');
  for (const login of booted.demoLogins) {
    lines.push(`  - ${login.description}`);
    lines.push(`      gebruikersnaam: ${login.username}`);
    lines.push(`      ${login.firstLogin ? 'inlogcode (eerste keer)' : 'wachtwoord'}: ${login.secret}`);
  }
}
const operatorLogins = booted.services.operators.demoLogins;
if (operatorLogins.length > 0) {
  lines.push('', `Demo-beheer, noodtoegang (lokaal account) op ${booted.url}/beheer/inloggen:`);
  for (const login of operatorLogins) {
    lines.push(`  - ${login.name}`, `      gebruikersnaam: ${login.username}`, `      wachtwoord: ${login.password}`);
  }
}
if (booted.demoStaff) {
  lines.push('', `Demo-medewerkers: "Inloggen met uw schoolaccount" op ${booted.url}/beheer/inloggen (demo-IdP op ${booted.demoStaff.issuer}):`);
  for (const login of booted.demoStaff.logins) {
    lines.push(`  - ${login.name}, rol ${login.roles}`, `      gebruikersnaam: ${login.username}`, `      wachtwoord: ${login.password}`);
  }
}
process.stdout.write(`${lines.join('\n')}\n\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'shutting down');
    booted.stop().then(() => process.exit(0), (err: unknown) => {
      logger.error({ err }, 'shutdown failed');
      process.exit(1);
    });
  });
}

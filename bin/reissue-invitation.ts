/**
 * Re-issue an invitation (lost mail, expired login code): a new code by mail; the old one stops
 * working. The lowdb store serves one process, so run this while the gateway is stopped; while
 * it runs, the operator page /beheer/uitnodigingen does the same.
 *
 *   node --import tsx bin/reissue-invitation.ts [--config school.yaml] <username | guardian id | account id>
 *
 * The mail is queued in the outbox and one delivery pass sends it at once; if the mail server is
 * down it stays queued and the gateway sends it after its next start.
 */
import { parseArgs } from 'node:util';
import pino from 'pino';
import { reissueInvitation } from '../gateway/accounts/reissue.ts';
import { shiftedClock, systemClock } from '../gateway/clock.ts';
import { dataKeyOrExit, loadConfigOrExit } from '../gateway/config/load-config-or-exit.ts';
import { createServices } from '../gateway/services.ts';

const { values, positionals } = parseArgs({ options: { config: { type: 'string' } }, allowPositionals: true });
const who = positionals[0];
if (!who) {
  process.stderr.write('usage: reissue-invitation [--config file] <username | guardian id | account id>\n');
  process.exit(2);
}

const config = loadConfigOrExit(values.config);
const logger = pino({ level: 'warn' });
const clock = config.demo.enabled && config.demo.startAt ? shiftedClock(new Date(config.demo.startAt)) : systemClock;
const sessionSecret = config.server.sessionSecret ?? (config.demo.enabled ? undefined : '');
if (sessionSecret === '') {
  process.stderr.write('OUDERPOORT_SESSION_SECRET is not set: the gateway could not open the sealed mail\n');
  process.exit(2);
}
if (sessionSecret === undefined) {
  process.stderr.write('demo mode without OUDERPOORT_SESSION_SECRET: the mail is sent now, or never (the next start uses another secret)\n');
}

const services = await createServices(config, { logger, clock, dataKey: dataKeyOrExit(config), sessionSecret: sessionSecret ?? `demo-${process.pid}-${Date.now()}` }, { watchCalendar: false });
let code = 0;
try {
  const result = await reissueInvitation(services, who);
  if (result.outcome === 'invited') {
    const pass = await services.delivery.runOnce();
    const sent = pass.delivered.length > 0;
    process.stdout.write(`invitation ${result.issue} for ${who}: ${sent ? 'sent' : 'queued (the mail server did not take it yet)'}\n`);
  } else {
    process.stdout.write(`not re-issued: ${result.outcome === 'not-found' ? 'no such account' : result.reason}\n`);
    code = 1;
  }
} finally {
  await services.mailer.close?.();
  services.calendar.close();
  await services.store.close();
}
process.exit(code);

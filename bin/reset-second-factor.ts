/**
 * Reset a second factor (a parent lost their phone and their recovery codes; a local operator
 * the same): the parent sets up a new one at their next login where the school requires it, or
 * may on the account page. Every session of the account ends; the reset is audited.
 * The lowdb store serves one process: run this while the gateway is stopped.
 *
 *   node --import tsx bin/reset-second-factor.ts [--config school.yaml] [--by <your name>] <parent username | account id>
 *   node --import tsx bin/reset-second-factor.ts [--config school.yaml] [--by <your name>] --operator <operator username>
 */
import { parseArgs } from 'node:util';
import os from 'node:os';
import pino from 'pino';
import { resetSecondFactor } from '../gateway/account-safety/reset-second-factor.ts';
import { shiftedClock, systemClock } from '../gateway/clock.ts';
import { dataKeyOrExit, loadConfigOrExit } from '../gateway/config/load-config-or-exit.ts';
import { createServices } from '../gateway/services.ts';

const { values, positionals } = parseArgs({
  options: { config: { type: 'string' }, operator: { type: 'string' }, by: { type: 'string' } },
  allowPositionals: true,
});
const parent = positionals[0];
if (!parent === !values.operator) {
  process.stderr.write('usage: reset-second-factor [--config file] [--by name] <parent username> | --operator <username>\n');
  process.exit(2);
}

const config = loadConfigOrExit(values.config);
const sessionSecret = config.server.sessionSecret;
if (!sessionSecret) {
  // The pseudonyms in the audit and security log are keyed by it: without it they would not match the gateway's.
  process.stderr.write('OUDERPOORT_SESSION_SECRET is not set (the same secret as the gateway)\n');
  process.exit(2);
}
// Security events go to stdout as JSON lines, like the gateway's.
const logger = pino({ level: 'info' });
const clock = config.demo.enabled && config.demo.startAt ? shiftedClock(new Date(config.demo.startAt)) : systemClock;
const services = await createServices(config, { logger, clock, dataKey: dataKeyOrExit(config), sessionSecret }, { watchCalendar: false });
let code = 0;
try {
  const actor = `cli:${values.by ?? os.userInfo().username}`;
  const outcome = await resetSecondFactor(services, values.operator ? { operator: values.operator } : { parent: parent! }, {
    actor, origin: { ip: 'local', method: 'CLI' },
  });
  process.stderr.write(`${outcome === 'reset' ? 'second factor reset; every session of the account ended' : outcome === 'not-found' ? 'no such account' : 'no second factor to reset'}\n`);
  if (outcome !== 'reset') code = 1;
} finally {
  services.calendar.close();
  await services.stack.close?.();
  await services.store.close();
}
process.exit(code);

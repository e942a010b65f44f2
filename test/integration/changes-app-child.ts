/**
 * The real app on a real lowdb store in a process of its own, for the "killed right after the
 * acknowledgement" test: node --import tsx changes-app-child.ts <storeDir> <startIso> <outageFrom> <outageTo>
 * Prints "listening <port>"; a line "clock <iso>" on stdin moves its clock and is echoed back.
 * No delivery worker is started (a submit still kicks one pass, which meets the SIS outage).
 */
import { createInterface } from 'node:readline';
import type { AddressInfo } from 'node:net';
import { applyDemoAccounts } from '../../gateway/accounts/demo-accounts.ts';
import { provisionAccounts } from '../../gateway/accounts/provision.ts';
import { createApp } from '../../gateway/app.ts';
import { loadConfig } from '../../gateway/config/index.ts';
import { createLogger } from '../../gateway/logger.ts';
import { createServices } from '../../gateway/services.ts';
import { CHEAP_HASHER, TEST_DATA_KEY } from '../support/app.ts';
import { manualClock } from '../support/clock.ts';

const [dir, start, from, to] = process.argv.slice(2);
if (!dir || !start || !from || !to) throw new Error('usage: changes-app-child.ts <storeDir> <startIso> <outageFrom> <outageTo>');

const clock = manualClock(start);
const config = loadConfig({
  file: 'config/demo.yaml',
  env: {},
  values: {
    log: { level: 'silent' },
    store: { lowdb: { dir } },
    sis: { stack: [{ adapter: 'mock', config: { hideFuture: true, outage: { from, to } } }] },
  },
});
const services = await createServices(config, { logger: createLogger(config), clock, sessionSecret: 'c'.repeat(40), dataKey: TEST_DATA_KEY }, {
  hasher: CHEAP_HASHER, watchCalendar: false,
});
await provisionAccounts({ sis: services.sis, accounts: services.store.accounts, clock });
await applyDemoAccounts({ accounts: services.store.accounts, hasher: CHEAP_HASHER, clock }, config.demo.accounts, config.auth.invitationValidity);
await services.store.flush();

const server = createApp(services).listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
});
createInterface({ input: process.stdin }).on('line', (line) => {
  const [command, iso] = line.split(' ');
  if (command === 'clock' && iso) {
    clock.set(iso);
    process.stdout.write(`clock ${iso}\n`);
  }
});

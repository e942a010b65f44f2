/**
 * The OneRoster 1.2 adapter module (1EdTech rostering + gradebook REST, OAuth 2.0 client
 * credentials). See ./README.md for what a school gets and what it does not.
 */
import type { AdapterDeps, AdapterModule } from '../contract/index.ts';
import { buildOneRosterAdapter, ONEROSTER_ADAPTER_VERSION } from './adapter.ts';
import { ONEROSTER_CAPABILITIES, oneRosterConfigSchema, type OneRosterConfig } from './config.ts';

const oneRosterModule: AdapterModule<OneRosterConfig> = {
  name: 'oneroster',
  version: ONEROSTER_ADAPTER_VERSION,
  capabilities: ONEROSTER_CAPABILITIES,
  configSchema: oneRosterConfigSchema,
  help: [
    'OneRoster 1.2 (rostering + gradebook): pupils, homeroom groups, parents/guardians by agents, method-test results.',
    'Not in OneRoster: gezag (config gezag, default none), secret flags (contactsSecret, default secret), addresses, absences, LVS. Guide: adapters/oneroster/README.md',
  ].join('\n'),
  create(config: OneRosterConfig, deps: AdapterDeps) {
    return buildOneRosterAdapter(config, deps);
  },
};

export default oneRosterModule;
export { ONEROSTER_CAPABILITIES, oneRosterConfigSchema, type OneRosterConfig };
export type { OneRosterConfigInput } from './config.ts';

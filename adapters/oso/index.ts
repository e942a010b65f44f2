/**
 * The OSO dossier adapter module: reads a folder of OSO gegevensset 2019.1 dossiers (the
 * Edustandaard transfer format many Dutch SISes export) and serves pupils, guardians and LVS
 * results from them. See ./README.md for the config, the id rules and stacking under ParnasSys.
 */
import { SisError, type AdapterDeps, type AdapterModule } from '../contract/index.ts';
import { buildOsoAdapter, OSO_ADAPTER_VERSION, type OsoDeps, type OsoSisAdapter } from './adapter.ts';
import { OSO_CAPABILITIES, osoConfigSchema, type OsoConfig, type OsoConfigInput } from './config.ts';
import { watchWithFs } from './folder-watch.ts';

const silentLogger: OsoDeps['logger'] = { debug() {}, info() {}, warn() {}, error() {} };
const systemClock: OsoDeps['clock'] = { now: () => new Date() };

/**
 * Builds an OSO adapter from a raw or parsed config section; throws CONFIG_INVALID for a bad one.
 * Reads nothing yet: the folder is read on the first call. Tests may pass their own `watch`.
 */
export function createOsoAdapter(config: OsoConfigInput, deps: Partial<OsoDeps> = {}): OsoSisAdapter {
  const parsed = osoConfigSchema.safeParse(config);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new SisError('CONFIG_INVALID', { message: `Invalid OSO adapter config: ${problems}`, cause: parsed.error });
  }
  return buildOsoAdapter(parsed.data, {
    clock: deps.clock ?? systemClock,
    logger: deps.logger ?? silentLogger,
    watch: deps.watch ?? watchWithFs,
  });
}

const osoAdapterModule: AdapterModule<OsoConfig> = {
  name: 'oso',
  version: OSO_ADAPTER_VERSION,
  capabilities: OSO_CAPABILITIES,
  configSchema: osoConfigSchema,
  help: [
    'A folder of OSO 2019.1 dossiers: pupils, guardians with gezag, verzuim as a twelve-month summary, LVS results.',
    'Not in it: dated absences, method tests, teachers. Guide: adapters/oso/README.md',
  ].join('\n'),
  create(config: OsoConfig, deps: AdapterDeps) {
    return createOsoAdapter(config, { clock: deps.clock, logger: deps.logger });
  },
};

export default osoAdapterModule;

export { OSO_CAPABILITIES, osoConfigSchema, type OsoConfig, type OsoConfigInput };
export type { OsoDeps, OsoSisAdapter };
export type { OsoFolderStatus } from './oso-source.ts';
export type { FolderProblem } from './dossier-index.ts';
export type { FolderWatcher, WatchFolder } from './folder-watch.ts';

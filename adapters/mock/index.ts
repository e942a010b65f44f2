/**
 * The mock SIS adapter module: the reference implementation of the adapter contract, serving the
 * fictional demo school "De Bron". See ./README.md for the school, the personas and the config.
 */
import { CAPABILITIES, SisError, type AdapterDeps, type AdapterModule } from '../contract/index.ts';
import { buildMockAdapter, MOCK_ADAPTER_VERSION, type MockDeps, type MockSisAdapter } from './adapter.ts';
import { mockConfigSchema, type MockConfig, type MockConfigInput } from './config.ts';

const silentLogger: MockDeps['logger'] = { debug() {}, info() {}, warn() {}, error() {} };
const systemClock: MockDeps['clock'] = { now: () => new Date() };

/**
 * Builds a mock adapter from a raw or parsed config section. Parsing again is harmless (the
 * schema's output parses to itself) and lets callers that skip validation still get defaults.
 * Throws CONFIG_INVALID for a bad config. No I/O and no data generation happen here.
 */
export function createMockAdapter(config: MockConfigInput = {}, deps: Partial<MockDeps> = {}): MockSisAdapter {
  const parsed = mockConfigSchema.safeParse(config);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new SisError('CONFIG_INVALID', { message: `Invalid mock adapter config: ${problems}`, cause: parsed.error });
  }
  return buildMockAdapter(parsed.data, { clock: deps.clock ?? systemClock, logger: deps.logger ?? silentLogger });
}

const mockAdapterModule: AdapterModule<MockConfig> = {
  name: 'mock',
  version: MOCK_ADAPTER_VERSION,
  capabilities: CAPABILITIES,
  configSchema: mockConfigSchema,
  help: 'A generated fictional school (De Bron): every capability; the reference implementation. Guide: adapters/mock/README.md',
  create(config: MockConfig, deps: AdapterDeps) {
    return createMockAdapter(config, deps);
  },
};

export default mockAdapterModule;

export { mockConfigSchema, type MockConfig, type MockConfigInput };
export type { MockDeps, MockSisAdapter };
export type { SubmittedChange } from './change-inbox.ts';
export { DEMO_DEPARTED_STUDENT_IDS, DEMO_PERSONAS, type DemoPersona, type PersonaKey } from './personas.ts';
export { DEMO_SCHOOL, type DemoSchool } from './demo-school.ts';
export { ABSENCE_REASONS, type AbsenceReason } from './data/absence-reasons.ts';

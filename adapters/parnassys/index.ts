/**
 * The ParnasSys (Topicus) SIS adapter module: pupils, groups and addresses from the generic SOAP
 * web service v3. See ./README.md for the config, what it provides and what it cannot.
 */
import { SisError, type AdapterDeps, type AdapterModule, type SisAdapter } from '../contract/index.ts';
import {
  PARNASSYS_ADAPTER_NAME, PARNASSYS_ADAPTER_VERSION, PARNASSYS_CAPABILITIES, buildParnassysAdapter,
} from './adapter.ts';
import { parnassysConfigSchema, type ParnassysConfig, type ParnassysConfigInput } from './config.ts';

const messages = {
  invalidConfig: (problems: string) => `Invalid ParnasSys adapter config: ${problems}`,
};

/**
 * Builds the adapter from a raw or parsed config section (parsing the schema's output again gives
 * the same config). Throws CONFIG_INVALID naming the keys, never their values. Does no I/O.
 */
export function createParnassysAdapter(config: ParnassysConfigInput, deps: AdapterDeps): SisAdapter {
  const parsed = parnassysConfigSchema.safeParse(config);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    // No `cause`: zod issues may carry the input, and the input holds the supplier key.
    throw new SisError('CONFIG_INVALID', { message: messages.invalidConfig(problems) });
  }
  return buildParnassysAdapter(parsed.data, deps);
}

const parnassysAdapterModule: AdapterModule<ParnassysConfig> = {
  name: PARNASSYS_ADAPTER_NAME,
  version: PARNASSYS_ADAPTER_VERSION,
  capabilities: PARNASSYS_CAPABILITIES,
  configSchema: parnassysConfigSchema,
  help: [
    'ParnasSys generic web service (getLeerlingen, getMedewerkers): pupils, groups, addresses and phones with their secret flags.',
    'Not in it: guardians, gezag, absences, results — stack another adapter (e.g. oso) for those. Guide: adapters/parnassys/README.md',
  ].join('\n'),
  create(config: ParnassysConfig, deps: AdapterDeps) {
    return createParnassysAdapter(config, deps);
  },
};

export default parnassysAdapterModule;

export { parnassysConfigSchema, GENERIC_SERVICE_PATH, type ParnassysConfig, type ParnassysConfigInput } from './config.ts';
export { PARNASSYS_ADAPTER_VERSION, PARNASSYS_CAPABILITIES } from './adapter.ts';
export { schoolYearOf } from './dates.ts';
export { soapEnvelope, xmlEscape } from './soap-envelope.ts';

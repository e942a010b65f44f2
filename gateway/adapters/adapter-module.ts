/** Recognises an adapter module among whatever a dynamic import returned. */
import { CAPABILITIES, type AdapterModule } from '../../adapters/contract/index.ts';

export interface ModuleCheck {
  module?: AdapterModule;
  /** Each a sentence about the module, without the key path (the caller adds it). */
  problems: string[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null;
}

function pickExport(namespace: unknown): unknown {
  if (!isObject(namespace)) return namespace;
  const fallback = isObject(namespace.default) ? namespace.default : namespace;
  if (isObject(namespace.default) && 'create' in namespace.default) return namespace.default;
  return 'create' in namespace ? namespace : fallback;
}

/** Takes the default export or else the named exports (whichever has `create`) and checks the shape. */
export function checkAdapterModule(namespace: unknown): ModuleCheck {
  const exported = pickExport(namespace);
  if (!isObject(exported)) return { problems: ['exports nothing usable'] };

  const invalid: string[] = [];
  if (typeof exported.name !== 'string' || exported.name.trim() === '') invalid.push('name (a non-empty string)');
  if (typeof exported.version !== 'string') invalid.push('version (a string)');
  if (!Array.isArray(exported.capabilities)) invalid.push('capabilities (a list)');
  if (!isObject(exported.configSchema) || typeof exported.configSchema.safeParse !== 'function') {
    invalid.push('configSchema (a zod schema)');
  }
  if (typeof exported.create !== 'function') invalid.push('create (a function)');

  const problems = invalid.length > 0 ? [`is not an adapter module: missing or invalid ${invalid.join(', ')}`] : [];
  if (Array.isArray(exported.capabilities)) {
    for (const capability of exported.capabilities) {
      if (!(CAPABILITIES as readonly unknown[]).includes(capability)) {
        problems.push(`declares unknown capability ${JSON.stringify(capability)} (known: ${CAPABILITIES.join(', ')})`);
      }
    }
  }
  return problems.length > 0 ? { problems } : { module: exported as unknown as AdapterModule, problems };
}

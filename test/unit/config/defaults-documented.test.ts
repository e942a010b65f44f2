/**
 * config/default.yaml and config/README.md must describe the schema exactly: every key is
 * documented, and every default in the YAML is the default the README states.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { configSchema } from '../../../gateway/config/index.ts';

const root = new URL('../../../', import.meta.url);
const readme = readFileSync(new URL('config/README.md', root), 'utf8');
const defaults: unknown = parse(readFileSync(new URL('config/default.yaml', root), 'utf8'));

interface Def { type: string; shape?: Record<string, unknown>; innerType?: unknown; in?: unknown; element?: unknown }
const defOf = (schema: unknown) => (schema as { _zod: { def: Def } })._zod.def;

/** Key paths of the schema's settings (not of sections), list items written `[]` ("sis.stack[].adapter"). */
function schemaKeys(schema: unknown, path = ''): string[] {
  const def = defOf(schema);
  if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') return schemaKeys(def.innerType, path);
  if (def.type === 'pipe') return schemaKeys(def.in, path);
  if (def.type === 'object' && def.shape) {
    return Object.entries(def.shape).flatMap(([key, child]) => schemaKeys(child, path ? `${path}.${key}` : key));
  }
  if (def.type === 'array') return [path, ...schemaKeys(def.element, `${path}[]`).filter((k) => k !== `${path}[]`)];
  return [path];
}

function leaves(tree: unknown, path = ''): Array<[string, unknown]> {
  if (tree !== null && typeof tree === 'object' && !Array.isArray(tree)) {
    return Object.entries(tree).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  }
  return [[path, tree]];
}

/** The README's entry for a key: the bullet that starts with it, up to the next bullet. */
function readmeEntry(key: string): string | undefined {
  const start = readme.indexOf(`- \`${key}\` —`);
  if (start < 0) return undefined;
  const next = readme.indexOf('\n- ', start + 1);
  const nextNested = readme.indexOf('\n  - ', start + 1);
  const ends = [next, nextNested].filter((i) => i > 0);
  return readme.slice(start, ends.length > 0 ? Math.min(...ends) : undefined);
}

describe('config defaults and their documentation', () => {
  const settingKeys = schemaKeys(configSchema);

  it('finds the schema keys (guards the walker itself)', () => {
    expect(settingKeys).to.include.members(['school.name', 'server.port', 'sis.stack', 'sis.stack[].adapter', 'cache.ttl.results', 'store.lowdb.dir', 'log.level']);
  });

  it('documents every key in config/README.md', () => {
    const missing = settingKeys.filter((key) => readmeEntry(key) === undefined);
    expect(missing, 'keys without a README entry').to.deep.equal([]);
  });

  it('states each default exactly as default.yaml sets it', () => {
    for (const [key, value] of leaves(defaults)) {
      expect(settingKeys, `default.yaml key ${key} is not in the schema`).to.include(key);
      expect(readmeEntry(key), `README entry of ${key}`).to.include(`default \`${String(value)}\``);
    }
  });

  it('marks every key without a default as required or optional', () => {
    const withDefault = new Set(leaves(defaults).map(([key]) => key));
    for (const key of settingKeys.filter((k) => !withDefault.has(k) && !k.includes('[]'))) {
      expect(readmeEntry(key), key).to.match(/\*\*required\*\*|optional/);
    }
  });

  it('lists every default.yaml top-level section in the schema, and every schema section in default.yaml unless all of it is required', () => {
    const inDefaults = Object.keys(defaults as object);
    const sections = Object.keys(defOf(configSchema).shape ?? {});
    expect(sections).to.include.members(inDefaults);
    for (const section of sections.filter((s) => !inDefaults.includes(s))) {
      const keys = settingKeys.filter((k) => k.startsWith(`${section}.`) && !k.includes('[]'));
      for (const key of keys) expect(readmeEntry(key), key).to.match(/\*\*required\*\*/);
    }
  });
});

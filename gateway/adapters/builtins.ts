/** The built-in adapters: every directory under adapters/ with an index module, except the contract. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ADAPTERS_DIR = fileURLToPath(new URL('../../adapters/', import.meta.url));
const NOT_ADAPTERS = new Set(['contract', 'shared']);

/** Built-in name → import specifier (a file URL). Works from the sources (.ts) and from a build (.js). */
export function listBuiltinAdapters(dir: string = ADAPTERS_DIR): ReadonlyMap<string, string> {
  const found = new Map<string, string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || NOT_ADAPTERS.has(entry.name)) continue;
    const index = ['index.ts', 'index.js'].map((f) => join(dir, entry.name, f)).find((f) => existsSync(f));
    if (index) found.set(entry.name, pathToFileURL(index).href);
  }
  return new Map([...found].sort(([a], [b]) => (a < b ? -1 : 1)));
}

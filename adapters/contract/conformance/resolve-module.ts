/**
 * Finds an adapter module from what a person types: a built-in name ("mock" → adapters/mock/index.ts),
 * a path to a module file or folder, or an npm package name. The gateway loads adapters its own way
 * (gateway/adapters/); this stays inside adapters/contract so the suite works without the gateway.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AdapterModule } from '../index.ts';

export class ModuleResolveError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ModuleResolveError';
  }
}

/** adapters/, where built-in adapters live as <name>/index.ts. */
export const BUILTIN_ADAPTERS_DIR = fileURLToPath(new URL('../../', import.meta.url));

const BUILTIN_NAME = /^[a-z0-9][a-z0-9-]*$/;
const INDEX_FILES = ['index.ts', 'index.mts', 'index.js', 'index.mjs', 'index.cjs'];

function looksLikePath(spec: string): boolean {
  return spec.startsWith('.') || path.isAbsolute(spec) || (spec.includes('/') && !spec.startsWith('@'));
}

/** A folder's entry: package.json "exports" (".", as a string or its "import"/"default"), else "main", else an index file. */
export function entryOfFolder(dir: string): string | undefined {
  const pkgFile = path.join(dir, 'package.json');
  if (existsSync(pkgFile)) {
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { main?: unknown; exports?: unknown };
    const dot = typeof pkg.exports === 'string' ? pkg.exports : (pkg.exports as Record<string, unknown> | undefined)?.['.'];
    const fromExports = typeof dot === 'string' ? dot : (dot as { import?: unknown; default?: unknown } | undefined)?.import ?? (dot as { default?: unknown } | undefined)?.default;
    for (const entry of [fromExports, pkg.main]) {
      if (typeof entry === 'string' && existsSync(path.join(dir, entry))) return path.join(dir, entry);
    }
  }
  return INDEX_FILES.map((f) => path.join(dir, f)).find((f) => existsSync(f));
}

/** The file (or package specifier) to import for `spec`, and how it was found. */
export function locateAdapter(spec: string, cwd = process.cwd()): { target: string; kind: 'builtin' | 'path' | 'package' } {
  if (BUILTIN_NAME.test(spec)) {
    const builtin = entryOfFolder(path.join(BUILTIN_ADAPTERS_DIR, spec));
    if (builtin && spec !== 'contract') return { target: builtin, kind: 'builtin' };
  }
  const asPath = path.resolve(cwd, spec);
  if (looksLikePath(spec) || existsSync(asPath)) {
    if (!existsSync(asPath)) throw new ModuleResolveError(`no file or folder at ${asPath}`);
    const entry = statSync(asPath).isDirectory() ? entryOfFolder(asPath) : asPath;
    if (!entry) throw new ModuleResolveError(`${asPath} has no package.json "main" and no ${INDEX_FILES.join(' / ')}`);
    return { target: entry, kind: 'path' };
  }
  try {
    return { target: createRequire(path.join(cwd, 'noop.js')).resolve(spec), kind: 'package' };
  } catch {
    // ESM-only packages have no "require" condition; let import() resolve them.
    return { target: spec, kind: 'package' };
  }
}

function pickModule(namespace: Record<string, unknown>): unknown {
  const candidates = [namespace.default, (namespace.default as Record<string, unknown> | undefined)?.default, namespace];
  return candidates.find((c) => typeof (c as { create?: unknown } | undefined)?.create === 'function');
}

/** Imports the adapter module `spec` names and checks it exports the pieces of an AdapterModule. */
export async function resolveAdapterModule(spec: string, cwd = process.cwd()): Promise<AdapterModule> {
  const { target, kind } = locateAdapter(spec, cwd);
  let namespace: Record<string, unknown>;
  try {
    namespace = await import(kind === 'package' && !path.isAbsolute(target) ? target : pathToFileURL(target).href) as Record<string, unknown>;
  } catch (err) {
    const hint = kind === 'package' ? ` (not a built-in adapter under ${BUILTIN_ADAPTERS_DIR}, not a path, and not an installed package)` : '';
    throw new ModuleResolveError(`cannot load adapter "${spec}" from ${target}${hint}: ${(err as Error).message}`, { cause: err });
  }
  const found = pickModule(namespace) as Partial<AdapterModule> | undefined;
  if (!found) throw new ModuleResolveError(`"${spec}" (${target}) exports no create() factory, neither as default nor as a named export`);
  const missing = (['name', 'version', 'capabilities', 'configSchema'] as const).filter((k) => found[k] === undefined);
  if (missing.length > 0) throw new ModuleResolveError(`"${spec}" (${target}) exports create() but not ${missing.join(', ')}`);
  return found as AdapterModule;
}

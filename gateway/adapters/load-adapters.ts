/**
 * Loads and checks every adapter of the configured stack before any is built: resolves each
 * name, imports it, checks it is an adapter module and validates its config against the
 * module's own schema. Every problem of every adapter ends up in one ConfigError.
 * The importer is injected, so tests need neither a filesystem nor real modules.
 */
import { statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AdapterModule } from '../../adapters/contract/index.ts';
import { ConfigError } from '../config/config-error.ts';
import { formatIssues, formatPath, type IssueLike, type KeyPath } from '../config/issues.ts';
import { checkAdapterModule } from './adapter-module.ts';
import { listBuiltinAdapters } from './builtins.ts';
import { entryOfFolder } from '../../adapters/contract/conformance/resolve-module.ts';

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

export interface StackEntryConfig {
  adapter: string;
  config?: unknown;
}

export type AdapterSource = 'builtin' | 'path' | 'package';

export interface LoadedAdapter {
  /** Position in the stack, 0 first. */
  index: number;
  /** As written in the config. */
  spec: string;
  source: AdapterSource;
  /** What was imported: a file URL or a package name. */
  specifier: string;
  module: AdapterModule;
  /** The entry's config as the module's schema parsed it (defaults applied). */
  config: unknown;
}

export type ImportModule = (specifier: string) => Promise<unknown>;

export interface LoadAdaptersOptions {
  /** Where relative paths count from: the config file's directory (Config.source.baseDir). */
  baseDir: string;
  importModule?: ImportModule;
  /** Built-in name → specifier; default: the directories under adapters/. */
  builtins?: ReadonlyMap<string, string>;
  /** Key path of the stack in problem messages. */
  keyPath?: KeyPath;
}

const PACKAGE_NAME = /^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(\/[\w.-]+)*$/;

function isPathSpec(spec: string): boolean {
  return spec.startsWith('./') || spec.startsWith('../') || spec.startsWith('file:') || isAbsolute(spec);
}

function packageRoot(spec: string): string {
  return spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');
}

type Resolution = { source: AdapterSource; specifier: string } | { problem: string };

function resolveSpec(spec: string, builtins: ReadonlyMap<string, string>, baseDir: string): Resolution {
  const builtin = builtins.get(spec);
  if (builtin) return { source: 'builtin', specifier: builtin };
  if (isPathSpec(spec)) {
    const file = spec.startsWith('file:') ? fileURLToPath(spec) : resolve(baseDir, spec);
    // A folder is an adapter package kept outside the gateway (its own repository, an unpacked tarball).
    const entry = isDirectory(file) ? entryOfFolder(file) : file;
    if (!entry) return { problem: `the folder ${file} has no package.json "exports"/"main" and no index.ts / index.js` };
    return { source: 'path', specifier: pathToFileURL(entry).href };
  }
  if (PACKAGE_NAME.test(spec)) return { source: 'package', specifier: spec };
  return { problem: `${JSON.stringify(spec)} is neither a built-in adapter (${[...builtins.keys()].join(', ')}), a path (./…, ../… or /…) nor an npm package name` };
}

/** True when the import failed because the module itself is missing, not something it imports. */
function isMissing(err: unknown, source: AdapterSource, specifier: string): boolean {
  const { code, message } = (err ?? {}) as { code?: unknown; message?: unknown };
  if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') return false;
  const wanted = source === 'package' ? packageRoot(specifier) : fileURLToPath(specifier);
  return String(message).includes(`'${wanted}'`);
}

async function loadOne(
  entry: StackEntryConfig, index: number, options: Required<LoadAdaptersOptions>,
): Promise<{ loaded?: LoadedAdapter; problems: string[] }> {
  const at = (...rest: PropertyKey[]) => formatPath([...options.keyPath, index, ...rest]);
  const spec = entry.adapter;
  const resolution = resolveSpec(spec, options.builtins, options.baseDir);
  if ('problem' in resolution) return { problems: [`${at('adapter')}: ${resolution.problem}`] };

  let namespace: unknown;
  try {
    namespace = await options.importModule(resolution.specifier);
  } catch (err) {
    if (!isMissing(err, resolution.source, resolution.specifier)) {
      return { problems: [`${at('adapter')}: importing ${JSON.stringify(spec)} failed: ${(err as Error)?.message ?? String(err)}`] };
    }
    const builtinList = [...options.builtins.keys()].join(', ') || 'none';
    const problem = resolution.source === 'package'
      ? `unknown adapter ${JSON.stringify(spec)} (built-in: ${builtinList}; no installed npm package of that name either)`
      : `no adapter module at ${fileURLToPath(resolution.specifier)}`;
    return { problems: [`${at('adapter')}: ${problem}`] };
  }

  const checked = checkAdapterModule(namespace);
  if (!checked.module) return { problems: checked.problems.map((p) => `${at('adapter')}: ${JSON.stringify(spec)} ${p}`) };

  const module = checked.module;
  let parsed: ReturnType<AdapterModule['configSchema']['safeParse']>;
  try {
    // reportInput lets the messages tell a missing key from a wrong type; values are never printed.
    parsed = module.configSchema.safeParse(entry.config ?? {}, { reportInput: true });
  } catch (err) {
    return { problems: [`${at('config')}: could not be checked by ${module.name}'s schema: ${(err as Error)?.message ?? String(err)}`] };
  }
  if (!parsed.success) {
    return { problems: formatIssues(parsed.error.issues as IssueLike[], [...options.keyPath, index, 'config']) };
  }
  return {
    loaded: { index, spec, source: resolution.source, specifier: resolution.specifier, module, config: parsed.data },
    problems: [],
  };
}

export async function loadAdapters(
  stack: readonly StackEntryConfig[], options: LoadAdaptersOptions,
): Promise<LoadedAdapter[]> {
  const full: Required<LoadAdaptersOptions> = {
    baseDir: options.baseDir,
    importModule: options.importModule ?? ((specifier) => import(specifier)),
    builtins: options.builtins ?? listBuiltinAdapters(),
    keyPath: options.keyPath ?? ['sis', 'stack'],
  };
  const outcomes = await Promise.all(stack.map((entry, index) => loadOne(entry, index, full)));
  const problems = outcomes.flatMap((o) => o.problems);
  if (problems.length > 0) throw new ConfigError(problems, { title: 'Invalid SIS adapter configuration' });
  return outcomes.map((o) => o.loaded as LoadedAdapter);
}

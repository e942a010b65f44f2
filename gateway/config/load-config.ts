/**
 * Boot-time configuration: config/default.yaml, then the school's own file, then PORT/HOST from
 * the environment, then in-memory values, then secrets from the environment; validated as a whole (every problem in one
 * ConfigError) and deep-frozen, so nothing can change it at run time.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from './config-error.ts';
import { applyEnvSecrets, resolveEnvRefs, secretsWrittenIn, type Env } from './env-secrets.ts';
import { envOverrides } from './env-overrides.ts';
import { formatIssues } from './issues.ts';
import { configSchema, type ConfigValues } from './schema.ts';
import { deepFreeze, deepMerge, mapLeaves, type DeepReadonly } from './tree.ts';
import { readYamlFile } from './yaml-file.ts';

/** Environment variable naming the school's config file. */
export const CONFIG_FILE_ENV = 'OUDERPOORT_CONFIG';

export interface ConfigSource {
  /** The files read, defaults first. */
  files: readonly string[];
  /** Where relative adapter paths in `sis.stack` count from: the school's file's directory, else the working directory. */
  baseDir: string;
}

export type Config = DeepReadonly<ConfigValues> & { readonly source: ConfigSource };

export interface LoadConfigOptions {
  /** The school's config file; default: $OUDERPOORT_CONFIG; none: defaults and `values` only. */
  file?: string;
  /** Applied over the files (tests, command-line tools). Not checked for secrets: no file is involved. */
  values?: Record<string, unknown>;
  /** Default: process.env. */
  env?: Env;
  /** Default: the working directory; relative paths count from it. */
  cwd?: string;
  /** Default: config/default.yaml of this installation. */
  defaultsFile?: string;
}

function findDefaultsFile(): string {
  // Walk up to the package root, so this works from the sources and from a build under dist/.
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'config', 'default.yaml');
}

export function loadConfig(options: LoadConfigOptions = {}): Config {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const defaultsFile = options.defaultsFile ?? findDefaultsFile();
  const overlayName = options.file ?? (env[CONFIG_FILE_ENV] || undefined);
  const overlayFile = overlayName === undefined ? undefined : resolve(cwd, overlayName);

  const files = [defaultsFile, ...(overlayFile ? [overlayFile] : [])].map(readYamlFile);
  const syntaxProblems = files.flatMap((f) => f.problems);
  if (syntaxProblems.length > 0) throw new ConfigError(syntaxProblems, { title: 'Invalid configuration file' });

  const problems = files.flatMap((f) => secretsWrittenIn(f.data ?? {}, f.file));
  let merged: unknown = {};
  for (const f of files) merged = deepMerge(merged, f.data);
  const fromEnv = envOverrides(env);
  problems.push(...fromEnv.problems);
  merged = deepMerge(merged, fromEnv.values);
  merged = deepMerge(merged, options.values);
  // Rebuilt, so applying secrets never touches the caller's `values` (leaves such as EnvRef stay as they are).
  const tree = mapLeaves(merged, (leaf) => leaf) as Record<string, unknown>;
  applyEnvSecrets(tree, env);
  const withEnv = resolveEnvRefs(tree, env);
  problems.push(...withEnv.problems);

  const parsed = configSchema.safeParse(withEnv.tree, { reportInput: true });
  if (!parsed.success) problems.push(...formatIssues(parsed.error.issues));
  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems);

  const source: ConfigSource = {
    files: files.map((f) => f.file),
    baseDir: overlayFile ? dirname(overlayFile) : cwd,
  };
  return deepFreeze({ ...parsed.data, source });
}


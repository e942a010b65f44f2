/**
 * Secrets come from the environment only. The gateway's own secrets are listed here (and in
 * config/README.md); a config file that sets one of their keys is refused. Anything else,
 * such as an adapter's API key, is written `key: !env SOME_VARIABLE` in the file.
 */
import { EnvRef } from './yaml-file.ts';
import { formatPath } from './issues.ts';
import { getPath, mapLeaves, setPath } from './tree.ts';

export type Env = Readonly<Record<string, string | undefined>>;

export interface EnvSecret {
  env: string;
  path: readonly string[];
}

export const ENV_SECRETS: readonly EnvSecret[] = Object.freeze([
  { env: 'OUDERPOORT_SESSION_SECRET', path: ['server', 'sessionSecret'] },
  { env: 'OUDERPOORT_SMTP_PASSWORD', path: ['mail', 'smtp', 'password'] },
  { env: 'OUDERPOORT_OIDC_CLIENT_SECRET', path: ['operators', 'oidc', 'clientSecret'] },
  { env: 'OUDERPOORT_DATABASE_URL', path: ['store', 'postgres', 'url'] },
  { env: 'OUDERPOORT_DATA_KEY', path: ['store', 'dataKey'] },
]);

/** Problems for every gateway secret written literally in a file (a `!env` reference is fine). */
export function secretsWrittenIn(data: Record<string, unknown>, file: string): string[] {
  return ENV_SECRETS.flatMap(({ env, path }) => {
    const value = getPath(data, path);
    if (value === undefined || value instanceof EnvRef) return [];
    return [`${formatPath(path)}: is a secret and is read from the environment only; remove it from ${file} and set ${env}`];
  });
}

/** Sets every gateway secret whose variable is set and non-empty; it wins over any file. */
export function applyEnvSecrets(tree: Record<string, unknown>, env: Env): void {
  for (const { env: name, path } of ENV_SECRETS) {
    const value = env[name];
    if (value !== undefined && value !== '') setPath(tree, path, value);
  }
}

/** Replaces each `!env NAME` by the variable's value; an unset or empty variable is a problem. */
export function resolveEnvRefs(tree: unknown, env: Env): { tree: unknown; problems: string[] } {
  const problems: string[] = [];
  const resolved = mapLeaves(tree, (leaf, path) => {
    if (!(leaf instanceof EnvRef)) return leaf;
    const value = env[leaf.name];
    if (value === undefined || value === '') {
      problems.push(`${formatPath(path)}: environment variable ${leaf.name} is not set`);
      return undefined;
    }
    return value;
  });
  return { tree: resolved, problems };
}

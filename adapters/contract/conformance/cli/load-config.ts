/** Reads an adapter's config (or the suite's fixtures) from a YAML or JSON file, and explains schema failures. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { AdapterModule } from '../../index.ts';

export class ConfigFileError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ConfigFileError';
  }
}

/** The parsed file; `{}` when no file is named or the file is empty. JSON by extension, YAML otherwise. */
export async function loadConfigFile(file: string | undefined, cwd = process.cwd()): Promise<unknown> {
  if (file === undefined) return {};
  const full = path.resolve(cwd, file);
  let text: string;
  try {
    text = await readFile(full, 'utf8');
  } catch (err) {
    throw new ConfigFileError(`cannot read ${full}: ${(err as Error).message}`, { cause: err });
  }
  try {
    const value: unknown = full.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
    return value ?? {};
  } catch (err) {
    throw new ConfigFileError(`cannot parse ${full}: ${(err as Error).message}`, { cause: err });
  }
}

export interface ConfigIssue {
  /** Dotted key path with [n] for list items; "(root)" for the whole section. */
  path: string;
  message: string;
}

function formatPath(path: PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '') || '(root)';
}

/** Every problem zod finds with `config` against the module's schema (empty when valid). */
export function configIssues(module: AdapterModule, config: unknown): ConfigIssue[] {
  const parsed = module.configSchema.safeParse(config);
  if (parsed.success) return [];
  return parsed.error.issues.flatMap((issue) => {
    // One line per unknown key, at the key's own path, so a typo is easy to find.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), message: 'unknown key' }));
    }
    return [{ path: formatPath(issue.path), message: issue.message }];
  });
}

/**
 * Reads one YAML config file. Syntax errors come back as "file:line:col: message" problems
 * (all of them, not just the first); `!env NAME` marks a value read from the environment.
 */
import { readFileSync } from 'node:fs';
import { parseDocument, type ScalarTag } from 'yaml';

/** A value to be taken from the environment variable `name` (YAML: `key: !env NAME`). */
export class EnvRef {
  constructor(readonly name: string) {}
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const envTag: ScalarTag = {
  tag: '!env',
  identify: (value) => value instanceof EnvRef,
  resolve(value, onError) {
    const name = value.trim();
    if (!ENV_NAME.test(name)) onError(`!env needs an environment variable name, got "${name}"`);
    return new EnvRef(name);
  },
  stringify: (item) => String((item.value as EnvRef).name),
};

export interface YamlFile {
  file: string;
  /** The document as plain objects; undefined when the file could not be used. */
  data?: Record<string, unknown>;
  problems: string[];
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
}

export function parseYaml(text: string, file: string): YamlFile {
  const doc = parseDocument(text, { customTags: [envTag], prettyErrors: true, uniqueKeys: true });
  // Warnings count too: an unknown tag (say `!ENV`) would otherwise turn a secret's name into its value.
  const errors = [...doc.errors, ...doc.warnings];
  if (errors.length > 0) {
    const problems = errors.map((err) => {
      const pos = err.linePos?.[0];
      return `${file}${pos ? `:${pos.line}:${pos.col}` : ''}: ${firstLine(err.message)}`;
    });
    return { file, problems };
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  if (data === null || data === undefined) return { file, data: {}, problems: [] };
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { file, problems: [`${file}: expected a mapping of sections at the top level`] };
  }
  return { file, data: data as Record<string, unknown>, problems: [] };
}

export function readYamlFile(file: string): YamlFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'read error';
    return { file, problems: [`${file}: cannot read the config file (${code})`] };
  }
  return parseYaml(text, file);
}

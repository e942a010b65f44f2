/**
 * A data file the school edits (glossary, level bands): YAML read and validated once at boot.
 * Every problem is reported at once, each prefixed with the file and key path, as a CONFIG_INVALID
 * error, so a typo stops the gateway with a message that says where to look.
 */
import type { z } from 'zod';
import { ConfigError, formatIssues } from '../config/index.ts';
import { readYamlFile } from '../config/yaml-file.ts';

export function readDataFile<S extends z.ZodType>(file: string, schema: S, what: string): z.output<S> {
  const yaml = readYamlFile(file);
  if (!yaml.data) throw new ConfigError(yaml.problems, { title: `Invalid ${what} file ${file}` });
  const parsed = schema.safeParse(yaml.data, { reportInput: true });
  if (!parsed.success) {
    const problems = formatIssues(parsed.error.issues).map((p) => `${file}: ${p}`);
    throw new ConfigError(problems, { title: `Invalid ${what} file ${file}` });
  }
  return parsed.data;
}

/** Config files for tests, in a fresh temporary directory per test file. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TempDir {
  dir: string;
  write(name: string, text: string): string;
  remove(): void;
}

export function tempDir(): TempDir {
  const dir = mkdtempSync(join(tmpdir(), 'ouderpoort-config-'));
  return {
    dir,
    write(name, text) {
      const file = join(dir, name);
      writeFileSync(file, text);
      return file;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The keys that have no default: the smallest school file that validates. */
export const MINIMAL_SCHOOL_YAML = `
school:
  name: OBS De Regenboog
  brin: 12AB
sis:
  stack:
    - adapter: mock
`;

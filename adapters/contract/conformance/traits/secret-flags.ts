/**
 * Trait: secret values are flagged, never silently passed as ordinary ones. Every address and every
 * contact point carries a boolean `secret`; anything that looks like OSO's secret placeholders
 * (`geheim@geheim.geheim`, `9999999999`) must sit in a record flagged `secret: true`, because the
 * gateway decides who may see a secret value and can only do so when it is marked.
 */
import type { SisAdapter } from '../../index.ts';
import { fail, preview } from '../checks.ts';
import type { BuiltAdapter, SuiteContext } from '../context.ts';
import type { TestFramework } from '../types.ts';

const SECRET_EMAIL = 'geheim@geheim.geheim';
const SECRET_PHONE = '9999999999';

export function isSecretPlaceholder(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const trimmed = value.trim().toLowerCase();
  return trimmed === SECRET_EMAIL || trimmed.replace(/[\s\-().]/g, '') === SECRET_PHONE;
}

function looksLikeAddress(key: string, o: Record<string, unknown>): boolean {
  return key === 'address' || 'postcode' in o || 'street' in o;
}

function looksLikeContact(o: Record<string, unknown>): boolean {
  return (o.kind === 'phone' || o.kind === 'email') && 'value' in o;
}

export function secretProblems(value: unknown, path: string, key = '', problems: string[] = []): string[] {
  if (Array.isArray(value)) {
    value.forEach((v, i) => secretProblems(v, `${path}[${i}]`, key, problems));
    return problems;
  }
  if (typeof value !== 'object' || value === null) return problems;
  const o = value as Record<string, unknown>;
  if ((looksLikeAddress(key, o) || looksLikeContact(o)) && typeof o.secret !== 'boolean') {
    problems.push(`${path} has no boolean \`secret\` (got ${preview(o.secret)})`);
  }
  for (const [k, v] of Object.entries(o)) {
    if (isSecretPlaceholder(v) && o.secret !== true) {
      problems.push(`${path}.${k} = ${preview(v)} is a secret placeholder but ${path}.secret is ${preview(o.secret)}, not true`);
    }
    secretProblems(v, `${path}.${k}`, k, problems);
  }
  return problems;
}

export function secretsFlagged(
  t: TestFramework,
  ctx: SuiteContext,
  method: string,
  sample: (adapter: SisAdapter, built: BuiltAdapter) => Promise<unknown[]>,
): void {
  t.it(`${method}: every address and contact point has a boolean secret; secret placeholders are flagged secret`, () =>
    ctx.withAdapter(async (adapter, built) => {
      const records = await sample(adapter, built);
      const problems = records.flatMap((r, i) => secretProblems(r, `${method}#${i}`));
      if (problems.length > 0) fail(`secret values not flagged:\n  - ${problems.slice(0, 8).join('\n  - ')}`);
    }));
}

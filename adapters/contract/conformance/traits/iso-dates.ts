/**
 * Trait: dates are ISO local dates `YYYY-MM-DD` naming real days, instants are full ISO instants.
 * Fields are found by name anywhere in a record (`date`, `birthDate`, `from`, `to`; `…At` for
 * instants), so a field added to the model later is judged without touching this trait.
 */
import type { SisAdapter } from '../../index.ts';
import { fail, isIsoDate, isIsoInstant, preview } from '../checks.ts';
import type { BuiltAdapter, SuiteContext } from '../context.ts';
import type { TestFramework } from '../types.ts';

const DATE_KEYS = new Set(['date', 'birthDate', 'from', 'to', 'issuedOn']);
const INSTANT_KEY = /At$/;

export function dateProblems(value: unknown, path: string, problems: string[] = []): string[] {
  if (Array.isArray(value)) {
    value.forEach((v, i) => dateProblems(v, `${path}[${i}]`, problems));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      const at = `${path}.${key}`;
      if (DATE_KEYS.has(key) && v !== undefined && !isIsoDate(v)) {
        problems.push(`${at} = ${preview(v)} is not a real ISO date (YYYY-MM-DD)`);
      } else if (INSTANT_KEY.test(key) && v !== undefined && !isIsoInstant(v)) {
        problems.push(`${at} = ${preview(v)} is not a full ISO 8601 instant with a zone`);
      } else {
        dateProblems(v, at, problems);
      }
    }
  }
  return problems;
}

export function datesAreIso(
  t: TestFramework,
  ctx: SuiteContext,
  method: string,
  sample: (adapter: SisAdapter, built: BuiltAdapter) => Promise<unknown[]>,
): void {
  t.it(`${method}: every date is a real ISO date (YYYY-MM-DD), every instant a full ISO instant`, () =>
    ctx.withAdapter(async (adapter, built) => {
      const records = await sample(adapter, built);
      const problems = records.flatMap((r, i) => dateProblems(r, `${method}#${i}`));
      if (problems.length > 0) fail(`bad dates:\n  - ${problems.slice(0, 8).join('\n  - ')}`);
    }));
}

/**
 * `--expect`: the school writes down a few pupils as its own SIS shows them, and the suite
 * compares what the adapter gives — so a mangled name, last year's group or a lost gezag flag
 * fails, not only a wrong shape. Every difference is listed; any difference fails.
 *
 *   pupils:
 *     - id: "1001"
 *       name: Björn de Vries            # roepnaam, tussenvoegsel, achternaam as the SIS shows them
 *       group: Groep 7                  # null: no group yet
 *       jaargroep: 7                    # null: none
 *       secretAddress: false
 *       guardians:                      # checked when the adapter (or stack) offers guardians
 *         - name: Mark de Vries
 *           relation: father            # father | mother | voogd | other
 *           gezag: true
 *           secretAddress: false
 */
import { z } from 'zod';
import type { Guardian, PersonName, SisAdapter, Student } from '../index.ts';

const guardianExpectation = z.strictObject({
  name: z.string().trim().min(1),
  relation: z.enum(['father', 'mother', 'voogd', 'other']).optional(),
  gezag: z.boolean().optional(),
  secretAddress: z.boolean().optional(),
});

const pupilExpectation = z.strictObject({
  id: z.union([z.string().trim().min(1), z.number().transform(String)]),
  name: z.string().trim().min(1).optional(),
  group: z.string().trim().min(1).nullable().optional(),
  jaargroep: z.int().min(1).max(8).nullable().optional(),
  secretAddress: z.boolean().optional(),
  guardians: z.array(guardianExpectation).optional(),
});

export const expectationsSchema = z.strictObject({ pupils: z.array(pupilExpectation).min(1, 'name at least one pupil') });

export type Expectations = z.output<typeof expectationsSchema>;
export type PupilExpectation = Expectations['pupils'][number];

const spoken = (n: PersonName) => [n.given, n.prefix, n.family].filter((p) => p !== undefined && p !== '').join(' ');
const q = (v: unknown) => (v === undefined ? 'nothing' : JSON.stringify(v));

function differ(out: string[], what: string, expected: unknown, actual: unknown): void {
  if (expected !== undefined && expected !== actual) out.push(`${what}: expected ${q(expected)}, the adapter gives ${q(actual)}`);
}

function compareGuardians(out: string[], expected: PupilExpectation, guardians: Guardian[]): void {
  const unmatched = [...guardians];
  for (const want of expected.guardians ?? []) {
    const i = unmatched.findIndex((g) => spoken(g.name) === want.name);
    if (i < 0) {
      out.push(`guardian ${q(want.name)}: not among the pupil's guardians (the adapter gives ${guardians.map((g) => q(spoken(g.name))).join(', ') || 'none'})`);
      continue;
    }
    const [g] = unmatched.splice(i, 1);
    const link = g!.children.find((l) => l.studentId === expected.id);
    differ(out, `guardian ${q(want.name)} relation`, want.relation, link?.relation);
    differ(out, `guardian ${q(want.name)} gezag`, want.gezag, link?.gezag);
    differ(out, `guardian ${q(want.name)} secret address`, want.secretAddress, g!.address?.secret);
  }
  if (expected.guardians && unmatched.length > 0) {
    out.push(`guardians the school did not list: ${unmatched.map((g) => q(spoken(g.name))).join(', ')}`);
  }
}

/** Every difference between what the school wrote down for one pupil and what the adapter gives. */
export async function differences(adapter: SisAdapter, expected: PupilExpectation): Promise<string[]> {
  const out: string[] = [];
  if (!adapter.getStudent) return ['the adapter does not offer students, so the pupil cannot be compared'];
  let pupil: Student;
  try {
    pupil = await adapter.getStudent(expected.id);
  } catch (err) {
    return [`getStudent(${q(expected.id)}) failed: ${(err as Error)?.message ?? String(err)}`];
  }
  differ(out, 'name', expected.name, spoken(pupil.name));
  differ(out, 'group', expected.group === null ? 'no group' : expected.group, pupil.group ? pupil.group.name : 'no group');
  differ(out, 'jaargroep', expected.jaargroep === null ? 'none' : expected.jaargroep, pupil.jaargroep ?? 'none');
  differ(out, 'secret address', expected.secretAddress, pupil.address?.secret);
  if (expected.guardians) {
    if (!adapter.listGuardiansOfStudent) out.push('guardians: the adapter does not offer guardians, so they cannot be compared');
    else compareGuardians(out, expected, await adapter.listGuardiansOfStudent(expected.id));
  }
  return out;
}

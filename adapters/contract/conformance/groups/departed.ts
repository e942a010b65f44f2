/**
 * Departed pupils (fixtures.departedStudentIds): once enrolment has ended the portal must not show
 * the pupil, so every per-pupil method treats the id as unknown.
 */
import type { SisAdapter } from '../../index.ts';
import { expectNotFound, preview } from '../checks.ts';
import type { SuiteContext } from '../context.ts';
import type { TestFramework } from '../types.ts';

const PER_PUPIL: Array<{ method: keyof SisAdapter; call: (a: SisAdapter, id: string) => Promise<unknown> }> = [
  { method: 'getStudent', call: (a, id) => a.getStudent!(id) },
  { method: 'listGuardiansOfStudent', call: (a, id) => a.listGuardiansOfStudent!(id) },
  { method: 'listAbsences', call: (a, id) => a.listAbsences!(id, { from: '2000-08-01', to: '2100-07-31' }) },
  { method: 'listResults', call: (a, id) => a.listResults!(id) },
  { method: 'listReports', call: (a, id) => a.listReports!(id) },
  { method: 'getMedicalCard', call: (a, id) => a.getMedicalCard!(id) },
];

export function departedGroup(t: TestFramework, ctx: SuiteContext): void {
  const departed = ctx.fixtures.departedStudentIds ?? [];
  t.describe('departed pupils', () => {
    t.it('a pupil whose enrolment has ended is unknown to every per-pupil method (SIS_NOT_FOUND)', () =>
      ctx.withAdapter(async (adapter) => {
        for (const id of departed) {
          for (const { method, call } of PER_PUPIL) {
            if (typeof adapter[method] !== 'function') continue;
            await expectNotFound(`${method}(${preview(id)}) for a departed pupil`, () => call(adapter, id));
          }
        }
      }));
  });
}

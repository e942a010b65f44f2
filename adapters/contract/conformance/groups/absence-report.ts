/**
 * Capability 'absences.report': a parent's absence report (ziekmelding) recorded exactly once per
 * idempotency key, and — where the adapter also lists absences — listed for its day from then on.
 * Against a real SIS this writes: run it on an acceptance environment.
 */
import { randomUUID } from 'node:crypto';
import type { AbsenceReport, Clock, SisAdapter } from '../../index.ts';
import { addDays, check, fail, notChecked, preview } from '../checks.ts';
import { reference } from './changes.ts';
import type { SuiteContext } from '../context.ts';
import { unknownIdIsNotFound } from '../traits/not-found.ts';
import type { TestFramework } from '../types.ts';

/** A Wednesday in the next school year: far from the pupil's real absences, a school day everywhere. */
function reportDate(clock: Clock): string {
  const next = new Date(Date.UTC(clock.now().getUTCFullYear() + 1, 9, 1));
  while (next.getUTCDay() !== 3) next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

async function reportFor(ctx: SuiteContext, adapter: SisAdapter, clock: Clock, studentId?: string): Promise<AbsenceReport> {
  const sample = (await ctx.studentIds())[0]!;
  let guardianId = ctx.fixtures.guardianIds?.[0];
  if (ctx.has('guardians')) guardianId = (await adapter.listGuardiansOfStudent!(sample))[0]?.id ?? guardianId;
  if (!guardianId) fail(`no guardian found for pupil ${sample} to sign the report; pass fixtures.guardianIds`);
  return {
    studentId: studentId ?? sample, guardianId, date: reportDate(clock), dayPart: 'morning',
    reason: { code: 'ZIEK', text: 'Ziek' }, authorised: true, note: 'Ouderpoort conformance check',
    reportedAt: clock.now().toISOString(),
  };
}

export function absenceReportGroup(t: TestFramework, ctx: SuiteContext): void {
  t.describe("capability 'absences.report'", () => {
    t.it('reportAbsence: the same idempotency key gives the same reference; another key another one', () =>
      ctx.withAdapter(async (adapter, built) => {
        const report = await reportFor(ctx, adapter, built.clock);
        const key = `conformance-${randomUUID()}`;
        const first = reference(await adapter.reportAbsence!(report, { idempotencyKey: key }), 'reportAbsence');
        const again = reference(await adapter.reportAbsence!(report, { idempotencyKey: key }), 'reportAbsence (same key)');
        check(again === first, `the same idempotencyKey gave reference ${preview(first)}, then ${preview(again)}; a retry must not record twice`);
        const other = reference(await adapter.reportAbsence!({ ...report, dayPart: 'afternoon' }, { idempotencyKey: `conformance-${randomUUID()}` }), 'reportAbsence (new key)');
        check(other !== first, `two different idempotency keys both gave reference ${preview(first)}; each report has its own reference`);
      }));

    if (ctx.has('absences')) {
      t.it('a reported day is listed by listAbsences, once, with its reason code and day part', () =>
        ctx.withAdapter(async (adapter, built) => {
          const report = await reportFor(ctx, adapter, built.clock);
          const key = `conformance-${randomUUID()}`;
          await adapter.reportAbsence!(report, { idempotencyKey: key });
          await adapter.reportAbsence!(report, { idempotencyKey: key });
          // The week around the day: the range rules are judged by the absences group, not here.
          const answer = await adapter.listAbsences!(report.studentId, { from: addDays(report.date, -3), to: addDays(report.date, 3) });
          const listed = answer.filter((a) => a.kind !== 'summary' && a.date === report.date && a.reason?.code === report.reason.code && a.dayPart === report.dayPart);
          if (listed.length === 0) {
            const year = await adapter.listAbsences!(report.studentId, { from: addDays(report.date, -365), to: addDays(report.date, 3) });
            if (year.length > 0 && year.every((a) => a.kind === 'summary')) notChecked('listAbsences answers with period summaries only; a reported day cannot be listed as a dated record');
          }
          check(listed.length === 1, `after reporting ${report.date} (${report.dayPart}) twice under one key, listAbsences gave ${preview(listed)}; expected exactly one record`);
        }));
    }

    unknownIdIsNotFound(t, ctx, 'reportAbsence (unknown pupil)', async (a, id, built) =>
      a.reportAbsence!(await reportFor(ctx, a, built.clock, id), { idempotencyKey: `conformance-${randomUUID()}` }));
  });
}

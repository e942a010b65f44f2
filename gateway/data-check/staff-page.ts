/**
 * /beheer/gegevenscontrole (role administratie): per family — the parents with gezag over the same
 * children — whether each parent confirmed the running data check, sent a correction, opened a
 * correction without sending it (pending: still reminded), chose "later", or has not answered
 * yet, and whether the reminder went out. The page shows parents' and
 * children's names: the look is audited.
 */
import { Router, type Request, type Response } from 'express';
import type { Clock } from '../../adapters/contract/index.ts';
import type { Calendar } from '../policy/calendar-types.ts';
import { auditOperator } from '../routes/operator/audit.ts';
import type { OperatorUser } from '../routes/operator/deps.ts';
import { requireRole } from '../routes/operator/guard.ts';
import { sisNameOrDash } from '../routes/operator/sis-name.ts';
import type { SisService } from '../sis/types.ts';
import type { Store } from '../store/types.ts';
import { activeDataCheck, checkKey } from './active-check.ts';
import type { DataCheckAnswer, DataCheckAnswers } from './answers.ts';

export interface DataCheckStaffDeps {
  store: Store;
  sis: Pick<SisService, 'getGuardian' | 'getStudent'>;
  clock: Clock;
  calendar: () => Calendar;
  answers: DataCheckAnswers;
}

function statusKey(answer: DataCheckAnswer | undefined): string {
  if (answer?.outcome === 'confirmed') return 'dataCheck.staff.confirmed';
  if (answer?.outcome === 'corrected') return 'dataCheck.staff.correction';
  if (answer?.correctionStartedAt) return 'dataCheck.staff.correctionPending';
  if (answer && answer.skips > 0) return 'dataCheck.staff.skipped';
  return 'dataCheck.staff.open';
}

export function createDataCheckStaffRouter(deps: DataCheckStaffDeps): Router {
  const router = Router();
  router.use('/gegevenscontrole', requireRole('administratie'));
  router.get('/gegevenscontrole', async (_req: Request, res: Response) => {
    const operator = res.locals.operator as OperatorUser;
    const event = activeDataCheck(deps.calendar(), deps.clock.now());
    const families = new Map<string, { children: string[]; parents: Array<Record<string, unknown>>; confirmed: boolean }>();
    if (event) {
      const check = checkKey(event);
      const answers = new Map((await deps.answers.listForCheck(check)).map((a) => [a.accountId, a]));
      for (const account of await deps.store.accounts.list()) {
        const children = [...(account.studentIds ?? [])].sort();
        if (account.status !== 'active' || account.scope !== 'full' || children.length === 0) continue;
        const key = children.join('|');
        const family = families.get(key) ?? {
          children: await Promise.all(children.map((id) => sisNameOrDash(() => deps.sis.getStudent(id)))), parents: [], confirmed: true,
        };
        const answer = answers.get(account.id);
        family.parents.push({
          name: await sisNameOrDash(() => deps.sis.getGuardian(account.guardianId)), statusKey: statusKey(answer),
          answeredAt: answer?.answeredAt, skips: answer?.skips ?? 0, reminded: answer?.reminder !== undefined,
        });
        family.confirmed &&= answer?.outcome === 'confirmed';
        families.set(key, family);
      }
    }
    const rows = [...families.values()];
    const html = await new Promise<string>((resolve, reject) => res.render('pages/operator/data-check', {
      layout: 'operator', titleKey: 'dataCheck.staff.title', nav: 'data-check', operator,
      event: event && { id: event.id, at: event.at }, families: rows,
      confirmedCount: rows.filter((f) => f.confirmed).length,
    }, (err, out) => (err ? reject(err) : resolve(out))));
    await auditOperator(deps.store, deps.clock, {
      actor: operator.username, action: 'view', section: 'data-check', requestId: res.locals.requestId, detail: { families: rows.length },
    });
    res.send(html);
  });
  return router;
}

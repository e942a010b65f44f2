/**
 * /beheer/gesprekken (role administratie): the conversation requests, newest first — child, group,
 * the requesting parent, topic, moments offered — and per request a form to note the agreed moment
 * (date and time), which the parent then sees on their page. The list and each planning are audited.
 */
import { Router, type Request, type Response } from 'express';
import { isSisError } from '../../adapters/contract/index.ts';
import type { Clock } from '../../adapters/contract/index.ts';
import { DEFAULT_LOCALE, isLocale } from '../i18n/translate.ts';
import { isLocalDate } from '../policy/local-time.ts';
import { auditOperator } from '../routes/operator/audit.ts';
import type { OperatorUser } from '../routes/operator/deps.ts';
import { requireRole } from '../routes/operator/guard.ts';
import { sisNameOrDash } from '../routes/operator/sis-name.ts';
import { displayName } from '../routes/parent/view-models/person-name.ts';
import type { SisService } from '../sis/types.ts';
import type { Store } from '../store/types.ts';
import { momentText } from './announce.ts';
import type { ConversationRequests } from './requests.ts';

export interface ConversationStaffDeps {
  store: Store;
  sis: Pick<SisService, 'getGuardian' | 'getStudent'>;
  clock: Clock;
  requests: ConversationRequests;
}

const ROUTE = '/gesprekken';
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function createConversationStaffRouter(deps: ConversationStaffDeps): Router {
  const router = Router();
  router.use(ROUTE, requireRole('administratie'));

  router.get(ROUTE, async (req: Request, res: Response) => {
    const operator = res.locals.operator as OperatorUser;
    const locale = isLocale(res.locals.locale) ? res.locals.locale : DEFAULT_LOCALE;
    const rows: Array<Record<string, unknown>> = [];
    const requests = await deps.requests.list();
    for (const r of requests) {
      const student = await deps.sis.getStudent(r.studentId).catch((err: unknown) => {
        if (isSisError(err, 'SIS_NOT_FOUND')) return undefined;
        throw err;
      });
      rows.push({
        id: r.id, reference: r.reference, topic: r.topic, createdAt: r.createdAt, routedKey: `conversations.staff.routed.${r.routedTo}`,
        child: student ? displayName(student.value.name) : '—', group: student?.value.group?.name ?? '',
        parent: await sisNameOrDash(() => deps.sis.getGuardian(r.guardianId)),
        moments: r.moments.map((m) => momentText(locale, m)), planned: r.status === 'planned',
        agreedDate: r.agreed?.slice(0, 10), agreedTime: r.agreed?.slice(11, 16),
      });
    }
    const flash = req.query.melding === 'gepland' ? 'conversations.staff.flashPlanned'
      : req.query.melding === 'ongeldig' ? 'conversations.staff.flashInvalid' : undefined;
    const html = await new Promise<string>((resolve, reject) => res.render('pages/operator/conversations', {
      layout: 'operator', titleKey: 'conversations.staff.title', nav: 'conversations', operator, rows, flash,
    }, (err, out) => (err ? reject(err) : resolve(out))));
    await auditOperator(deps.store, deps.clock, {
      actor: operator.username, action: 'view', section: 'conversations.staff', requestId: res.locals.requestId, detail: { rows: rows.length },
    });
    // The list names each child: one view record per child, as the corrections queue does.
    for (const studentId of new Set(requests.map((r) => r.studentId))) {
      await auditOperator(deps.store, deps.clock, {
        actor: operator.username, action: 'view', section: 'conversations', studentId, requestId: res.locals.requestId, detail: { page: 'gesprekken' },
      });
    }
    res.send(html);
  });

  router.post(`${ROUTE}/:id/afspraak`, async (req: Request, res: Response) => {
    const operator = res.locals.operator as OperatorUser;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const date = typeof body.datum === 'string' ? body.datum.trim() : '';
    const time = typeof body.tijd === 'string' ? body.tijd.trim() : '';
    const id = String(req.params.id ?? '');
    if (!isLocalDate(date) || !TIME.test(time)) return void res.redirect(303, `/beheer${ROUTE}?melding=ongeldig`);
    const planned = await deps.requests.plan(id, `${date}T${time}`, operator.username, res.locals.requestId);
    if (!planned) return void res.status(404).render('errors/404', { layout: 'operator' });
    res.redirect(303, `/beheer${ROUTE}?melding=gepland#${planned.reference}`);
  });
  return router;
}

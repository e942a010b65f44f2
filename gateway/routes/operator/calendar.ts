/**
 * The calendar pages (relative to the /beheer mount): the year at a glance, "what does groep N
 * see on date D", the rules with their edit and remove buttons, and the saved versions. Role
 * administratie sees them; changing needs role beheer (calendar-edit.ts).
 *
 *   GET /kalender                     ?groep=&datum=&tijd= asks what a parent sees (nothing personal)
 *   GET /kalender/geschiedenis        every saved version, with its diff and "restore"
 */
import { Router } from 'express';
import { formatInstant } from '../../calendar-editor/calendar-text.ts';
import type { CalendarEditor } from '../../calendar-editor/editor.ts';
import { RULE_LISTS } from '../../calendar-editor/rule-form.ts';
import { t } from '../../i18n/translate.ts';
import { hasRole } from '../../operators/roles.ts';
import type { Calendar } from '../../policy/calendar-types.ts';
import type { OperatorRouterDeps, OperatorUser } from './deps.ts';
import { requireRole } from './guard.ts';
import { localeOf, patchLines, seeModel, timelineModel } from './calendar-model.ts';
import { createCalendarEditRouter } from './calendar-edit.ts';

const FLASHES = ['saved', 'restored', 'gone'] as const;

function ruleLists(calendar: Calendar) {
  return RULE_LISTS.map((list) => ({
    list, headingKey: `calendar.rules.${list}`, addKey: `calendar.rules.add.${list}`,
    rules: calendar[list].map((rule) => ({ id: rule.id })),
  }));
}

export function createCalendarRouter(deps: OperatorRouterDeps & { calendarEditor: CalendarEditor }): Router {
  const router = Router();
  const editor = deps.calendarEditor;
  const inForce = () => deps.calendar?.current() as Calendar;

  router.get('/kalender', requireRole('administratie'), async (req, res) => {
    const operator = res.locals.operator as OperatorUser;
    const locale = localeOf(res);
    const calendar = inForce();
    const file = await editor.read();
    const head = file.parse.ok ? undefined : file.parse.issues[0];
    const flash = (FLASHES as readonly unknown[]).includes(req.query.melding) ? `calendar.flash.${String(req.query.melding)}` : undefined;
    res.render('pages/operator/calendar', {
      layout: 'operator', titleKey: 'calendar.title', nav: 'calendar', operator, flash,
      canEdit: hasRole(operator.roles, 'beheer'),
      file: editor.file, version: file.version,
      ...(head ? { invalid: { key: head.key, line: head.line ?? '', message: head.message } } : {}),
      timeline: timelineModel(calendar, deps.clock.now(), locale),
      see: seeModel(calendar, req.query as Record<string, unknown>, locale),
      lists: ruleLists(file.parse.ok ? file.parse.calendar : calendar),
    });
  });

  router.get('/kalender/geschiedenis', requireRole('administratie'), async (_req, res) => {
    const operator = res.locals.operator as OperatorUser;
    const locale = localeOf(res);
    const current = await editor.read();
    const versions = (await editor.history.list()).map((v) => ({
      id: v.id,
      heading: v.action === 'found' ? t(locale, 'calendar.history.foundVersion', { date: formatInstant(v.at, locale) }) : t(locale, 'calendar.history.version', {
        action: t(locale, `calendar.history.action.${v.action}`),
        actor: v.actor === 'file' ? t(locale, 'calendar.history.fileActor') : v.actor,
        date: formatInstant(v.at, locale),
      }),
      summary: v.summary,
      current: v.hash === current.version,
      patch: patchLines(v.patch),
    }));
    res.render('pages/operator/calendar-history', {
      layout: 'operator', titleKey: 'calendar.history.title', nav: 'calendar', operator,
      canEdit: hasRole(operator.roles, 'beheer'), versions, version: current.version,
    });
  });

  router.use(createCalendarEditRouter({ ...deps, calendarEditor: editor }));
  return router;
}

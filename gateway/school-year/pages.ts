/**
 * /schooljaar (section `school-year`): the school year for this parent — whole-school entries and
 * those of their children's groups — and a link to the public feed. The section is open when the
 * calendar opens it for at least one of the parent's children. It shows no child data beyond the
 * groups it filters by; each child it filtered for is recorded as a view (section school-year).
 *
 * /schooljaar.ics is public: mounted before sessions, it sets no cookie, needs no login and holds
 * no personal data (schoolYear.feed switches it off).
 */
import { Router, type Request, type Response } from 'express';
import type { Clock } from '../../adapters/contract/index.ts';
import type { Config } from '../config/index.ts';
import { DEFAULT_LOCALE, isLocale } from '../i18n/translate.ts';
import { linkBase } from '../mail/create-mailer.ts';
import type { CalendarSource } from '../policy/index.ts';
import { auditView } from '../privacy/audit-view.ts';
import { studentOrNothing, viewerFamily } from '../routes/parent/child-context.ts';
import type { ParentRouterDeps } from '../routes/parent/deps.ts';
import { parentPage, renderToString } from '../routes/parent/render.ts';
import { sectionState, showable, withinGrant } from '../routes/parent/section-policy.ts';
import { forGroups, schoolYearEntries } from './entries.ts';
import { schoolYearFeed } from './ical-feed.ts';
import { weakEtag } from '../http/etag.ts';

export const SCHOOL_YEAR_PATH = '/schooljaar';
export const FEED_PATH = '/schooljaar.ics';

export type SchoolYearDeps = Pick<ParentRouterDeps, 'sis' | 'store' | 'clock' | 'logger' | 'policy'> & {
  config: Pick<Config, 'schoolYear' | 'school' | 'server'>;
  calendar: Pick<CalendarSource, 'current'>;
};

export function createSchoolYearRouter(deps: SchoolYearDeps): Router {
  const router = Router();
  router.get(SCHOOL_YEAR_PATH, parentPage(deps.logger, async (_req: Request, res: Response, user) => {
    const { studentIds } = await viewerFamily(deps, user);
    const groups = new Set<number>();
    const seen: string[] = [];
    let open = false;
    let closedState;
    for (const studentId of studentIds) {
      const student = await studentOrNothing(deps, studentId);
      if (!student) continue;
      const jaargroep = student.value.jaargroep;
      const state = withinGrant(await sectionState(deps.policy, deps.sis.capabilities, 'school-year', jaargroep), user, 'school-year');
      if (!showable(state)) {
        closedState ??= state;
        continue;
      }
      open = true;
      seen.push(studentId);
      for (const g of student.value.group?.jaargroepen ?? (jaargroep !== undefined ? [jaargroep] : [])) groups.add(g);
    }
    const locale = isLocale(res.locals.locale) ? res.locals.locale : DEFAULT_LOCALE;
    if (!open) {
      const closures = [{
        sectionKey: 'section.school-year', reason: closedState?.reason?.[locale], reopensOn: closedState?.reopensOn, notOffered: false,
      }];
      res.status(403).send(await renderToString(res, 'pages/school-year', { nav: 'school-year', titleKey: 'schoolYear.title', closures }));
      return;
    }
    const entries = forGroups(schoolYearEntries(deps.config, deps.calendar.current()), groups).map((e) => ({
      ...e, text: e.title[locale], kindKey: `schoolYear.kinds.${e.kind}`, oneDay: e.from === e.until,
      groupsText: e.groups?.join(', '),
    }));
    const html = await renderToString(res, 'pages/school-year', {
      nav: 'school-year', titleKey: 'schoolYear.title', entries,
      feedUrl: deps.config.schoolYear.feed ? `${linkBase(deps.config)}${FEED_PATH}` : undefined,
    });
    for (const studentId of seen) {
      await auditView(deps.store, deps.clock, { accountId: user.accountId, studentId, section: 'school-year', requestId: res.locals.requestId });
    }
    res.send(html);
  }));
  return router;
}

/** The public feed; mount before sessions so it never sets or reads a cookie. */
export function createSchoolYearFeedRouter(deps: { config: SchoolYearDeps['config']; calendar: Pick<CalendarSource, 'current'>; clock: Clock }): Router {
  const router = Router();
  if (!deps.config.schoolYear.feed) return router;
  router.get(FEED_PATH, (_req: Request, res: Response) => {
    const body = schoolYearFeed(schoolYearEntries(deps.config, deps.calendar.current()), {
      schoolName: deps.config.school.name, locale: deps.config.school.locale,
      host: new URL(linkBase(deps.config)).hostname, timeZone: deps.config.school.timezone, now: deps.clock.now(),
    });
    // General school information, the same for everyone: a phone may cache it for an hour.
    res.set({ 'Cache-Control': 'public, max-age=3600', ETag: weakEtag(body) });
    res.type('text/calendar; charset=utf-8').send(body);
  });
  return router;
}

/**
 * GET /privacy: who is responsible, the FG, where the data comes from, the retention table and the
 * parent's rights — from config `privacy` (with defaults from `school`) and the same retention
 * table the nightly purge applies (gateway/retention/retention-table.ts). Readable without logging
 * in (it is linked from every page's footer, the login page's too). No child data: no audit.
 */
import { Router, type Request, type Response } from 'express';
import type { Config } from '../../config/index.ts';
import { DEFAULT_LOCALE, isLocale, t, type Locale } from '../../i18n/translate.ts';
import { periodDays, retentionTable } from '../../retention/retention-table.ts';

type PrivacyConfig = Pick<Config, 'privacy' | 'school' | 'retention' | 'audit' | 'changes' | 'absences' | 'leave' | 'auth' | 'conversations' | 'dataCheck'>;

export function privacyPageModel(config: PrivacyConfig, locale: Locale) {
  const { privacy, school, auth } = config;
  const rows = retentionTable(config).map((row) => ({
    what: t(locale, `privacyPage.rows.${row.id}.what`),
    why: t(locale, `privacyPage.rows.${row.id}.why`),
    howLong: row.periodMs !== undefined
      ? t(locale, `privacyPage.rows.${row.id}.period`, { days: periodDays(row.periodMs) })
      : t(locale, `privacyPage.rows.${row.id}.rule`, { idle: Math.round(auth.sessionIdle / 60_000), absolute: Math.round(auth.sessionAbsolute / 3_600_000) }),
  }));
  return {
    controller: privacy.controller ?? school.name,
    contactEmail: privacy.contactEmail ?? school.supportEmail,
    dpo: privacy.dpo,
    intro: (privacy.intro ?? []).map((text) => text[locale]),
    rows,
  };
}

export function createPrivacyRouter(config: PrivacyConfig): Router {
  const router = Router();
  router.get('/privacy', (req: Request, res: Response) => {
    const locale = isLocale(res.locals.locale) ? res.locals.locale : DEFAULT_LOCALE;
    res.render('pages/privacy', {
      ...(req.user ? { nav: 'privacy' } : { layout: 'public' }),
      titleKey: 'privacyPage.title', privacy: privacyPageModel(config, locale), loggedIn: req.user !== undefined,
    });
  });
  return router;
}

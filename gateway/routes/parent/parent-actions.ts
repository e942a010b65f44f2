/** The parent router's dependencies for what parents send the school besides corrections: absence reports and leave. */
import { localDateOf } from '../../policy/local-time.ts';
import type { Services } from '../../services.ts';
import type { ParentRouterDeps } from './deps.ts';

export function parentActions(services: Pick<Services, 'config' | 'clock' | 'absenceReports' | 'leave'>): Pick<ParentRouterDeps, 'absenceReports' | 'leave'> {
  const { config, clock } = services;
  const today = () => localDateOf(clock.now(), config.school.timezone);
  const { schoolDays } = services.absenceReports;
  return {
    absenceReports: {
      reports: services.absenceReports.reports, schoolDays, today,
      settings: {
        cutoff: config.absences.reportCutoff, aheadDays: config.absences.reportAheadDays, reasons: config.absences.reportReasons,
        locale: config.school.locale, ...(config.school.contact?.phone ? { phone: config.school.contact.phone } : {}),
      },
    },
    leave: { requests: services.leave, schoolDays, today },
  };
}

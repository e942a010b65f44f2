/**
 * The absence-report feature as the service graph builds it: the report store and its outbox
 * handler (kind "absence-report") with the SIS route and the mail fallback to the child's teacher
 * or the administration.
 */
import type { AdapterLogger, Clock, SisAdapter } from '../../adapters/contract/index.ts';
import type { Config } from '../config/index.ts';
import type { MailSender } from '../mail/types.ts';
import { createSeal, type DeliveryHandler, type Outbox } from '../outbox/index.ts';
import { createSchoolDays, type SchoolDays } from '../school-days/index.ts';
import type { Store } from '../store/types.ts';
import { createAbsenceDeliveryHandler } from './delivery-handler.ts';
import { createAbsenceReports, type AbsenceReports, type SealedAbsencePayload } from './reports.ts';
import type { AbsenceReportPayload } from './types.ts';

export interface AbsenceReportFeature {
  reports: AbsenceReports;
  handler: DeliveryHandler<SealedAbsencePayload>;
  schoolDays: SchoolDays;
}

export function createAbsenceReportFeature(deps: {
  config: Pick<Config, 'absences' | 'changes' | 'school' | 'server'>;
  store: Store; outbox: Outbox; clock: Clock; logger: Pick<AdapterLogger, 'warn' | 'error'>;
  sis: Pick<SisAdapter, 'reportAbsence'>;
  mailer: () => MailSender | undefined;
  kick: () => void;
  forgetAbsences: (studentId: string) => Promise<unknown>;
  sealSecret: string;
}): AbsenceReportFeature {
  const { config } = deps;
  const seal = createSeal<AbsenceReportPayload>(deps.sealSecret, 'absence-seal-v1');
  const reports = createAbsenceReports({ store: deps.store, outbox: deps.outbox, clock: deps.clock, logger: deps.logger, seal, kick: deps.kick });
  const to = config.absences.administrationEmail ?? config.changes.administrationEmail ?? config.school.supportEmail;
  const handler = createAbsenceDeliveryHandler({
    sis: deps.sis, reports, seal, forgetAbsences: deps.forgetAbsences,
    mailRoute: () => {
      const sender = deps.mailer();
      if (!sender) return undefined;
      return {
        sender, ...(to ? { administration: to } : {}), locale: config.school.locale, schoolName: config.school.name,
        ...(config.server.publicUrl ? { messageIdHost: new URL(config.server.publicUrl).hostname } : {}),
      };
    },
  });
  return { reports, handler, schoolDays: createSchoolDays(config.school.holidays, config.school.timezone) };
}

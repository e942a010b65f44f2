/**
 * The outbox handler for kind "absence-report": through the SIS's reportAbsence where the stack
 * has `absences.report` (the delivery key is the idempotency key: a retry after a crash records
 * nothing twice), otherwise as an e-mail to the child's teacher (the address the SIS gave when the
 * report was made), or to the administration when there is none; staff see every report on
 * /beheer/ziekmeldingen either way. Failures are treated as a correction's (sisFailure). The
 * payload is opened only here; one that no longer opens is rebuilt from the record.
 */
import type { SisAdapter } from '../../adapters/contract/index.ts';
import { sisFailure } from '../changes/delivery-handler.ts';
import type { MailSender } from '../mail/types.ts';
import { DeliveryError, type DeliveryHandler, type OutboxItem, type Seal } from '../outbox/index.ts';
import { teacherOrAdministration } from '../school/recipient.ts';
import { absenceMail, type AbsenceMailOptions } from './mail.ts';
import { absencePayloadOf, type AbsenceReports, type SealedAbsencePayload } from './reports.ts';
import type { AbsenceReportPayload } from './types.ts';

export interface AbsenceMailRoute extends Omit<AbsenceMailOptions, 'deliveryKey' | 'to'> {
  sender: MailSender;
  /** absences.administrationEmail (or its fallbacks): where a report without a teacher address goes. */
  administration?: string;
}

export interface AbsenceDeliveryDeps {
  sis: Pick<SisAdapter, 'reportAbsence'>;
  reports: Pick<AbsenceReports, 'markDelivered' | 'get'>;
  seal: Seal<AbsenceReportPayload>;
  mailRoute: () => AbsenceMailRoute | undefined;
  /** After the SIS has it: the pupil's cached absences are asked again, so the parent sees the SIS's record. */
  forgetAbsences?: (studentId: string) => Promise<unknown>;
}

async function openPayload(item: OutboxItem<SealedAbsencePayload>, deps: AbsenceDeliveryDeps): Promise<AbsenceReportPayload> {
  try {
    return deps.seal.open(item.payload.sealed, item.id);
  } catch (err) {
    const record = typeof item.payload?.reportId === 'string' ? await deps.reports.get(item.payload.reportId) : undefined;
    if (record?.deliveryKey === item.id) return absencePayloadOf(record);
    throw new DeliveryError('ABSENCE_SEAL_UNREADABLE', { permanent: true, cause: err });
  }
}

export function createAbsenceDeliveryHandler(deps: AbsenceDeliveryDeps): DeliveryHandler<SealedAbsencePayload> {
  return async (item): Promise<Record<string, string>> => {
    const payload = await openPayload(item, deps);
    if (deps.sis.reportAbsence) {
      let reference: string;
      try {
        ({ reference } = await deps.sis.reportAbsence(payload.report, { idempotencyKey: item.id }));
      } catch (err) {
        throw sisFailure(err, 'reportAbsence');
      }
      await deps.reports.markDelivered(payload.reportId, { via: 'sis', reference });
      await deps.forgetAbsences?.(payload.report.studentId);
      return { via: 'sis', reference };
    }
    const route = deps.mailRoute();
    const recipient = route && teacherOrAdministration(payload.teacherEmail, route.administration);
    if (!route || !recipient) throw new DeliveryError('NO_DELIVERY_ROUTE: the SIS cannot take absence reports and no mail is set up', { permanent: true });
    const { sender, locale, schoolName, messageIdHost } = route;
    const { messageId } = await sender.send(absenceMail(payload, {
      to: recipient.to, locale, schoolName, deliveryKey: item.id, ...(messageIdHost ? { messageIdHost } : {}),
    }));
    await deps.reports.markDelivered(payload.reportId, { via: 'mail', routedTo: recipient.routedTo });
    return { via: 'mail', routedTo: recipient.routedTo, messageId };
  };
}

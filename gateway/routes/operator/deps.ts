/** What the operator pages are built from. */
import type { Router } from 'express';
import type { AdapterLogger, Clock } from '../../../adapters/contract/index.ts';
import type { ReissueDeps } from '../../accounts/reissue.ts';
import type { AbsenceReports } from '../../absence-report/reports.ts';
import type { LeaveRequests } from '../../leave/requests.ts';
import type { CalendarEditor } from '../../calendar-editor/editor.ts';
import type { ChangeRequests } from '../../changes/change-requests.ts';
import type { OperatorDirectory, OperatorSessionLimits } from '../../operators/index.ts';
import type { StaffOidc } from '../../operators/oidc/staff-oidc.ts';
import type { StaffRole } from '../../operators/roles.ts';
import type { Outbox } from '../../outbox/index.ts';
import type { CalendarSource } from '../../policy/index.ts';
import type { SisService } from '../../sis/types.ts';
import type { PlatformHealth } from '../../health/platform-health.ts';
import type { Store } from '../../store/types.ts';
import type { SecondFactor } from '../../auth/second-factor/index.ts';
import type { SecurityEventRecorder } from '../../security-events/index.ts';

export interface OperatorRouterDeps {
  operators: OperatorDirectory;
  changes: ChangeRequests;
  outbox: Outbox;
  store: Store;
  /** Names of parents and children for the accounts pages (through the cache). */
  sis: Pick<SisService, 'getGuardian' | 'getStudent' | 'getMedicalCard' | 'listGuardiansOfStudent' | 'health'>;
  clock: Clock;
  logger: Pick<AdapterLogger, 'info' | 'warn' | 'error'>;
  limits: OperatorSessionLimits;
  /** The school's identity provider (operators.oidc); absent when not configured. */
  oidc?: StaffOidc;
  /** The break-glass login with config accounts (operators.localLogin). */
  localLogin: boolean;
  /** The mail transport config names (smtp, file), for the status page. */
  mailTransport?: string;
  /** For the status page; without it the page shows no calendar sections. */
  calendar?: CalendarSource;
  /** For the calendar pages (gateway/calendar-editor); without it /beheer/kalender is not there. */
  calendarEditor?: CalendarEditor;
  /** Asks the delivery worker for a pass (after a parked item is sent again, an invitation re-issued). */
  kick?: () => void;
  /** Parents' second factor: shown and reset on the accounts page (issue-13's module). */
  secondFactor: SecondFactor;
  securityEvents: SecurityEventRecorder;
  /** Store and SIS circuit health for the status page (gateway/health). */
  health?: () => PlatformHealth;
  /** Parents' absence reports, for /beheer/ziekmeldingen; without it the page is not there. */
  absenceReports?: AbsenceReports;
  /** Parents' leave requests, for /beheer/verlof; without it the page is not there. */
  leave?: LeaveRequests;
  /** What re-issuing an invitation needs (gateway/accounts/reissue.ts): createApp passes the services. */
  invitations: ReissueDeps;
  /** Features' own staff pages (conversations, data check), mounted behind the guard. */
  staffPages?: Router[];
}

/** The logged-in operator, as the guard puts it on res.locals.operator. */
export interface OperatorUser {
  username: string;
  name: string;
  roles: StaffRole[];
  /** How they logged in: a config account (break-glass) or the school's identity provider. */
  via?: 'local' | 'oidc';
}

/** What the parent router is built from (route modules take their services as arguments). */
import type { AdapterLogger, Clock } from '../../../adapters/contract/index.ts';
import type { ReportReason } from '../../absence-report/form.ts';
import type { AbsenceReports } from '../../absence-report/reports.ts';
import type { Locale } from '../../i18n/translate.ts';
import type { LeaveRequests } from '../../leave/requests.ts';
import type { SchoolDays } from '../../school-days/index.ts';
import type { ChangeFieldGroup } from '../../changes/change-form.ts';
import type { ChangeRequests } from '../../changes/change-requests.ts';
import type { ChildHandles } from '../../privacy/child-handles.ts';
import type { ResultsStory } from '../../results/story.ts';
import type { SisService } from '../../sis/types.ts';
import type { Store } from '../../store/types.ts';
import type { PortalText } from './portal-text.ts';
import type { SectionPolicy } from './section-policy.ts';

export type ParentRouterLogger = Pick<AdapterLogger, 'info' | 'warn' | 'error'>;

export interface ParentRouterDeps {
  sis: SisService;
  store: Store;
  clock: Clock;
  logger: ParentRouterLogger;
  portal: PortalText;
  handles: ChildHandles;
  /** The school's level scale, level bands and glossary (config `results`, gateway/results/story.ts). */
  results: ResultsStory;
  /** The calendar; when absent every section is open. */
  policy?: SectionPolicy;
  /** Corrections by parents (section 'changes'); without it the form and its status list are left out. */
  changes?: { requests: ChangeRequests; fields: readonly ChangeFieldGroup[] };
  /** Absence reports by parents (section 'absence-report'); without it the form is not there. */
  absenceReports?: {
    reports: AbsenceReports;
    schoolDays: SchoolDays;
    /** Today's local date in the school's time zone. */
    today: () => string;
    settings: { cutoff: string; aheadDays: number; reasons: readonly ReportReason[]; phone?: string; locale: Locale };
  };
  /** Leave requests by parents (section 'leave'); without it the form is not there. */
  leave?: { requests: LeaveRequests; schoolDays: SchoolDays; today: () => string };
  /** The largest report document a download streams (bytes); default 10 MiB. */
  documentMaxBytes?: number;
  /** The school's address for parents' questions (school.supportEmail), named where the portal cannot help. */
  schoolEmail?: string;
}

/**
 * The one table of what the portal keeps, why, and for how long (DESIGN §5a). The nightly purge
 * (purge.ts) applies it and the privacy page shows it, both from this table, so they cannot drift.
 * A row's period is a configured duration or a rule ("until it expires"); text comes from the
 * i18n catalog (retention.<id>.what / why / rule).
 */
import type { Config } from '../config/index.ts';

export const RETENTION_ROWS = [
  'accounts', 'sessions', 'cache', 'medical', 'reports', 'links', 'corrections', 'absenceReports', 'leave', 'mail', 'parkedMail',
  'notifications', 'calendarVersions', 'audit', 'conversations', 'dataChecks',
] as const;
export type RetentionRowId = (typeof RETENTION_ROWS)[number];

export interface RetentionRow {
  id: RetentionRowId;
  /** The configured period, when the row has one. */
  periodMs?: number;
  /** The config key that sets it (shown to staff, documented in config/README.md). */
  configKey?: string;
}

type RetentionConfig = Pick<Config, 'retention' | 'audit' | 'changes' | 'absences' | 'leave' | 'conversations' | 'dataCheck'>;

export function retentionTable(config: RetentionConfig): RetentionRow[] {
  const periods: Partial<Record<RetentionRowId, [number, string]>> = {
    accounts: [config.retention.disabledAccounts, 'retention.disabledAccounts'],
    cache: [config.retention.cacheUnused, 'retention.cacheUnused'],
    // The medical card is a cached record like the others: the same purge, the same period.
    medical: [config.retention.cacheUnused, 'retention.cacheUnused'],
    corrections: [config.changes.retention, 'changes.retention'],
    absenceReports: [config.absences.retention, 'absences.retention'],
    leave: [config.leave.retention, 'leave.retention'],
    mail: [config.retention.deliveredMail, 'retention.deliveredMail'],
    parkedMail: [config.retention.parkedMail, 'retention.parkedMail'],
    notifications: [config.retention.notifications, 'retention.notifications'],
    calendarVersions: [config.retention.calendarVersions, 'retention.calendarVersions'],
    audit: [config.audit.retention, 'audit.retention'],
    conversations: [config.conversations.retention, 'conversations.retention'],
    dataChecks: [config.dataCheck.retention, 'dataCheck.retention'],
  };
  return RETENTION_ROWS.map((id) => {
    const period = periods[id];
    return period ? { id, periodMs: period[0], configKey: period[1] } : { id };
  });
}

/** Whole days, for the page ("365 dagen"). */
export function periodDays(ms: number): number {
  return Math.round(ms / 86_400_000);
}

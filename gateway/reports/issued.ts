/**
 * A report is shown from its issue date on (Gibbon's "go live" date), by the local date in the
 * calendar's time zone; one announced for later does not exist for parents yet.
 */
import type { ReportCard } from '../../adapters/contract/index.ts';

/** Issued on or before `localDay`, newest first. */
export function issuedReports(reports: readonly ReportCard[], localDay: string): ReportCard[] {
  return reports.filter((r) => r.issuedOn <= localDay).reverse();
}

/** A file name without personal data: "rapport-2026-2027-rapport-2.pdf". */
export function reportFileName(report: Pick<ReportCard, 'schoolYear' | 'period' | 'contentType'>): string {
  const period = report.period.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'rapport';
  const extension = report.contentType === 'application/pdf' ? 'pdf' : 'bin';
  return `rapport-${report.schoolYear}-${period}.${extension}`;
}

/**
 * The whole configuration schema, assembled from one module per top-level section.
 * To add a section: write sections/<name>.ts, add it below, give every key a default in
 * config/default.yaml and an entry in config/README.md (a unit test checks both).
 */
import { z } from 'zod';
import { absencesSection } from './sections/absences.ts';
import { authSection } from './sections/auth.ts';
import { cacheSection } from './sections/cache.ts';
import { calendarSection } from './sections/calendar.ts';
import { changesSection } from './sections/changes.ts';
import { demoSection } from './sections/demo.ts';
import { leaveSection } from './sections/leave.ts';
import { logSection } from './sections/log.ts';
import { mailSection } from './sections/mail.ts';
import { metricsSection } from './sections/metrics.ts';
import { operatorsSection } from './sections/operators.ts';
import { outboxSection } from './sections/outbox.ts';
import { conversationsSection, dataCheckSection, schoolYearSection } from './sections/parent-actions.ts';
import { portalSection } from './sections/portal.ts';
import { privacySection } from './sections/privacy.ts';
import { resultsSection } from './sections/results.ts';
import { auditSection, retentionSection } from './sections/retention.ts';
import { schoolSection } from './sections/school.ts';
import { serverSection } from './sections/server.ts';
import { sisSection } from './sections/sis.ts';
import { storeSection } from './sections/store.ts';

export const configSections = {
  school: schoolSection,
  server: serverSection,
  sis: sisSection,
  cache: cacheSection,
  store: storeSection,
  log: logSection,
  metrics: metricsSection,
  auth: authSection,
  calendar: calendarSection,
  outbox: outboxSection,
  changes: changesSection,
  absences: absencesSection,
  leave: leaveSection,
  operators: operatorsSection,
  mail: mailSection,
  portal: portalSection,
  results: resultsSection,
  demo: demoSection,
  retention: retentionSection,
  audit: auditSection,
  privacy: privacySection,
  conversations: conversationsSection,
  dataCheck: dataCheckSection,
  schoolYear: schoolYearSection,
};

// Strict at every level: a misspelt key is an error, not a silently ignored setting.
export const configSchema = z.strictObject(configSections);

export type ConfigInput = z.input<typeof configSchema>;
export type ConfigValues = z.output<typeof configSchema>;

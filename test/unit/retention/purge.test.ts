/**
 * The nightly purge (issue #15, item 2): with an injected clock, one run removes exactly what the
 * retention table says — and nothing else — and a second run removes nothing more.
 */
import { expect } from 'chai';
import pino from 'pino';
import { Writable } from 'node:stream';
import type { LinkTokenDoc } from '../../../gateway/auth/link-token.ts';
import { RESET_TOKENS_COLLECTION } from '../../../gateway/auth/password-reset.ts';
import { UNDO_TOKENS_COLLECTION } from '../../../gateway/account-safety/change-notice.ts';
import { SECOND_FACTORS_COLLECTION, type SecondFactorDoc } from '../../../gateway/auth/second-factor/index.ts';
import { HISTORY_COLLECTION, type CalendarVersion } from '../../../gateway/calendar-editor/history.ts';
import { PREFS_COLLECTION, type NotificationPrefs } from '../../../gateway/notifications/prefs.ts';
import { ABSENCE_REPORTS_COLLECTION } from '../../../gateway/absence-report/reports.ts';
import type { AbsenceReportRecord } from '../../../gateway/absence-report/types.ts';
import { LEAVE_REQUESTS_COLLECTION } from '../../../gateway/leave/requests.ts';
import type { LeaveRequest } from '../../../gateway/leave/types.ts';
import { CHANGE_REQUESTS_COLLECTION, type ChangeRequest } from '../../../gateway/changes/index.ts';
import { loadConfig } from '../../../gateway/config/index.ts';
import { CONVERSATIONS_COLLECTION } from '../../../gateway/conversations/index.ts';
import { DATA_CHECK_ANSWERS_COLLECTION } from '../../../gateway/data-check/index.ts';
import { EMAIL_CONFIRMATIONS_COLLECTION, type EmailConfirmationDoc } from '../../../gateway/notifications/email-change.ts';
import { NOTIFICATIONS_COLLECTION, type PendingNotification } from '../../../gateway/notifications/notify.ts';
import { createOutbox, type Outbox } from '../../../gateway/outbox/index.ts';
import { lastPurge, runPurge, type PurgeDeps } from '../../../gateway/retention/purge.ts';
import { retentionTable } from '../../../gateway/retention/retention-table.ts';
import { createMemoryStore } from '../../../gateway/store/memory-store.ts';
import type { Account, Store } from '../../../gateway/store/types.ts';
import { manualClock, type ManualClock } from '../../support/clock.ts';

const T0 = '2027-03-01T10:00:00.000Z';
/** 45 days later. */
const RUN = '2027-04-15T01:30:00.000Z';
const RECENT = '2027-04-14T10:00:00.000Z';

const config = loadConfig({
  file: 'config/demo.yaml', env: {},
  values: {
    retention: { cacheUnused: '10d', deliveredMail: '5d', notifications: '20d', parkedMail: '20d', disabledAccounts: '30d', calendarVersions: '30d' },
    audit: { retention: '40d' },
    changes: { retention: '30d' },
    conversations: { retention: '30d' },
    dataCheck: { retention: '30d' },
  },
});

function absence(id: string, date: string): AbsenceReportRecord {
  return {
    id, reference: `ZM-${id}`, deliveryKey: `absence-${id}`, studentId: 'S1', accountId: 'A1', guardianId: 'G1', date, dayPart: 'day',
    reasonCode: 'ZIEK', reasonText: 'Ziek', authorised: true, studentName: 'Kind', guardianName: 'Ouder', groupName: 'Groep 5', reportedAt: T0,
  };
}

function leaveRequest(id: string, to: string): LeaveRequest {
  return {
    id, reference: `VL-${id}`, accountId: 'A1', guardianId: 'G1', studentId: 'S1', studentName: 'Kind', guardianName: 'Ouder',
    groupName: 'Groep 5', from: to, to, schoolDays: 1, reason: 'bruiloft', status: 'submitted', submittedAt: '2025-08-01T10:00:00.000Z', updatedAt: T0,
  };
}

function account(id: string, guardianId: string, studentIds: string[], status: Account['status'], disabledAt?: string): Account {
  return {
    id, guardianId, username: id, mustChangePassword: false, status, scope: 'full', createdAt: T0, updatedAt: T0, studentIds,
    ...(disabledAt ? { disabledAt, disabledReason: studentIds.length > 0 ? 'operator' : 'left' } : {}),
  };
}

function request(id: string, status: ChangeRequest['status'], at: string): ChangeRequest {
  return {
    id, reference: `WZ-${id}`, deliveryKey: `delivery-${id}`, accountId: 'A1', guardianId: 'G1', studentId: 'S1',
    studentName: 'Kind', guardianName: 'Ouder', groupName: 'Groep 5', fields: [{ field: 'guardian.phone', new: '06 12345678' }],
    status, submittedAt: T0, updatedAt: at, history: [{ at: T0, status: 'submitted', by: 'parent' }, { at, status, by: 'operator' }],
  };
}

describe('retention: the nightly purge', () => {
  let store: Store;
  let clock: ManualClock;
  let outbox: Outbox;
  let log: string;
  let deps: PurgeDeps;

  async function delivered(id: string, kind: string, at: string): Promise<void> {
    const { item } = await outbox.enqueue({ id, kind, payload: { sealed: 'v1.x.y.z' } });
    await outbox.save({ ...item, status: 'delivered', deliveredAt: at, updatedAt: at });
  }

  beforeEach(async () => {
    store = createMemoryStore();
    await store.open();
    clock = manualClock(T0);
    outbox = createOutbox(store, clock);
    log = '';
    const logger = pino({ level: 'info' }, new Writable({ write(chunk, _e, cb) { log += String(chunk); cb(); } }));
    deps = { config, store, outbox, clock, logger, forgetStudent: (id) => store.cache.deleteByStudent(id) };

    await store.accounts.create(account('A1', 'G1', ['S1'], 'active'));
    // Disabled by an operator long ago while the child is still at school: kept (a new account would be invited).
    await store.accounts.create(account('A2', 'G2', ['S2'], 'disabled', T0));
    // Disabled when the last child left: 45 days ago (deleted, with everything of its own), yesterday (kept).
    await store.accounts.create(account('A3', 'G3', [], 'disabled', T0));
    await store.accounts.create(account('A4', 'G4', [], 'disabled', RECENT));
    await store.sessions.set({ sid: 'a3-live', accountId: 'A3', data: {}, expiresAt: '2027-04-15T12:00:00.000Z' });
    await store.collection<LinkTokenDoc>(RESET_TOKENS_COLLECTION).put({ id: 'a3-valid', accountId: 'A3', createdAt: RECENT, expiresAt: '2027-04-15T11:00:00.000Z' });
    await store.collection<PendingNotification>(NOTIFICATIONS_COLLECTION).put({ id: 'A3:new', accountId: 'A3', topic: 'results', kind: 'results-opened', studentId: 'S9', createdAt: RECENT });
    await store.collection<NotificationPrefs>(PREFS_COLLECTION).put({ id: 'A3', topics: ['results'], updatedAt: T0 });
    await store.collection<NotificationPrefs>(PREFS_COLLECTION).put({ id: 'A4', topics: ['results'], updatedAt: T0 });
    await store.collection<SecondFactorDoc>(SECOND_FACTORS_COLLECTION).put({ id: 'parent:A3', enrolledAt: T0 });
    await store.collection<SecondFactorDoc>(SECOND_FACTORS_COLLECTION).put({ id: 'parent:A4', enrolledAt: T0 });

    // Sessions: one expired by the run, one not.
    await store.sessions.set({ sid: 'old', accountId: 'A1', data: {}, expiresAt: '2027-03-01T22:00:00.000Z' });
    await store.sessions.set({ sid: 'live', accountId: 'A1', data: {}, expiresAt: '2027-04-15T12:00:00.000Z' });

    // Links: used, expired, and still valid; the confirmation holds a new address in plaintext.
    const resets = store.collection<LinkTokenDoc>(RESET_TOKENS_COLLECTION);
    await resets.put({ id: 'used', accountId: 'A1', createdAt: RECENT, expiresAt: '2027-04-15T11:00:00.000Z', usedAt: RECENT });
    await resets.put({ id: 'expired', accountId: 'A1', createdAt: T0, expiresAt: '2027-03-01T11:00:00.000Z' });
    await resets.put({ id: 'valid', accountId: 'A1', createdAt: RECENT, expiresAt: '2027-04-15T11:00:00.000Z' });
    const confirmations = store.collection<EmailConfirmationDoc>(EMAIL_CONFIRMATIONS_COLLECTION);
    await confirmations.put({ id: 'expired-confirm', accountId: 'A1', createdAt: T0, expiresAt: '2027-03-02T10:00:00.000Z', email: 'nieuw@voorbeeld.nl' });
    // An undo link holds the address before a change: expired, it goes like the others.
    await store.collection<LinkTokenDoc>(UNDO_TOKENS_COLLECTION).put({ id: 'expired-undo', accountId: 'A1', createdAt: T0, expiresAt: '2027-03-08T10:00:00.000Z' });
    await confirmations.put({ id: 'valid-confirm', accountId: 'A1', createdAt: RECENT, expiresAt: '2027-04-15T10:00:00.000Z', email: 'ander@voorbeeld.nl' });

    // Cache: listed and used (kept); listed but unused (aged out); of a child and a guardian no active account lists.
    await store.cache.set({ key: 'student:S1', kind: 'student', studentId: 'S1', value: {}, storedAt: RECENT });
    await store.cache.set({ key: 'absences:S1', kind: 'absences', studentId: 'S1', value: [], storedAt: T0 });
    await store.cache.set({ key: 'guardian:G1', kind: 'guardian', guardianId: 'G1', value: {}, storedAt: RECENT });
    await store.cache.set({ key: 'student:S2', kind: 'student', studentId: 'S2', value: {}, storedAt: RECENT });
    await store.cache.set({ key: 'guardian:G2', kind: 'guardian', guardianId: 'G2', value: {}, storedAt: RECENT });
    await store.cache.set({ key: 'guardiansOfStudent:S3', kind: 'guardiansOfStudent', studentId: 'S3', value: [], storedAt: RECENT });

    // Corrections: decided and delivered long ago (deleted), still open (kept).
    const requests = store.collection<ChangeRequest>(CHANGE_REQUESTS_COLLECTION);
    await requests.put(request('decided', 'processed', T0));
    await delivered('delivery-decided', 'change', T0);
    await requests.put(request('open', 'in_progress', T0));
    await delivered('delivery-open', 'change', T0);

    // Mail: delivered long ago (deleted), delivered yesterday (kept), parked long ago (kept for an operator).
    await delivered('mail-old', 'mail', T0);
    await delivered('mail-new', 'mail', RECENT);
    const { item: parked } = await outbox.enqueue({ id: 'mail-parked', kind: 'mail', payload: { sealed: 'v1.x.y.z' } });
    await outbox.save({ ...parked, status: 'attention' });
    // Parked yesterday (kept); a correction parked long ago (kept: its delivery was promised).
    const { item: parkedNew } = await outbox.enqueue({ id: 'mail-parked-new', kind: 'mail', payload: { sealed: 'v1.x.y.z' } });
    await outbox.save({ ...parkedNew, status: 'attention', updatedAt: RECENT });
    const { item: parkedChange } = await outbox.enqueue({ id: 'change-parked', kind: 'change', payload: { sealed: 'v1.x.y.z' } });
    await outbox.save({ ...parkedChange, status: 'attention' });

    // Calendar versions: both older than the period; the newest is the calendar in force (kept).
    const versions = store.collection<CalendarVersion>(HISTORY_COLLECTION);
    const version = (id: string, at: string): CalendarVersion => ({ id, at, actor: 'beheerder', action: 'save', hash: id, text: id, summary: '', patch: '' });
    await versions.put(version('cal-1', T0));
    await versions.put(version('cal-2', '2027-03-02T10:00:00.000Z'));

    const notes = store.collection<PendingNotification>(NOTIFICATIONS_COLLECTION);
    await notes.put({ id: 'A1:old', accountId: 'A1', topic: 'results', kind: 'results-opened', studentId: 'S1', createdAt: T0, sentIn: 'mail-old' });
    await notes.put({ id: 'A1:new', accountId: 'A1', topic: 'results', kind: 'results-opened', studentId: 'S1', createdAt: RECENT });

    const conversations = store.collection<{ id: string; createdAt: string }>(CONVERSATIONS_COLLECTION);
    await conversations.put({ id: 'conv-old', createdAt: T0 });
    await conversations.put({ id: 'conv-new', createdAt: RECENT });
    const answers = store.collection<{ id: string; createdAt: string; answeredAt?: string }>(DATA_CHECK_ANSWERS_COLLECTION);
    await answers.put({ id: 'answer-old', createdAt: T0, answeredAt: T0 });
    await answers.put({ id: 'answer-new', createdAt: T0, answeredAt: RECENT });

    await store.audit.append({ id: 'audit-old', at: T0, actor: 'A1', actorKind: 'parent', action: 'view', studentId: 'S1' });
    await store.audit.append({ id: 'audit-new', at: RECENT, actor: 'A1', actorKind: 'parent', action: 'view', studentId: 'S1' });

    // Absence reports (30d after their day): old and delivered (deleted), old but not delivered (kept), recent (kept).
    const reports = store.collection<AbsenceReportRecord>(ABSENCE_REPORTS_COLLECTION);
    for (const [id, date] of [['ab-old', '2027-03-01'], ['ab-waiting', '2027-03-01'], ['ab-new', '2027-04-13']] as const) {
      await reports.put(absence(id, date));
      if (id !== 'ab-waiting') await delivered(`absence-${id}`, 'absence-report', `${date}T07:00:00.000Z`);
      else await outbox.enqueue({ id: `absence-${id}`, kind: 'absence-report', payload: { sealed: 'v1.x.y.z' } });
    }
    // Leave (365d after its last day or decision): decided long ago (deleted), never decided (kept).
    const leave = store.collection<LeaveRequest>(LEAVE_REQUESTS_COLLECTION);
    await leave.put({ ...leaveRequest('lv-old', '2025-10-01'), status: 'approved', decision: { status: 'approved', by: 'directie', at: '2025-09-01T10:00:00.000Z' } });
    await leave.put(leaveRequest('lv-open', '2025-10-01'));
    clock.set(RUN);
  });

  it('removes exactly what the retention table says, and nothing else; a second run removes nothing', async () => {
    const run = await runPurge(deps);
    expect(run.outcome).to.equal('succeeded');
    expect(run.counts).to.deep.equal({
      sessions: 1, links: 4, cacheUnlisted: 3, cacheUnused: 1, corrections: 1, absenceReports: 1, leave: 1, mail: 1, parkedMail: 1, accounts: 1, calendarVersions: 1,
      notifications: 1, audit: 1, conversations: 1, dataChecks: 1,
    });
    expect((await store.collection(ABSENCE_REPORTS_COLLECTION).list()).map((r) => r.id).sort()).to.deep.equal(['ab-new', 'ab-waiting']);
    expect((await store.collection(LEAVE_REQUESTS_COLLECTION).list()).map((r) => r.id)).to.deep.equal(['lv-open']);
    expect((await store.collection(CONVERSATIONS_COLLECTION).list()).map((d) => d.id)).to.deep.equal(['conv-new']);
    expect((await store.collection(DATA_CHECK_ANSWERS_COLLECTION).list()).map((d) => d.id)).to.deep.equal(['answer-new']);

    expect(await store.sessions.get('live', clock.now())).to.not.equal(undefined);
    expect((await store.collection<LinkTokenDoc>(RESET_TOKENS_COLLECTION).list()).map((d) => d.id)).to.deep.equal(['valid']);
    expect((await store.collection(EMAIL_CONFIRMATIONS_COLLECTION).list()).map((d) => d.id)).to.deep.equal(['valid-confirm']);
    expect(await store.cache.owners()).to.deep.equal({ studentIds: ['S1'], guardianIds: ['G1'] });
    expect(await store.cache.get('student:S1')).to.not.equal(undefined);
    expect(await store.cache.count()).to.equal(2);
    expect((await store.collection<ChangeRequest>(CHANGE_REQUESTS_COLLECTION).list()).map((r) => r.id)).to.deep.equal(['open']);
    expect((await outbox.list()).map((i) => i.id).sort()).to.deep.equal([
      'absence-ab-new', 'absence-ab-waiting', 'change-parked', 'delivery-open', 'mail-new', 'mail-parked-new',
    ]);
    expect((await store.collection(NOTIFICATIONS_COLLECTION).list()).map((n) => n.id)).to.deep.equal(['A1:new']);
    expect((await store.collection(UNDO_TOKENS_COLLECTION).list())).to.deep.equal([]);
    expect((await store.collection(HISTORY_COLLECTION).list()).map((v) => v.id)).to.deep.equal(['cal-2']);
    // The deleted account's sessions, links, choices and second factor went with it; A4's stay.
    expect(await store.sessions.listByAccount('A3', clock.now())).to.deep.equal([]);
    expect((await store.collection(PREFS_COLLECTION).list()).map((d) => d.id)).to.deep.equal(['A4']);
    expect((await store.collection(SECOND_FACTORS_COLLECTION).list()).map((d) => d.id)).to.deep.equal(['parent:A4']);
    expect(await store.accounts.findByUsername('a3')).to.equal(undefined);
    const audit = await store.audit.query({});
    expect(audit.map((a) => a.id)).to.include('audit-new').and.not.include('audit-old');
    expect(audit.filter((a) => a.action === 'change.purge')).to.have.length(1);
    expect((await store.accounts.list()).map((a) => a.id)).to.deep.equal(['A1', 'A2', 'A4']);
    expect(audit.filter((a) => a.action === 'account.purge').map((a) => a.detail)).to.deep.equal([{ account: 'A3' }]);

    const again = await runPurge(deps);
    expect(again.counts).to.deep.equal({
      sessions: 0, links: 0, cacheUnlisted: 0, cacheUnused: 0, corrections: 0, absenceReports: 0, leave: 0, mail: 0, parkedMail: 0, accounts: 0, calendarVersions: 0,
      notifications: 0, audit: 0, conversations: 0, dataChecks: 0,
    });
  });

  it('logs counts only and keeps its last run for the status page', async () => {
    await runPurge(deps);
    expect(log).to.include('retention purge done');
    for (const secret of ['nieuw@voorbeeld.nl', 'S2', 'G2', 'A3', 'G3', '06 12345678', 'WZ-decided']) expect(log).not.to.include(secret);
    const last = await lastPurge(store);
    expect(last).to.include({ outcome: 'succeeded', startedAt: RUN });
    expect(last!.counts!.links).to.equal(4);
  });

  it('records a failed run with its error code, not its contents', async () => {
    store.audit.purgeOlderThan = async () => { throw Object.assign(new Error('disk full'), { code: 'ENOSPC' }); };
    const run = await runPurge(deps);
    expect(run).to.include({ outcome: 'failed', error: 'ENOSPC' });
    expect((await lastPurge(store))!.outcome).to.equal('failed');
  });

  it('has one row per kind of record, with the configured periods', () => {
    const rows = retentionTable(config);
    expect(rows.find((r) => r.id === 'audit')).to.deep.equal({ id: 'audit', periodMs: 40 * 86_400_000, configKey: 'audit.retention' });
    expect(rows.find((r) => r.id === 'sessions')).to.deep.equal({ id: 'sessions' });
    expect(rows.find((r) => r.id === 'accounts')).to.deep.equal({ id: 'accounts', periodMs: 30 * 86_400_000, configKey: 'retention.disabledAccounts' });
    expect(rows.find((r) => r.id === 'parkedMail')).to.deep.equal({ id: 'parkedMail', periodMs: 20 * 86_400_000, configKey: 'retention.parkedMail' });
    expect(rows.find((r) => r.id === 'calendarVersions')).to.deep.equal({ id: 'calendarVersions', periodMs: 30 * 86_400_000, configKey: 'retention.calendarVersions' });
  });
});

/** The "mail" outbox handler over a real SMTP server on 127.0.0.1, and the demo's file sender. */
import { expect } from 'chai';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import {
  createFileSender, createMailHandler, createMailQueue, createMailSeal, createSmtpSender, type MailQueue,
} from '../../../gateway/mail/index.ts';
import { createDeliveryWorker, createOutbox, type DeliveryWorker, type OutboxItem } from '../../../gateway/outbox/index.ts';
import { createMemoryStore } from '../../../gateway/store/memory-store.ts';
import type { Store } from '../../../gateway/store/types.ts';
import { manualClock, type ManualClock } from '../../support/clock.ts';
import { startTestSmtp, type TestSmtp } from '../../support/smtp.ts';

const silent = pino({ level: 'silent' });
const FROM = 'De Bron <ouderportaal@debron.example>';

describe('mail delivery through the outbox', () => {
  let smtp: TestSmtp;
  let store: Store;
  let clock: ManualClock;
  let queue: MailQueue;
  let worker: DeliveryWorker;
  let closeSender: () => unknown;
  const seal = createMailSeal('a-test-secret-of-enough-length-0123456789');

  before(async () => { smtp = await startTestSmtp(); });
  after(() => smtp.stop());

  beforeEach(async () => {
    smtp.messages.length = 0;
    smtp.refuse.clear();
    await smtp.start();
    store = createMemoryStore();
    clock = manualClock('2027-03-01T10:00:00Z');
    const outbox = createOutbox(store, clock);
    const sender = createSmtpSender({ from: FROM, host: '127.0.0.1', port: smtp.port, secure: false, requireTls: false, timeoutMs: 5000 });
    closeSender = () => sender.close?.();
    worker = createDeliveryWorker({
      outbox, clock, logger: silent, random: () => 0.5,
      handlers: { mail: createMailHandler({ sender, seal, messageIdDomain: 'debron.example' }) },
      backoff: { baseMs: 60_000, maxMs: 3_600_000, maxAttempts: 5 },
    });
    queue = createMailQueue({ outbox, seal });
  });
  afterEach(async () => {
    await closeSender();
    await store.close();
  });

  it('sends a queued mail once, with text and HTML, a Message-ID derived from its key, and records it', async () => {
    await queue.queue('test:1', { to: 'ouder@example.org', subject: 'Uw inlogcode — De Bron', text: 'Hallo, één code.\n', html: '<p>Hallo</p>' });
    const again = await queue.queue('test:1', { to: 'ouder@example.org', subject: 'other', text: 'other' });
    expect(again.created).to.equal(false);
    const report = await worker.runOnce();
    expect(report.delivered).to.deep.equal(['test:1']);
    expect(smtp.messages).to.have.length(1);
    const mail = smtp.messages[0]!;
    expect(mail.envelopeTo).to.deep.equal(['ouder@example.org']);
    expect(mail.envelopeFrom).to.equal('ouderportaal@debron.example');
    expect(mail.subject).to.equal('Uw inlogcode — De Bron');
    expect(mail.text).to.include('één code');
    expect(mail.html).to.include('<p>Hallo</p>');
    expect(mail.messageId).to.match(/^<ouderpoort\.[0-9a-f]{32}@debron\.example>$/);
    const item = (await store.collection<OutboxItem>('outbox').get('test:1'))!;
    expect(item.status).to.equal('delivered');
    expect(item.receipt?.messageId).to.equal(mail.messageId);
    expect((await worker.runOnce()).delivered).to.deep.equal([]);
    expect(smtp.messages).to.have.length(1);
  });

  it('rehearses a mail without storing or sending anything', async () => {
    await queue.rehearse('reset:nobody', { to: 'niemand@example.org', subject: 'Code', text: 'Uw link' }, { sealed: true });
    expect(await store.collection('outbox').list()).to.deep.equal([]);
    expect((await worker.runOnce()).delivered).to.deep.equal([]);
    expect(smtp.messages).to.deep.equal([]);
  });

  it('sends a mail queued with a delivery window only inside it, retries included', async () => {
    await queue.queue('notify:1', { to: 'ouder@example.org', subject: 'Nieuws', text: 'Nieuws' }, {
      window: { from: '16:00', to: '20:00', timeZone: 'Europe/Amsterdam' },
    });
    expect((await worker.runOnce()).deferred).to.deep.equal(['notify:1']);
    expect(smtp.messages).to.have.length(0);
    clock.set('2027-03-01T15:00:00Z'); // 16:00 CET
    expect((await worker.runOnce()).delivered).to.deep.equal(['notify:1']);
    expect(smtp.messages).to.have.length(1);
  });

  it('keeps a sealed mail encrypted in the store and sends it in the clear', async () => {
    await queue.queue('secret:1', { to: 'ouder@example.org', subject: 'Code', text: 'Uw code: K7QX2-MPT4A' }, { sealed: true });
    const stored = JSON.stringify(await store.collection('outbox').list());
    expect(stored).not.to.include('K7QX2');
    expect(stored).not.to.include('ouder@example.org');
    await worker.runOnce();
    expect(smtp.messages[0]?.text).to.include('K7QX2-MPT4A');
  });

  it('waits while the SMTP server is down and sends once it is back, exactly once', async () => {
    await queue.queue('down:1', { to: 'a@example.org', subject: 'A', text: 'a' });
    await smtp.stop();
    const failed = await worker.runOnce();
    expect(failed.retried).to.deep.equal(['down:1']);
    const item = (await store.collection<OutboxItem>('outbox').get('down:1'))!;
    expect(item.status).to.equal('pending');
    expect(item.lastError).to.match(/^SMTP /);
    expect(item.lastError).not.to.include('a@example.org');
    await smtp.start();
    expect((await worker.runOnce()).delivered, 'not before its retry time').to.deep.equal([]);
    clock.set(item.nextAttemptAt);
    expect((await worker.runOnce()).delivered).to.deep.equal(['down:1']);
    clock.advance(86_400_000);
    await worker.runOnce();
    expect(smtp.messages.map((m) => m.subject)).to.deep.equal(['A']);
  });

  it('parks a mail the server refuses permanently (550) for an operator', async () => {
    smtp.refuse.add('gone@example.org');
    await queue.queue('refused:1', { to: 'gone@example.org', subject: 'A', text: 'a' });
    const report = await worker.runOnce();
    expect(report.parked).to.deep.equal(['refused:1']);
    const item = (await store.collection<OutboxItem>('outbox').get('refused:1'))!;
    expect(item.status).to.equal('attention');
    expect(item.lastError).to.include('550');
  });

  it('parks a sealed mail that cannot be opened (the key changed)', async () => {
    const other = createMailQueue({ outbox: createOutbox(store, clock), seal: createMailSeal('another-secret-of-enough-length-0123456789') });
    await other.queue('stale:1', { to: 'a@example.org', subject: 'A', text: 'a' }, { sealed: true });
    expect((await worker.runOnce()).parked).to.deep.equal(['stale:1']);
    expect(smtp.messages).to.have.length(0);
  });
});

describe('the file sender (demo)', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'ouderpoort-mail-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes each message as an .eml file with a .txt beside it, and a re-send replaces its own files', async () => {
    const clock = manualClock('2027-03-01T10:00:00Z');
    const sender = createFileSender({ from: FROM, dir, clock });
    const message = { to: 'ouder@example.org', subject: 'Uw inlogcode', text: 'Code: ABC', html: '<p>Code</p>', messageId: '<x1@debron.example>' };
    const sent = await sender.send(message);
    expect(sent.messageId).to.equal('<x1@debron.example>');
    clock.advance(60_000);
    await sender.send(message);
    await sender.send({ ...message, messageId: '<x2@debron.example>' });
    const files = readdirSync(dir).filter((f) => f.endsWith('.eml')).sort();
    expect(files).to.have.length(2);
    expect(readdirSync(dir).filter((f) => f.endsWith('.txt'))).to.have.length(2);
    expect(readFileSync(path.join(dir, files[0]!.replace(/\.eml$/, '.txt')), 'utf8')).to.equal('To: ouder@example.org\nSubject: Uw inlogcode\n\nCode: ABC');
    expect(files[0]).to.match(/^20270301-100\d{3}-[0-9a-f]{16}\.eml$/);
    const raw = readFileSync(path.join(dir, files[0]!), 'utf8');
    expect(raw).to.include('To: ouder@example.org');
    expect(raw).to.include('Subject: Uw inlogcode');
    expect(raw).to.include('Code: ABC');
  });
});

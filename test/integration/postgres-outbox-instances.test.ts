/**
 * Two real gateway processes deliver one outbox on one PostgreSQL database: 100 mails waiting,
 * one instance killed (kill -9) while a mail is in flight, and every mail accepted by the
 * receiving mail servers exactly once. Each instance sends through its own SMTP server (both
 * counting into one tally), so the test knows which instance is mid-delivery when it kills it.
 */
import { expect } from 'chai';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMailQueue, createMailSeal } from '../../gateway/mail/index.ts';
import { createOutbox } from '../../gateway/outbox/index.ts';
import { createPostgresStore } from '../../gateway/store/postgres/index.ts';
import { startGateway, until, writeDemoConfig, type GatewayProcess } from '../support/gateway-process.ts';
import { createTestDatabase, type TestDatabase } from '../support/postgres.ts';
import { smtpValues, startTestSmtp, type ReceivedMail, type TestSmtp } from '../support/smtp.ts';

const SECRET = 'een-outbox-twee-instanties-'.repeat(2);
const COUNT = 100;
const OURS = /^ouder-\d+@kill\.test$/;
const ours = (mail: ReceivedMail) => mail.envelopeTo.length === 1 && OURS.test(mail.envelopeTo[0]!);


describe('two gateway instances share one outbox on PostgreSQL', function () {
  this.timeout(240_000);
  let dir: string;
  let db: TestDatabase;
  const gateways: GatewayProcess[] = [];
  const servers: TestSmtp[] = [];
  /** Every message a server saw (answered or not), in order: [instance, Message-ID]. */
  const seen: Array<[string, string]> = [];
  let held: string | undefined;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ouderpoort-outbox-'));
    db = await createTestDatabase('outbox_kill');
    const pace = () => new Promise((resolve) => setTimeout(resolve, 15));
    servers.push(await startTestSmtp({
      beforeAccept: async (mail) => {
        if (!ours(mail)) return;
        seen.push(['a', mail.messageId]);
        if (seen.filter(([by]) => by === 'a').length === 5) {
          // A has this mail on the wire and waits for the answer: it dies now, before it can record it.
          held = mail.messageId;
          gateways[0]!.process.kill('SIGKILL');
          return new Promise<void>(() => {});
        }
        await pace();
      },
    }));
    servers.push(await startTestSmtp({
      beforeAccept: async (mail) => {
        if (!ours(mail)) return;
        seen.push(['b', mail.messageId]);
        await pace();
      },
    }));
    const env = { OUDERPOORT_DATABASE_URL: db.url, OUDERPOORT_SESSION_SECRET: SECRET };
    for (const [i, name] of ['a', 'b'].entries()) {
      const config = writeDemoConfig(dir, name, {
        store: { kind: 'postgres' }, demo: { startAt: null, idp: { enabled: false } }, operators: { oidc: { enabled: false } },
        ...smtpValues(servers[i]!.port), outbox: { pollInterval: '200ms', lease: '4s' },
      });
      gateways.push(await startGateway(config, env));
    }
  });

  after(async () => {
    await Promise.all(gateways.map((g) => g.stop()));
    await Promise.all(servers.map((s) => s.stop()));
    await db?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('delivers 100 mails once each although one instance is killed mid-delivery', async () => {
    // Queued behind both instances' backs, as another instance's requests would.
    const store = createPostgresStore({ url: db.url, poolSize: 2 });
    await store.open();
    try {
      const mail = createMailQueue({ outbox: createOutbox(store, { now: () => new Date() }), seal: createMailSeal(`mail-seal:${SECRET}`) });
      for (let i = 0; i < COUNT; i++) await mail.queue(`kill-test:${i}`, { to: `ouder-${i}@kill.test`, subject: `Bericht ${i}`, text: `Bericht ${i}` });
    } finally {
      await store.close();
    }

    const accepted = () => servers.flatMap((s) => s.messages.filter(ours));
    await until('every mail accepted', () => new Set(accepted().map((m) => m.messageId)).size === COUNT, 120_000);
    const killed = await gateways[0]!.exit;
    expect(killed.signal, 'A was killed mid-delivery').to.equal('SIGKILL');
    expect(held, 'A had a mail in flight when it died').to.be.a('string');

    const ids = accepted().map((m) => m.messageId);
    expect(ids, 'each mail accepted exactly once').to.have.length(COUNT);
    expect(new Set(ids).size).to.equal(COUNT);
    // The mail A had on the wire went again from B after A's lease ran out, with the same Message-ID.
    const twice = seen.filter(([, id]) => id === held);
    expect(twice).to.deep.equal([['a', held], ['b', held]]);
    expect(seen, 'nothing else was sent twice').to.have.length(COUNT + 1);
    expect(seen.filter(([by]) => by === 'a').length, 'A delivered some before it died').to.equal(5);

    const rows = await db.query<{ status: string; attempts: number; n: string }>(
      `SELECT doc->>'status' AS status, (doc->>'attempts')::int AS attempts, count(*) AS n FROM documents
       WHERE collection = 'outbox' AND id LIKE 'kill-test:%' GROUP BY 1, 2 ORDER BY 2`,
    );
    expect(rows.map((r) => [r.status, r.attempts, Number(r.n)])).to.deep.equal([['delivered', 1, COUNT - 1], ['delivered', 2, 1]]);
  });
});

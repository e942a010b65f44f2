/**
 * The results page on PostgreSQL: its two view records (method tests and LVS tests) are committed
 * in one INSERT, one commit, and both are there before the page arrives (no page without a record).
 */
import { expect } from 'chai';
import { createPostgresStore } from '../../gateway/store/postgres/index.ts';
import { createTestApp } from '../support/app.ts';
import { watchAuditInserts } from '../support/audit-inserts.ts';
import { createTestDatabase, type TestDatabase } from '../support/postgres.ts';
import { parentSession } from './changes.support.ts';

describe('results page audit on PostgreSQL', function () {
  this.timeout(30_000);
  let db: TestDatabase;
  before(async () => {
    db = await createTestDatabase('results_audit');
  });
  after(async () => {
    await db?.drop();
  });

  it('commits both sections\' view records in one statement before the page is sent', async () => {
    const t = await createTestApp({ overrides: { store: createPostgresStore({ url: db.url, poolSize: 4 }) } });
    try {
      const parent = await parentSession(t);
      const inserts = watchAuditInserts();
      let status: number;
      try {
        status = (await parent.agent.get(`/kind/${parent.handle}/resultaten`)).status;
      } finally {
        inserts.restore();
      }
      expect(status).to.equal(200);
      expect(inserts.rows, 'one INSERT of the two records').to.deep.equal([2]);
      const rows = await db.query<{ section: string; tx: string }>(
        "SELECT doc->>'section' AS section, xmin::text AS tx FROM audit_records WHERE action = 'view' AND student_id = $1 ORDER BY seq",
        [parent.studentId],
      );
      expect(rows.map((r) => r.section)).to.deep.equal(['results.method', 'results.lvs']);
      expect(new Set(rows.map((r) => r.tx)).size, 'one commit').to.equal(1);
    } finally {
      await t.services.store.close();
    }
  });
});

/** Page views of a logged-in parent write the session record at most once a minute, not per request. */
import { expect } from 'chai';
import { createTestApp, DEMO } from '../support/app.ts';
import { loginAs } from '../support/agent.ts';

describe('session store writes', () => {
  it('stores nothing for page views within a minute, lastSeenAt once after that, and still ends an idle session', async () => {
    const t = await createTestApp();
    const { agent } = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
    // The first page after login stores the new session's CSRF token (login starts a new session).
    expect((await agent.get('/')).status).to.equal(200);
    const repo = t.services.store.sessions;
    const set = repo.set.bind(repo);
    const written: string[] = [];
    repo.set = async (record) => {
      written.push(String(record.data.lastSeenAt));
      return set(record);
    };

    for (let i = 0; i < 5; i++) expect((await agent.get('/')).status).to.equal(200);
    expect(written, 'no write per request').to.deep.equal([]);

    t.clock.advance(2 * 60_000);
    expect((await agent.get('/')).status).to.equal(200);
    expect((await agent.get('/hulp')).status).to.equal(200);
    expect(written).to.deep.equal([t.clock.now().toISOString()]);

    // The idle limit (30 minutes) still holds: it is judged from the stored lastSeenAt.
    t.clock.advance(31 * 60_000);
    const idle = await agent.get('/');
    expect(idle.status).to.equal(303);
    expect(idle.headers.location).to.equal('/inloggen');
  });
});

/**
 * Staff login through the school's identity provider, against a real OpenID provider on
 * 127.0.0.1 (oidc-provider): the happy path, and each way an attacker or a slip could get in.
 */
import { expect } from 'chai';
import request from 'supertest';
import { loginAs } from '../support/agent.ts';
import { DEMO, csrfFrom } from '../support/app.ts';
import { DEMO_OPERATOR } from '../support/operator.ts';
import { CLIENT, STAFF, authorizeAtIdp, beginLogin, oidcLogin, startOidcWorld, type OidcWorld } from '../support/oidc.ts';
import { staffIdOf } from '../../gateway/operators/oidc/staff-id.ts';

/** The reason of the latest refused staff login in the app's log. */
function lastRefusal(world: OidcWorld): string {
  const line = world.t.logs().split('\n').filter((l) => l.includes('"msg":"staff login refused"')).at(-1);
  return line ? (JSON.parse(line) as { reason: string }).reason : '';
}

describe('staff login through the identity provider (OIDC)', function () {
  this.timeout(30_000);
  let world: OidcWorld;

  before(async () => {
    world = await startOidcWorld();
  });
  after(async () => {
    await world.idp.close();
  });
  beforeEach(() => {
    delete world.tamper;
    delete world.tamperDiscovery;
    world.users.find((u) => u.username === STAFF.noRole.username)!.groups = ['personeel'];
    world.users.find((u) => u.username === STAFF.beheer.username)!.groups = ['ouderportaal-beheer'];
  });

  it('starts with a GET link carrying PKCE S256, state and nonce', async () => {
    const url = await beginLogin(request.agent(world.t.app));
    expect(url.origin).to.equal(world.idp.issuer);
    expect(url.searchParams.get('code_challenge_method')).to.equal('S256');
    for (const p of ['code_challenge', 'state', 'nonce']) expect(url.searchParams.get(p), p).to.match(/^[\w-]{20,}$/);
    expect(url.searchParams.get('client_id')).to.equal(CLIENT.id);
    const page = await request(world.t.app).get('/beheer/inloggen');
    expect(page.text).to.contain('href="/beheer/oidc/inloggen"');
  });

  it('logs a staff member in with the roles their groups map to, in a new session, audited by (issuer, subject)', async () => {
    const agent = request.agent(world.t.app);
    const { res } = await oidcLogin(world, STAFF.beheer, agent);
    expect(res.status).to.equal(303);
    expect(res.headers.location).to.equal('/beheer/wijzigingen');
    const queue = await agent.get('/beheer/wijzigingen');
    expect(queue.status).to.equal(200);
    expect(queue.text).to.contain('Jan de Vries');
    expect((await agent.get('/beheer/status')).status).to.equal(200);
    const id = staffIdOf(world.idp.issuer, STAFF.beheer.username);
    const audit = await world.t.services.store.audit.query({ action: 'operator.login', actor: id });
    expect(audit).to.have.length.greaterThan(0);
    expect(audit[0]!.detail).to.deep.include({ via: 'oidc', roles: 'beheer' });
    expect(world.t.logs()).not.to.contain(STAFF.beheer.email);
    expect(world.t.logs()).to.match(/"securityEvent":"operator.login"[^\n]*"outcome":"success"/);
  });

  it('gives administratie the queue but not the status page', async () => {
    const { agent } = await oidcLogin(world, STAFF.administratie);
    expect((await agent.get('/beheer/wijzigingen')).status).to.equal(200);
    expect((await agent.get('/beheer/status')).status).to.equal(403);
    expect(world.t.logs()).to.match(/"securityEvent":"access.denied"/);
  });

  it('refuses a callback carrying the state of another session', async () => {
    const victim = request.agent(world.t.app);
    const attacker = request.agent(world.t.app);
    // The attacker's own login is under way, and the victim's callback is slipped into it.
    await beginLogin(attacker);
    const callback = await authorizeAtIdp(world, await beginLogin(victim), STAFF.beheer);
    const res = await attacker.get(callback);
    expect(res.status).to.equal(401);
    expect((await attacker.get('/beheer/wijzigingen')).status).to.equal(303);
    // And a browser with no login under way at all.
    const stranger = request.agent(world.t.app);
    expect((await stranger.get(callback)).status).to.equal(400);
    expect((await stranger.get('/beheer/wijzigingen')).status).to.equal(303);
  });

  it('uses a callback once: a replay finds no login under way, in the same or another browser', async () => {
    const { agent, res, callback } = await oidcLogin(world, STAFF.beheer);
    expect(res.status).to.equal(303);
    expect((await agent.get(callback)).status).to.equal(400);
    const other = request.agent(world.t.app);
    await beginLogin(other);
    expect((await other.get(callback)).status).to.equal(401);
    expect((await other.get('/beheer/wijzigingen')).status).to.equal(303);
  });

  it('refuses an ID token whose nonce is not the one this login sent', async () => {
    const agent = request.agent(world.t.app);
    const url = await beginLogin(agent);
    url.searchParams.set('nonce', 'a-nonce-the-portal-never-sent-0123456789');
    const res = await agent.get(await authorizeAtIdp(world, url, STAFF.beheer));
    expect(res.status).to.equal(401);
    expect(res.text).to.contain('kon controleren');
    expect(lastRefusal(world)).to.match(/"nonce" claim/);
  });

  for (const [name, tamper, pattern] of [
    ['for another audience', (c: Record<string, unknown>) => ({ claims: { ...c, aud: 'another-app' } }), /"aud" \(audience\)/],
    ['from another issuer', (c: Record<string, unknown>) => ({ claims: { ...c, iss: 'https://evil.example' } }), /"iss" \(issuer\)/],
    ['that is unsigned (alg none)', (c: Record<string, unknown>) => ({ claims: c, alg: 'none' as const }), /"alg" header/],
  ] as const) {
    it(`refuses an ID token ${name}`, async () => {
      world.tamper = tamper;
      const { agent, res } = await oidcLogin(world, STAFF.beheer);
      expect(res.status).to.equal(401);
      expect(lastRefusal(world)).to.match(pattern);
      expect((await agent.get('/beheer/wijzigingen')).status).to.equal(303);
    });
  }

  it('refuses a staff member whose groups map to no role, with a page saying so, audited', async () => {
    const { agent, res } = await oidcLogin(world, STAFF.noRole);
    expect(res.status).to.equal(403);
    expect(res.text).to.contain('geen rol in het ouderportaal');
    expect((await agent.get('/beheer/wijzigingen')).status).to.equal(303);
    const refused = await world.t.services.store.audit.query({ action: 'operator.login.refused', actor: staffIdOf(world.idp.issuer, STAFF.noRole.username) });
    expect(refused[0]?.detail).to.deep.include({ reason: 'NO_ROLE' });
    expect(world.t.logs()).to.match(/"securityEvent":"operator.login"[^\n]*"outcome":"denied"/);
  });

  it('refuses the next login of a staff member whose role was removed at the IdP', async () => {
    expect((await oidcLogin(world, STAFF.beheer)).res.status).to.equal(303);
    world.users.find((u) => u.username === STAFF.beheer.username)!.groups = [];
    expect((await oidcLogin(world, STAFF.beheer)).res.status).to.equal(403);
  });

  it('never lets a parent session become a staff session, or the other way round', async () => {
    const parent = await loginAs(world.t, DEMO.parent.username, DEMO.parent.password);
    expect((await parent.agent.get('/')).status).to.equal(200);
    expect((await parent.agent.get('/beheer/wijzigingen')).status).to.equal(303);
    const { res } = await oidcLogin(world, STAFF.beheer, parent.agent);
    expect(res.status).to.equal(303);
    // The staff login started a new session: the parent is logged out of it.
    expect((await parent.agent.get('/')).status).to.equal(303);
    expect((await parent.agent.get('/beheer/wijzigingen')).status).to.equal(200);
  });

  it('logs out at the IdP too (RP-initiated logout)', async () => {
    const { agent } = await oidcLogin(world, STAFF.beheer);
    const page = await agent.get('/beheer/wijzigingen');
    const res = await agent.post('/beheer/uitloggen').type('form').send({ _csrf: csrfFrom(page.text) });
    expect(res.status).to.equal(303);
    const to = new URL(res.headers.location as string);
    expect(to.origin).to.equal(world.idp.issuer);
    expect(to.searchParams.get('id_token_hint')).to.be.a('string');
    expect(to.searchParams.get('post_logout_redirect_uri')).to.equal('http://127.0.0.1:3000/beheer/inloggen');
    expect((await agent.get('/beheer/wijzigingen')).status).to.equal(303);
  });

  it('ends a staff session after 15 minutes idle and after 8 hours at most', async () => {
    const { agent } = await oidcLogin(world, STAFF.beheer);
    world.t.clock.advance(16 * 60_000);
    expect((await agent.get('/beheer/wijzigingen')).status).to.equal(303);
    const busy = (await oidcLogin(world, STAFF.beheer)).agent;
    for (let minutes = 0; minutes < 8 * 60; minutes += 14) {
      world.t.clock.advance(14 * 60_000);
      expect((await busy.get('/beheer/wijzigingen')).status, `after ${minutes + 14} minutes`).to.equal(minutes + 14 > 8 * 60 ? 303 : 200);
    }
  });
});

describe('staff OIDC: a wrong or unreachable identity provider', function () {
  this.timeout(30_000);

  it('refuses a discovery document naming another issuer, names the key, and keeps the parents\' side', async () => {
    const world = await startOidcWorld();
    try {
      world.tamperDiscovery = (doc) => ({ ...doc, issuer: 'https://evil.example' });
      expect(await world.t.services.staffOidc!.init()).to.equal(false);
      expect(world.t.services.staffOidc!.status().error).to.match(/^operators\.oidc\.issuer: /);
      const res = await request.agent(world.t.app).get('/beheer/oidc/inloggen');
      expect(res.status).to.equal(503);
      expect(res.text).to.contain('niet bereikbaar');
      expect((await loginAs(world.t, DEMO.parent.username, DEMO.parent.password)).status).to.equal(303);
      // The IdP answers properly again: the next login discovers it.
      delete world.tamperDiscovery;
      expect((await oidcLogin(world, STAFF.beheer)).res.status).to.equal(303);
    } finally {
      await world.idp.close();
    }
  });

  it('switches the break-glass login off when operators.localLogin is false', async () => {
    const world = await startOidcWorld({ localLogin: false });
    try {
      const page = await request(world.t.app).get('/beheer/inloggen');
      expect(page.text).not.to.contain('name="password"');
      const agent = request.agent(world.t.app);
      const token = csrfFrom((await agent.get('/inloggen')).text);
      const res = await agent.post('/beheer/inloggen').type('form').send({ _csrf: token, ...DEMO_OPERATOR });
      expect(res.status).to.equal(403);
      expect((await agent.get('/beheer/wijzigingen')).status).to.equal(303);
    } finally {
      await world.idp.close();
    }
  });
});

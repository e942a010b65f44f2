/**
 * A real OpenID provider (the demo IdP, oidc-provider on 127.0.0.1) for the staff-login tests, the
 * portal configured as its client, and the browser's walk through it with supertest agents: the
 * portal's login link, the IdP's login form and consent, back to the portal's callback.
 * `tamper` sits in front of the IdP as the portal's fetch and rewrites its ID tokens (re-signed
 * with the IdP's own key, or unsigned) for the attacks the tests walk.
 */
import { createPrivateKey, sign } from 'node:crypto';
import request from 'supertest';
import type { JWK } from 'oidc-provider';
import { startDemoIdp, type DemoIdp, type DemoIdpUser } from '../../gateway/operators/oidc/demo-idp.ts';
import type { Agent } from './agent.ts';
import { createTestApp, type TestApp } from './app.ts';

export const CLIENT = { id: 'ouderpoort-test', secret: 'test-client-secret-0123456789abcdef' };
export const REDIRECT_URI = 'http://127.0.0.1:3000/beheer/oidc/callback';

export const STAFF: Record<'beheer' | 'administratie' | 'noRole', DemoIdpUser> = {
  beheer: { username: 'j.devries', password: 'staff-password-1', name: 'Jan de Vries', email: 'j.devries@debron.example', groups: ['ouderportaal-beheer'] },
  administratie: { username: 'a.bakker', password: 'staff-password-2', name: 'Anna Bakker', groups: ['ouderportaal-administratie', 'personeel'] },
  noRole: { username: 'p.jansen', password: 'staff-password-3', name: 'Piet Jansen', groups: ['personeel'] },
};

export type Tamper = (claims: Record<string, unknown>) => { claims: Record<string, unknown>; alg?: 'RS256' | 'none' };

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function resign(idToken: string, key: JWK, tamper: Tamper): string {
  const [headerPart, payloadPart] = idToken.split('.') as [string, string];
  const header = JSON.parse(Buffer.from(headerPart, 'base64url').toString()) as Record<string, unknown>;
  const out = tamper(JSON.parse(Buffer.from(payloadPart, 'base64url').toString()) as Record<string, unknown>);
  if (out.alg === 'none') return `${b64({ alg: 'none', typ: 'JWT' })}.${b64(out.claims)}.`;
  const input = `${b64(header)}.${b64(out.claims)}`;
  const signature = sign('sha256', Buffer.from(input), createPrivateKey({ key: key as never, format: 'jwk' }));
  return `${input}.${signature.toString('base64url')}`;
}

export interface OidcWorld {
  idp: DemoIdp;
  users: DemoIdpUser[];
  t: TestApp;
  /** Set by a test to rewrite the next ID tokens; reset before each test. */
  tamper?: Tamper;
  /** Set by a test to rewrite the discovery document. */
  tamperDiscovery?: (doc: Record<string, unknown>) => Record<string, unknown>;
}

/** The IdP and an app configured against it; values are laid over the OIDC settings. */
export async function startOidcWorld(values: Record<string, unknown> = {}): Promise<OidcWorld> {
  const users = Object.values(STAFF).map((u) => ({ ...u, groups: [...u.groups] }));
  const idp = await startDemoIdp({
    port: 0, clientId: CLIENT.id, clientSecret: CLIENT.secret, redirectUris: [REDIRECT_URI],
    postLogoutRedirectUris: ['http://127.0.0.1:3000/beheer/inloggen'], users,
  });
  const world = { idp, users } as OidcWorld;
  const tamperingFetch = async (url: string, init: RequestInit): Promise<Response> => {
    const res = await fetch(url, init);
    const discovery = url.endsWith('/.well-known/openid-configuration');
    if (!(discovery && world.tamperDiscovery) && !(url.endsWith('/token') && world.tamper)) return res;
    const body = await res.json() as Record<string, unknown>;
    const changed = discovery
      ? world.tamperDiscovery!(body)
      : { ...body, id_token: resign(body.id_token as string, idp.signingKey, world.tamper!) };
    return new Response(JSON.stringify(changed), { status: res.status, headers: { 'content-type': 'application/json' } });
  };
  world.t = await createTestApp({
    values: {
      operators: {
        oidc: {
          enabled: true, issuer: idp.issuer, clientId: CLIENT.id, redirectUri: REDIRECT_URI,
          roleClaim: 'groups', roleMapping: { administratie: ['ouderportaal-administratie'], beheer: ['ouderportaal-beheer'] },
        },
        ...values,
      },
    },
    overrides: { staffOidc: { clientSecret: CLIENT.secret, fetch: tamperingFetch as never } },
  });
  return world;
}

const pathOf = (location: string) => {
  const url = new URL(location, 'http://x');
  return `${url.pathname}${url.search}`;
};

/** The portal's login link: the IdP's authorization URL it redirects to. */
export async function beginLogin(agent: Agent): Promise<URL> {
  const res = await agent.get('/beheer/oidc/inloggen');
  if (res.status !== 303) throw new Error(`login start answered ${res.status}`);
  return new URL(res.headers.location as string);
}

/**
 * The staff member at the IdP: opens the authorization URL, logs in, consents; returns the path
 * and query of the callback the IdP sends the browser to.
 */
export async function authorizeAtIdp(world: OidcWorld, authUrl: URL, user: DemoIdpUser, idpAgent = request.agent(world.idp.issuer)): Promise<string> {
  let at = pathOf(authUrl.href);
  let res = await idpAgent.get(at);
  for (let step = 0; step < 10; step += 1) {
    const location = res.headers.location as string | undefined;
    const uid = /^\/interaction\/([\w-]+)$/.exec(at)?.[1];
    if (res.status === 200 && uid) {
      at = `/interaction/${uid}/login`;
      res = await idpAgent.post(at).type('form').send({ username: user.username, password: user.password });
      continue;
    }
    if (!location) throw new Error(`the IdP stopped at ${res.status}: ${res.text.slice(0, 300)}`);
    if (location.startsWith(REDIRECT_URI)) return pathOf(location);
    at = pathOf(location);
    res = await idpAgent.get(at);
  }
  throw new Error('the IdP did not send the browser back');
}

/** The whole walk; returns the portal's answer to the callback. */
export async function oidcLogin(world: OidcWorld, user: DemoIdpUser, agent: Agent = request.agent(world.t.app)) {
  const callback = await authorizeAtIdp(world, await beginLogin(agent), user);
  const res = await agent.get(callback);
  return { agent, res, callback };
}

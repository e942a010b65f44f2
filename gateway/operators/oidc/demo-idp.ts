/**
 * A small OpenID provider for the demo and the tests (oidc-provider 9, a devDependency, loaded only
 * here): one client (the portal), a few staff users with a password and groups, a plain login form
 * and consent given at once. It is a real provider — discovery, PKCE, signed ID tokens, logout —
 * so the demo and the tests walk the same flow a school's Entra ID or Google Workspace gives.
 * Never for production: the users and their passwords are in config/demo.yaml.
 */
import { generateKeyPairSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JWK } from 'oidc-provider';

export interface DemoIdpUser {
  username: string;
  password: string;
  name: string;
  email?: string;
  /** The claim values (config's roleClaim) the user has; changeable while it runs (tests). */
  groups: string[];
}

export interface DemoIdpOptions {
  port: number;
  host?: string;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  /** Read on every login, so a test can change a user's groups between logins. */
  users: DemoIdpUser[];
  /** The claim the groups are released in (the portal's operators.oidc.roleClaim). */
  groupsClaim?: string;
  /** A private RSA JWK to sign with (tests that re-sign tokens need it); generated otherwise. */
  signingKey?: JWK;
}

export interface DemoIdp {
  issuer: string;
  signingKey: JWK;
  close(): Promise<void>;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(uid: string, failed: boolean): string {
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Inloggen bij De Bron (demo-IdP)</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head><body><main>
<h1>Inloggen met je schoolaccount</h1><p>Demo-identiteitsprovider van De Bron (niet voor echt gebruik).</p>
${failed ? '<p role="alert">Gebruikersnaam of wachtwoord klopt niet.</p>' : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<p><label for="username">Gebruikersnaam</label><br><input id="username" name="username" autocomplete="username" required></p>
<p><label for="password">Wachtwoord</label><br><input id="password" name="password" type="password" autocomplete="current-password" required></p>
<p><button type="submit">Inloggen</button></p></form></main></body></html>`;
}

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > 10_000) break;
  }
  return new URLSearchParams(body);
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export async function startDemoIdp(options: DemoIdpOptions): Promise<DemoIdp> {
  const { default: Provider } = await import('oidc-provider');
  const signingKey = options.signingKey
    ?? ({ ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'demo', alg: 'RS256', use: 'sig' } as JWK);
  const groupsClaim = options.groupsClaim ?? 'groups';
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(503).end();
  const server: Server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `http://${options.host ?? '127.0.0.1'}:${port}`;
  const userOf = (id: string) => options.users.find((u) => u.username === id);

  const provider = new Provider(issuer, {
    clients: [{
      client_id: options.clientId,
      client_secret: options.clientSecret,
      redirect_uris: options.redirectUris,
      post_logout_redirect_uris: options.postLogoutRedirectUris,
      token_endpoint_auth_method: 'client_secret_post',
    }],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    // The groups come with the ID token, as Entra ID puts its groups claim there.
    claims: { openid: ['sub', groupsClaim], profile: ['name', 'preferred_username'], email: ['email'] },
    conformIdTokenClaims: false,
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 8 * 3600, Grant: 8 * 3600 },
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, id) {
      const user = userOf(id);
      if (!user) return undefined;
      return {
        accountId: id,
        claims: () => ({
          sub: id, name: user.name, preferred_username: user.username, [groupsClaim]: [...user.groups],
          ...(user.email ? { email: user.email } : {}),
        }),
      };
    },
  });
  const callback = provider.callback();

  async function interaction(req: IncomingMessage, res: ServerResponse, uid: string, action: string | undefined): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) return void res.writeHead(400).end();
    if (details.prompt.name === 'login') {
      if (req.method === 'POST' && action === 'login') {
        const form = await formBody(req);
        const user = userOf(form.get('username') ?? '');
        if (user && sameText(user.password, form.get('password') ?? '')) {
          return provider.interactionFinished(req, res, { login: { accountId: user.username } }, { mergeWithLastSubmission: false });
        }
        res.writeHead(401, { 'content-type': 'text/html; charset=utf-8' }).end(loginPage(uid, true));
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(loginPage(uid, false));
      return;
    }
    // Consent: the portal is the school's own application, so it is given at once.
    const grant = details.grantId ? (await provider.Grant.find(details.grantId))! : new provider.Grant({
      accountId: details.session!.accountId, clientId: details.params.client_id as string,
    });
    const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }

  handle = (req, res) => {
    if (req.url === '/favicon.ico') return void res.writeHead(204).end();
    const match = /^\/interaction\/([\w-]+)(?:\/(\w+))?$/.exec((req.url ?? '').split('?')[0]!);
    if (!match) return void callback(req, res);
    interaction(req, res, match[1]!, match[2]).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`Inloggen lukt nu niet: ${(err as Error).message}`);
    });
  };

  return {
    issuer,
    signingKey,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

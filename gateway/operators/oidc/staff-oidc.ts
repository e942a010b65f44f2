/**
 * The portal as an OpenID Connect client of the school's identity provider (openid-client 6):
 * discovery, the authorization code flow with PKCE (S256), state and nonce, and the ID token's
 * checks (issuer, audience, signature, expiry; an unsigned token is refused by openid-client).
 *
 * Discovery runs at boot; when it fails (a wrong issuer, an IdP that is down) the error names the
 * config key and the portal runs on without it (the parents' side is untouched); the next staff
 * login tries again. Nothing here touches sessions: the routes keep the pending login.
 */
import * as client from 'openid-client';
import type { AdapterLogger } from '../../../adapters/contract/index.ts';
import type { OidcSettings } from '../../config/sections/operators.ts';
import type { StaffRole } from '../roles.ts';
import { rolesFromClaims } from './role-claims.ts';
import { staffIdOf } from './staff-id.ts';

export interface StaffIdentity {
  /** staffIdOf(issuer, subject): the staff member's id in the portal (audit actor). */
  id: string;
  issuer: string;
  subject: string;
  name: string;
  email?: string;
  /** Empty when the claim maps to no role: the login is refused. */
  roles: StaffRole[];
  /** Kept server-side for RP-initiated logout (id_token_hint). */
  idToken?: string;
}

/** What the login's start leaves in the session for its callback: used once. */
export interface PendingStaffLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
  startedAt: string;
}

export type StaffOidcErrorCode = 'IDP_UNAVAILABLE' | 'LOGIN_REJECTED';

export class StaffOidcError extends Error {
  constructor(readonly code: StaffOidcErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StaffOidcError';
  }
}

export interface StaffOidc {
  /** Discovery; true when the IdP answered. A failure is logged naming `operators.oidc.issuer`. */
  init(): Promise<boolean>;
  status(): { ready: boolean; issuer: string; error?: string };
  /** The IdP's authorization URL and what the callback needs. */
  begin(): Promise<{ url: string; pending: PendingStaffLogin }>;
  /** Checks the callback (its query string) against the pending login and returns who logged in. */
  complete(callbackQuery: string, pending: PendingStaffLogin): Promise<StaffIdentity>;
  /**
   * The IdP's end-session URL when it offers RP-initiated logout, else undefined. It sends the
   * staff member back to `postLogoutRedirectUri`, or the operator login beside the redirect URI.
   */
  logoutUrl(idToken: string | undefined): string | undefined;
  /**
   * Demo only: the demo IdP and the gateway learn their ports when they listen, after the
   * services are built; boot points the client at them before the first discovery.
   */
  retarget(addresses: { issuer: string; redirectUri: string; postLogoutRedirectUri: string }): void;
}

export interface StaffOidcDeps {
  settings: OidcSettings;
  clientSecret: string;
  logger: Pick<AdapterLogger, 'info' | 'warn' | 'error'>;
  /** Tests only: a fetch in front of the real IdP (to tamper with its answers). */
  fetch?: client.CustomFetch;
}

const isLoopback = (url: URL) => url.protocol === 'http:';

/** openid-client's message and, beneath it, oauth4webapi's naming the check that failed (e.g. the "aud" claim). */
function describeCheck(err: unknown): string {
  const parts: string[] = [];
  for (let e = err as { message?: unknown; code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 3; e = e.cause as typeof e, depth += 1) {
    if (typeof e.message === 'string') parts.push(typeof e.code === 'string' ? `${e.message} (${e.code})` : e.message);
  }
  return parts.join(': ') || String(err);
}

export function createStaffOidc(deps: StaffOidcDeps): StaffOidc {
  let settings = { ...deps.settings };
  let configuration: client.Configuration | undefined;
  let lastError: string | undefined;
  let discovering: Promise<client.Configuration> | undefined;

  async function discover(): Promise<client.Configuration> {
    const issuer = new URL(settings.issuer);
    try {
      const found = await client.discovery(issuer, settings.clientId, settings.clientSecret ?? deps.clientSecret, undefined, {
        timeout: Math.max(1, Math.ceil(settings.timeout / 1000)),
        ...(isLoopback(issuer) ? { execute: [client.allowInsecureRequests] } : {}),
        ...(deps.fetch ? { [client.customFetch]: deps.fetch } : {}),
      });
      configuration = found;
      lastError = undefined;
      deps.logger.info({ issuer: settings.issuer }, 'staff login: identity provider discovered');
      return found;
    } catch (err) {
      lastError = `operators.oidc.issuer: the identity provider at ${settings.issuer} could not be used (${(err as Error).message})`;
      deps.logger.error({ err }, lastError);
      throw new StaffOidcError('IDP_UNAVAILABLE', lastError, { cause: err });
    }
  }

  function configured(): Promise<client.Configuration> {
    if (configuration) return Promise.resolve(configuration);
    discovering ??= discover().finally(() => { discovering = undefined; });
    return discovering;
  }

  return {
    async init() {
      try {
        await configured();
        return true;
      } catch {
        return false;
      }
    },
    status: () => ({ ready: configuration !== undefined, issuer: settings.issuer, ...(lastError ? { error: lastError } : {}) }),
    async begin() {
      const config = await configured();
      const codeVerifier = client.randomPKCECodeVerifier();
      const pending: PendingStaffLogin = {
        state: client.randomState(), nonce: client.randomNonce(), codeVerifier, startedAt: new Date().toISOString(),
      };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: settings.scopes.join(' '),
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state: pending.state,
        nonce: pending.nonce,
      });
      return { url: url.href, pending };
    },
    async complete(callbackQuery, pending) {
      const config = await configured();
      // The callback URL is rebuilt from config, never from the Host header a proxy passes on.
      const current = new URL(settings.redirectUri);
      current.search = callbackQuery;
      let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
      try {
        tokens = await client.authorizationCodeGrant(config, current, {
          pkceCodeVerifier: pending.codeVerifier, expectedState: pending.state, expectedNonce: pending.nonce, idTokenExpected: true,
        });
      } catch (err) {
        throw new StaffOidcError('LOGIN_REJECTED', `staff login refused: ${describeCheck(err)}`, { cause: err });
      }
      const claims = tokens.claims();
      if (!claims) throw new StaffOidcError('LOGIN_REJECTED', 'staff login refused: no ID token');
      const record = claims as Record<string, unknown>;
      const text = (key: string) => (typeof record[key] === 'string' && record[key] !== '' ? (record[key] as string) : undefined);
      return {
        id: staffIdOf(claims.iss, claims.sub),
        issuer: claims.iss,
        subject: claims.sub,
        name: text('name') ?? text('preferred_username') ?? text('email') ?? claims.sub,
        ...(text('email') ? { email: text('email') } : {}),
        roles: rolesFromClaims(record, settings.roleClaim, settings.roleMapping),
        ...(tokens.id_token ? { idToken: tokens.id_token } : {}),
      };
    },
    logoutUrl(idToken) {
      if (!configuration?.serverMetadata().end_session_endpoint) return undefined;
      return client.buildEndSessionUrl(configuration, {
        post_logout_redirect_uri: settings.postLogoutRedirectUri || new URL('/beheer/inloggen', settings.redirectUri).href,
        client_id: settings.clientId,
        ...(idToken ? { id_token_hint: idToken } : {}),
      }).href;
    },
    retarget(addresses) {
      settings = { ...settings, ...addresses };
      configuration = undefined;
    },
  };
}

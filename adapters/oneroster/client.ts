/**
 * OneRoster REST over the injected axios: an OAuth 2.0 client-credentials token (cached until
 * shortly before it expires, fetched again after a 401), paging with `limit`/`offset` until the
 * total (`X-Total-Count`) or a short page, and every failure as a coded SisError without the
 * request (the secret travels in it).
 */
import type { AxiosInstance, AxiosResponse } from 'axios';
import { SisError, type Clock } from '../contract/index.ts';
import type { OneRosterConfig } from './config.ts';

const MAX_PAGES = 1000;

export interface OneRosterClient {
  /** Every record of a collection (`key` is the array in the body, e.g. "users"). */
  all<T>(path: string, key: string, filter?: string): Promise<T[]>;
}

function retryAfter(response: AxiosResponse): number | undefined {
  const value = response.headers?.['retry-after'];
  return typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : undefined;
}

function statusError(response: AxiosResponse, what: string): SisError {
  const { status } = response;
  const cause = { status };
  if (status === 401 || status === 403) return new SisError('SIS_AUTH_FAILED', { message: `OneRoster refused ${what} (HTTP ${status}).`, help: 'Check clientId, clientSecret (ONEROSTER_CLIENT_SECRET) and scope.', cause });
  if (status === 429 || status >= 500) return new SisError('SIS_UNAVAILABLE', { message: `OneRoster answered HTTP ${status} for ${what}.`, cause, retryAfter: retryAfter(response) });
  return new SisError('SIS_BAD_RESPONSE', { message: `OneRoster answered HTTP ${status} for ${what}.`, help: 'Check baseUrl and orgSourcedId.', cause });
}

/**
 * A query string as RFC 3986 and the OneRoster 1.2 examples write it: a space in a filter is %20,
 * a quote %27. axios's default writes a space as `+`, which a provider that decodes by RFC 3986
 * reads as a plus, so `roles.role='parent' OR …` would be a filter it cannot parse.
 */
export function queryString(params: Record<string, string | number>): string {
  const encode = (v: string) => encodeURIComponent(v).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return Object.entries(params).map(([k, v]) => `${encode(k)}=${encode(String(v))}`).join('&');
}

export function createOneRosterClient(config: OneRosterConfig, http: AxiosInstance, clock: Clock): OneRosterClient {
  let token: { value: string; until: number } | undefined;
  let pendingToken: Promise<string> | undefined;

  async function request(options: Parameters<AxiosInstance['request']>[0], what: string): Promise<AxiosResponse> {
    try {
      return await http.request({ timeout: config.timeoutMs, maxRedirects: 0, validateStatus: () => true, ...options });
    } catch (err) {
      const code = (err as { code?: unknown })?.code;
      throw new SisError('SIS_UNAVAILABLE', { message: `OneRoster could not be reached for ${what} (${typeof code === 'string' ? code : 'network'}).`, cause: { code } });
    }
  }

  async function fetchToken(): Promise<string> {
    const basic = Buffer.from(`${encodeURIComponent(config.clientId)}:${encodeURIComponent(config.clientSecret)}`).toString('base64');
    const response = await request({
      method: 'POST', url: config.tokenUrl,
      headers: { Authorization: `Basic ${basic}`, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      data: new URLSearchParams({ grant_type: 'client_credentials', scope: config.scope }).toString(),
    }, 'the token request');
    if (response.status !== 200) throw statusError(response, 'the token request');
    const body = response.data as { access_token?: unknown; expires_in?: unknown };
    if (typeof body?.access_token !== 'string') throw new SisError('SIS_BAD_RESPONSE', { message: 'OneRoster token endpoint gave no access_token.' });
    const seconds = typeof body.expires_in === 'number' ? body.expires_in : 3600;
    // Renewed a little early, so a token never expires between here and the SIS.
    token = { value: body.access_token, until: clock.now().getTime() + Math.max(0, seconds - 30) * 1000 };
    return token.value;
  }

  async function bearer(fresh: boolean): Promise<string> {
    if (!fresh && token && clock.now().getTime() < token.until) return token.value;
    token = undefined;
    pendingToken ??= fetchToken().finally(() => {
      pendingToken = undefined;
    });
    return pendingToken;
  }

  async function get(url: string, params: Record<string, string | number>): Promise<AxiosResponse> {
    const what = `GET ${url.slice(config.baseUrl.length)}`;
    for (const fresh of [false, true]) {
      const response = await request({ method: 'GET', url, params, paramsSerializer: { serialize: queryString }, headers: { Authorization: `Bearer ${await bearer(fresh)}`, Accept: 'application/json' } }, what);
      if (response.status === 401 && !fresh) continue; // expired or revoked: one new token, one retry
      if (response.status !== 200) throw statusError(response, what);
      return response;
    }
    throw new SisError('SIS_AUTH_FAILED', { message: `OneRoster refused a fresh token for ${what}.` });
  }

  return {
    async all<T>(path: string, key: string, filter?: string): Promise<T[]> {
      const url = `${config.baseUrl}${path}`;
      const out: T[] = [];
      for (let page = 0, offset = 0; page < MAX_PAGES; page++) {
        const response = await get(url, { limit: config.limit, offset, ...(filter && { filter }) });
        const items = (response.data as Record<string, unknown>)?.[key];
        if (!Array.isArray(items)) throw new SisError('SIS_BAD_RESPONSE', { message: `OneRoster answered ${path} without a "${key}" list.` });
        out.push(...(items as T[]));
        offset += items.length;
        const total = Number(response.headers?.['x-total-count']);
        const link = String(response.headers?.link ?? '');
        const more = Number.isFinite(total) ? offset < total : /rel="?next"?/.test(link) || items.length === config.limit;
        if (!more || items.length === 0) return out;
      }
      throw new SisError('SIS_BAD_RESPONSE', { message: `OneRoster paging of ${path} did not end after ${MAX_PAGES} pages.` });
    },
  };
}

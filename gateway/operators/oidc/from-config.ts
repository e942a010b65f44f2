/** The staff OIDC client from `operators.oidc`; the client secret comes from the environment only. */
import { randomBytes } from 'node:crypto';
import type { CustomFetch } from 'openid-client';
import type { AdapterLogger } from '../../../adapters/contract/index.ts';
import { ConfigError } from '../../config/config-error.ts';
import type { OidcSettings } from '../../config/sections/operators.ts';
import { createStaffOidc, type StaffOidc } from './staff-oidc.ts';

export type { StaffOidc } from './staff-oidc.ts';

export interface StaffOidcOverrides {
  /** Demo mode: the secret boot generated and gave the demo IdP too. */
  clientSecret?: string;
  /** Tests only: a fetch in front of the real IdP. */
  fetch?: CustomFetch;
}

export function createStaffOidcFromConfig(
  settings: OidcSettings, logger: Pick<AdapterLogger, 'info' | 'warn' | 'error'>,
  options: { demoEnabled: boolean; overrides?: StaffOidcOverrides },
): StaffOidc {
  const overrides = options.overrides ?? {};
  // Demo mode without a secret: one for this run (boot gives the demo IdP the same one).
  const clientSecret = settings.clientSecret ?? overrides.clientSecret
    ?? (options.demoEnabled ? randomBytes(24).toString('base64url') : undefined);
  if (!clientSecret) {
    throw new ConfigError(['operators.oidc.clientSecret: is not set: set OUDERPOORT_OIDC_CLIENT_SECRET (the secret the identity provider gave the portal)']);
  }
  return createStaffOidc({ settings, clientSecret, logger, ...(overrides.fetch ? { fetch: overrides.fetch } : {}) });
}

/**
 * Demo mode (`demo.idp.enabled`): the demo IdP beside the gateway, with the staff users of
 * config/demo.yaml, and the gateway's OIDC client pointed at it. Both addresses are known only
 * once both listen (port 0 in the tests), so boot calls this after the gateway listens.
 */
import type { Config } from '../../config/index.ts';
import { OIDC_CALLBACK_PATH } from '../../config/sections/operators.ts';
import type { DemoIdp } from './demo-idp.ts';
import type { StaffOidc } from './staff-oidc.ts';

export interface DemoStaffLogin { username: string; password: string; name: string; roles: string }

export async function startDemoStaffIdp(
  config: Config, oidc: StaffOidc, gatewayUrl: string, clientSecret: string,
): Promise<{ idp: DemoIdp; logins: DemoStaffLogin[] }> {
  const { startDemoIdp } = await import('./demo-idp.ts');
  const redirectUri = `${gatewayUrl}${OIDC_CALLBACK_PATH}`;
  const loginPage = `${gatewayUrl}/beheer/inloggen`;
  const settings = config.operators.oidc;
  const idp = await startDemoIdp({
    port: config.demo.idp.port,
    clientId: settings.clientId,
    clientSecret,
    redirectUris: [redirectUri],
    postLogoutRedirectUris: [loginPage],
    users: config.demo.idp.users.map((u) => ({ ...u, groups: [...u.groups] })),
    groupsClaim: settings.roleClaim,
  });
  oidc.retarget({ issuer: idp.issuer, redirectUri, postLogoutRedirectUri: loginPage });
  const rolesOf = (groups: readonly string[]) => (['beheer', 'administratie', 'directie'] as const)
    .filter((role) => settings.roleMapping[role].some((g) => groups.includes(g))).join(', ') || '(geen rol)';
  return {
    idp,
    logins: config.demo.idp.users.map((u) => ({ username: u.username, password: u.password, name: u.name, roles: rolesOf(u.groups) })),
  };
}

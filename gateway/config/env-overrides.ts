/**
 * The Node conventions a newcomer expects: `PORT` and `HOST` in the environment set
 * `server.port` and `server.host`, over every config file (a platform that assigns the port sets
 * PORT). A value that is not one is a problem naming the variable and the key.
 */
import type { Env } from './env-secrets.ts';

export interface EnvOverrides {
  values: Record<string, unknown>;
  problems: string[];
}

export function envOverrides(env: Env): EnvOverrides {
  const server: Record<string, unknown> = {};
  const problems: string[] = [];
  const port = env.PORT?.trim();
  if (port) {
    if (/^\d{1,5}$/.test(port) && Number(port) <= 65_535) server.port = Number(port);
    else problems.push(`server.port: PORT=${JSON.stringify(port)} is not a port number (0–65535)`);
  }
  const host = env.HOST?.trim();
  if (host) server.host = host;
  return { values: Object.keys(server).length > 0 ? { server } : {}, problems };
}

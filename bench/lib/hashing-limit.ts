/**
 * The physical limit of a login storm: every login verifies one argon2id hash at the production
 * cost, and a core does one at a time, so no gateway on this machine logs in more parents a second
 * than cores × 1 / (one verify). Measured in the bench's own process before a storm, while nothing
 * else of the bench runs, through the gateway's own hasher (concurrency 1: one verify's own time).
 */
import os from 'node:os';
import { createPasswordHasher, OWASP_ARGON2ID } from '../../gateway/auth/password-hash.ts';

export interface HashingLimit {
  /** Median of the verifies, ms. */
  verifyMs: number;
  cores: number;
  /** cores × 1000 / verifyMs. */
  loginsPerSecond: number;
}

export async function measureHashingLimit(samples = 15): Promise<HashingLimit> {
  const hasher = createPasswordHasher(OWASP_ARGON2ID, { concurrency: 1 });
  const password = 'fietsen langs de bloeiende dijk';
  const hash = await hasher.hashPassword(password);
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    if (!(await hasher.verifyPassword(hash, password))) throw new Error('hashing limit: the verify failed');
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const verifyMs = times[Math.floor(times.length / 2)] as number;
  const cores = os.cpus().length;
  return { verifyMs: Math.round(verifyMs * 10) / 10, cores, loginsPerSecond: Math.round((cores * 1000 / verifyMs) * 10) / 10 };
}

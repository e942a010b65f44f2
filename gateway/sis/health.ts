/**
 * Adapter health for the operator status page and /readyz: one line per adapter in the stack.
 * A composite adapter (gateway/adapters) reports each of its `adapters`; a single adapter reports itself.
 */
import type { Clock, HealthStatus, SisAdapter } from '../../adapters/contract/index.ts';
import { isSisError } from '../../adapters/contract/index.ts';
import type { HasMembers, SisService, StackMember } from './types.ts';

type HealthReport = Awaited<ReturnType<SisService['health']>>;

function membersOf(adapter: SisAdapter): readonly StackMember[] {
  const members = (adapter as SisAdapter & Partial<HasMembers>).adapters;
  return Array.isArray(members) && members.length > 0 ? members : [adapter];
}

/** healthCheck must not throw (contract), but a third-party adapter may; the status page must still render. */
async function check(member: StackMember, clock: Clock): Promise<HealthStatus> {
  const started = clock.now().getTime();
  try {
    return await member.healthCheck();
  } catch (err) {
    const detail = isSisError(err) ? `health check failed: ${err.code}` : 'health check threw';
    return { ok: false, latencyMs: Math.max(0, clock.now().getTime() - started), detail };
  }
}

export async function reportHealth(adapter: SisAdapter, clock: Clock): Promise<HealthReport> {
  return Promise.all(membersOf(adapter).map(async (member) => ({
    adapter: member.name,
    capabilities: [...member.capabilities],
    ...(await check(member, clock)),
  })));
}

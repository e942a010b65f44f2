/**
 * Provisioning at boot without making the SIS a condition for starting: the contract says an SIS
 * outage must not stop the portal. The first run is awaited (a healthy SIS boots exactly as
 * before); when it fails, the portal starts anyway on what the store has (accounts, sessions,
 * cached records, served with the "not up to date" notice) and the run is retried with backoff
 * (doubling from `baseMs` to `maxMs`) until it succeeds.
 */
import type { AdapterLogger } from '../../adapters/contract/index.ts';

export interface ProvisionRetry {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_PROVISION_RETRY: ProvisionRetry = { baseMs: 5_000, maxMs: 5 * 60_000 };

export interface ProvisioningAtBoot {
  /** True once a run succeeded. */
  readonly done: boolean;
  /** Resolves when a run has succeeded (never, if it never does). */
  readonly succeeded: Promise<void>;
  /** Stops retrying (shutdown). */
  stop(): void;
}

export async function provisionAtBoot(
  run: () => Promise<void>, logger: Pick<AdapterLogger, 'warn' | 'info'>, retry: ProvisionRetry = DEFAULT_PROVISION_RETRY,
): Promise<ProvisioningAtBoot> {
  let done = false;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let succeed!: () => void;
  const succeeded = new Promise<void>((resolve) => (succeed = resolve));

  const attempt = async (failures: number): Promise<void> => {
    try {
      await run();
      done = true;
      if (failures > 0) logger.info({ attempts: failures + 1 }, 'accounts provisioned after the SIS came back');
      succeed();
    } catch (err) {
      if (stopped) return;
      const waitMs = Math.min(retry.maxMs, retry.baseMs * 2 ** failures);
      const code = (err as { code?: unknown })?.code;
      logger.warn({ code: typeof code === 'string' ? code : 'UNEXPECTED', retryInMs: waitMs },
        'account provisioning failed (the portal serves what the store has); retrying');
      timer = setTimeout(() => void attempt(failures + 1), waitMs);
    }
  };

  await attempt(0);
  return {
    get done() {
      return done;
    },
    succeeded,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

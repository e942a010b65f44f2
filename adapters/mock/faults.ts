/**
 * Injected latency and failures, applied at the start of every call. They are judged in a fixed
 * order — delay, failWith, outage, errorRate — so a test can reason about which one it sees.
 */
import { SisError, type Clock } from '../contract/index.ts';
import type { MockConfig } from './config.ts';
import { Prng } from './data/prng.ts';

export class FaultInjector {
  private readonly prng: Prng;
  private readonly pending = new Set<{ timer: NodeJS.Timeout; reject: (err: Error) => void }>();

  constructor(
    private readonly config: Pick<MockConfig, 'seed' | 'latency' | 'errorRate' | 'outage' | 'failWith'>,
    private readonly clock: Clock,
  ) {
    this.prng = new Prng(config.seed, 'faults');
  }

  /** Waits the configured delay, then throws the configured failure, if any. */
  async beforeCall(): Promise<void> {
    const ms = this.delayMs();
    if (ms > 0) await this.sleep(ms);
    const { failWith, outage, errorRate } = this.config;
    if (failWith) throw new SisError(failWith, { message: `Mock SIS configured to fail with ${failWith}` });
    if (outage) {
      const now = this.clock.now().getTime();
      if (now >= Date.parse(outage.from) && now < Date.parse(outage.to)) {
        const retryAfter = Math.ceil((Date.parse(outage.to) - now) / 1000);
        throw new SisError('SIS_UNAVAILABLE', { message: 'Mock SIS outage', retryAfter });
      }
    }
    if (errorRate > 0 && this.prng.next() < errorRate) {
      throw new SisError('SIS_UNAVAILABLE', { message: 'Mock SIS injected failure' });
    }
  }

  /** Rejects calls still waiting out their delay. */
  close(): void {
    for (const p of this.pending) {
      clearTimeout(p.timer);
      p.reject(new SisError('SIS_UNAVAILABLE', { message: 'Mock SIS adapter closed' }));
    }
    this.pending.clear();
  }

  private delayMs(): number {
    const latency = this.config.latency;
    if (!latency) return 0;
    if (latency.fixedMs !== undefined) return latency.fixedMs;
    const min = latency.minMs ?? 0;
    return this.prng.int(min, latency.maxMs ?? min);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const entry = {
        timer: setTimeout(() => {
          this.pending.delete(entry);
          resolve();
        }, ms),
        reject,
      };
      this.pending.add(entry);
    });
  }
}

import net from 'node:net';
import { expect } from 'chai';
import { expectFailures, runInProcess, T } from './run-in-process.ts';
import { complete, variant } from './variants.ts';

function withConstruction(construct: (deps: Parameters<typeof complete.create>[1]) => void) {
  return {
    ...complete,
    create(config: Parameters<typeof complete.create>[0], deps: Parameters<typeof complete.create>[1]) {
      construct(deps);
      return complete.create(config, deps);
    },
  };
}

describe('conformance rule: construction does no I/O', () => {
  it('fails an adapter that reads the clock while being built', async () => {
    const { outcomes } = await runInProcess({ module: withConstruction((d) => void d.clock.now()), config: {} });
    expectFailures(outcomes, { [T.construction]: /create\(\) used its deps \(clock: now\(\)\)/ });
  });

  it('fails an adapter that logs while being built', async () => {
    const { outcomes } = await runInProcess({ module: withConstruction((d) => d.logger.info('hello')), config: {} });
    expectFailures(outcomes, { [T.construction]: /logger: info hello/ });
  });

  it('fails an adapter that starts a request it does not await', async () => {
    const module = withConstruction((d) => void d.http.get('http://127.0.0.1:9/warm-up').catch(() => undefined));
    const { outcomes } = await runInProcess({ module, config: {} });
    // Every create() leaks this request; when its failure lands inside the offline health check it is
    // counted there too (a race). Only the construction rule is under test here.
    outcomes.delete(T.healthOffline);
    expectFailures(outcomes, { [T.construction]: /http: get http:\/\/127\.0\.0\.1:9\/warm-up/ });
  });

  it('fails an adapter that opens its own socket, past the injected deps', async () => {
    const module = withConstruction(() => {
      net.connect({ host: '127.0.0.1', port: 9 }).on('error', () => undefined);
    });
    const { outcomes } = await runInProcess({ module, config: {} });
    expectFailures(outcomes, { [T.construction]: /opened a socket to 127\.0\.0\.1:9/ });
  });

  it('fails an adapter whose create() throws, naming the error', async () => {
    const module = withConstruction(() => {
      throw new Error('cannot start');
    });
    const { outcomes } = await runInProcess({ module, config: {} });
    expect(outcomes.get(T.construction)?.reason).to.equal('create() threw: Error (no code): cannot start');
  });

  it('passes an adapter that connects lazily on its first call', async () => {
    let connected = 0;
    const module = variant((good) => ({
      healthCheck: async () => {
        connected++;
        return good.healthCheck();
      },
    }));
    const { outcomes } = await runInProcess({ module, config: {} });
    expect(outcomes.get(T.construction)).to.deep.equal({ passed: true });
    expect(connected).to.be.greaterThan(0);
  });
});

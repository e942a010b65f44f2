import { expect } from 'chai';
import { Writable } from 'node:stream';
import type { AdapterDeps } from '../../../adapters/contract/index.ts';
import { createSisStackFromConfig } from '../../../gateway/adapters/index.ts';
import { loadConfig } from '../../../gateway/config/index.ts';
import { createLogger } from '../../../gateway/logger.ts';
import { fixedClock } from '../../support/clock.ts';
import { fakeAdapter, fakeModule, importerOf } from './fakes.ts';

describe('createSisStackFromConfig', () => {
  it('loads the configured stack and gives each adapter the configured HTTP limits, a named logger and the clock', async () => {
    const config = loadConfig({
      env: {},
      cwd: '/srv/school',
      values: {
        school: { name: 'OBS', brin: '12AB' },
        sis: { stack: [{ adapter: './first.ts' }, { adapter: 'mock' }], http: { timeout: '3s', maxBytes: 2048 } },
      },
    });
    const received: Array<[string, AdapterDeps]> = [];
    const module = (name: string) => fakeModule({
      name,
      capabilities: ['students'],
      create: (_config, deps) => {
        received.push([name, deps]);
        return fakeAdapter(name, ['students']);
      },
    });
    const importModule = importerOf({ 'file:///srv/school/first.ts': { default: module('first') }, 'builtin:mock': { default: module('mock') } });
    const lines: string[] = [];
    const logger = createLogger(config, new Writable({ write(c, _e, done) { lines.push(String(c)); done(); } }));
    const clock = fixedClock('2026-01-05T08:00:00Z');

    const stack = await createSisStackFromConfig(config, { logger, clock, importModule, builtins: new Map([['mock', 'builtin:mock']]) });

    expect(importModule.calls).to.deep.equal(['file:///srv/school/first.ts', 'builtin:mock']);
    expect(stack.describeStack()[0]).to.deep.equal({ capability: 'students', adapter: 'first', index: 0 });
    expect(received.map(([name]) => name)).to.deep.equal(['first', 'mock']);
    for (const [name, deps] of received) {
      expect(deps.http.defaults.timeout).to.equal(3000);
      expect(deps.http.defaults.maxContentLength).to.equal(2048);
      expect(deps.http.defaults.maxRedirects).to.equal(0);
      expect(deps.clock).to.equal(clock);
      deps.logger.info('hello');
      expect(JSON.parse(lines.at(-1)!)).to.include({ adapter: name, msg: 'hello' });
    }
  });
});

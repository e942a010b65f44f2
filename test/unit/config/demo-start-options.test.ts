/** The demo on another date and with the SIS down, from flags or the environment (gateway/demo/start-options.ts). */
import { expect } from 'chai';
import { isConfigError, loadConfig } from '../../../gateway/config/index.ts';
import { demoStartOptions, demoStartValues, SIS_DOWN_AFTER_MS } from '../../../gateway/demo/start-options.ts';

const demo = () => loadConfig({ file: 'config/demo.yaml', env: {} });
const NOW = new Date('2026-12-03T12:00:00Z');

describe('demo start options', () => {
  it('reads flags first, then OUDERPOORT_DEMO_DATE and OUDERPOORT_DEMO_SIS_DOWN', () => {
    expect(demoStartOptions({ date: '2027-06-10', 'sis-down': true }, {})).to.deep.equal({ date: '2027-06-10', sisDown: true });
    expect(demoStartOptions({}, { OUDERPOORT_DEMO_DATE: '2026-12-07', OUDERPOORT_DEMO_SIS_DOWN: '1' })).to.deep.equal({ date: '2026-12-07', sisDown: true });
    expect(demoStartOptions({ date: '2027-01-05' }, { OUDERPOORT_DEMO_DATE: '2026-12-07' })).to.deep.equal({ date: '2027-01-05' });
    expect(demoStartOptions({}, { OUDERPOORT_DEMO_SIS_DOWN: '0' })).to.deep.equal({});
  });

  it('a date starts the demo clock at 10:00 school time that day, and the result loads as config', () => {
    const values = demoStartValues(demo(), { date: '2027-06-10' }, NOW);
    expect(values).to.deep.equal({ demo: { startAt: '2027-06-10T08:00:00.000Z' } });
    expect(loadConfig({ file: 'config/demo.yaml', env: {}, values }).demo.startAt).to.equal('2027-06-10T08:00:00.000Z');
    expect(demoStartValues(demo(), { date: '2026-12-07T08:00:00+01:00' }, NOW)).to.deep.equal({ demo: { startAt: '2026-12-07T07:00:00.000Z' } });
  });

  it('--sis-down puts every mock adapter in an outage from 30 seconds after the demo\'s start', () => {
    const config = demo();
    const values = demoStartValues(config, { sisDown: true }, NOW) as { sis: { stack: Array<{ adapter: string; config: { outage: { from: string } } }> } };
    const start = Date.parse(config.demo.startAt!);
    expect(values.sis.stack[0]!.adapter).to.equal('mock');
    expect(Date.parse(values.sis.stack[0]!.config.outage.from)).to.equal(start + SIS_DOWN_AFTER_MS);
    const loaded = loadConfig({ file: 'config/demo.yaml', env: {}, values });
    expect(loaded.sis.stack[0]!.config).to.include({ hideFuture: true });
  });

  it('refuses a date that is none, and either option outside the demo, with a clear message', () => {
    const refused = (fn: () => unknown) => {
      try {
        fn();
      } catch (err) {
        expect(isConfigError(err)).to.equal(true);
        return (err as Error).message;
      }
      return expect.fail('not refused');
    };
    expect(refused(() => demoStartValues(demo(), { date: 'morgen' }, NOW))).to.include('--date (OUDERPOORT_DEMO_DATE)').and.include('2027-06-10');
    const production = loadConfig({ file: 'config/demo.yaml', env: {}, values: { demo: { enabled: false } } });
    expect(refused(() => demoStartValues(production, { sisDown: true }, NOW))).to.include('demo.enabled');
  });
});

import net from 'node:net';
import { expect } from 'chai';
import { addDays, isIsoDate, isIsoInstant, schoolYearOf, today } from '../../../adapters/contract/conformance/checks.ts';
import { formatReport } from '../../../adapters/contract/conformance/cli/report.ts';
import { LatencyRecorder, timed } from '../../../adapters/contract/conformance/latency.ts';
import { recordDeps, unreachableHttp } from '../../../adapters/contract/conformance/recording-deps.ts';
import { withSocketsBlocked } from '../../../adapters/contract/conformance/socket-guard.ts';
import type { SisAdapter } from '../../../adapters/contract/index.ts';

describe('conformance building blocks', () => {
  describe('dates', () => {
    it('accepts only real calendar days as ISO dates', () => {
      expect(['2024-02-29', '2026-12-31'].map(isIsoDate)).to.deep.equal([true, true]);
      expect(['2025-02-29', '2026-13-01', '2026-1-5', '05-01-2026', '2026-01-05T00:00:00Z', 20260105].map(isIsoDate))
        .to.deep.equal([false, false, false, false, false, false]);
    });

    it('accepts instants only with a zone', () => {
      expect(['2026-03-29T01:30:00Z', '2026-03-29T03:30:00.5+02:00'].map(isIsoInstant)).to.deep.equal([true, true]);
      expect(['2026-03-29T01:30:00', '2026-02-30T01:30:00Z', '2026-03-29'].map(isIsoInstant)).to.deep.equal([false, false, false]);
    });

    it("takes today's date in Europe/Amsterdam, and school years from 1 August", () => {
      expect(today({ now: () => new Date('2026-07-31T22:30:00Z') })).to.equal('2026-08-01');
      expect(schoolYearOf('2026-07-31')).to.equal('2025-2026');
      expect(schoolYearOf('2026-08-01')).to.equal('2026-2027');
      expect(addDays('2024-02-28', 1)).to.equal('2024-02-29');
      expect(addDays('2026-03-01', -1)).to.equal('2026-02-28');
    });
  });

  describe('latency', () => {
    it('times calls per method and summarises min, median and max', async () => {
      const recorder = new LatencyRecorder();
      for (const ms of [5, 1, 3, 9]) recorder.record('getStudent', ms);
      recorder.record('healthCheck', 2);
      expect(recorder.summary()).to.deep.equal([
        { method: 'getStudent', calls: 4, minMs: 1, medianMs: 4, maxMs: 9 },
        { method: 'healthCheck', calls: 1, minMs: 2, medianMs: 2, maxMs: 2 },
      ]);
    });

    it('times an adapter through a view that keeps absent methods absent and returns its own promise', async () => {
      const recorder = new LatencyRecorder();
      const pending = Promise.resolve({ ok: true, latencyMs: 0 });
      const adapter = { name: 'x', version: '1', capabilities: new Set(), healthCheck: () => pending } as unknown as SisAdapter;
      const view = timed(adapter, recorder);
      expect(view.healthCheck()).to.equal(pending);
      await pending;
      expect(view.getStudent).to.equal(undefined);
      expect(recorder.summary().map((l) => [l.method, l.calls])).to.deep.equal([['healthCheck', 1]]);
    });
  });

  describe('recording deps', () => {
    it('records http, logger and clock use without changing what they do', async () => {
      const lines: string[] = [];
      const base = {
        http: unreachableHttp(),
        logger: { debug() {}, info: (o: object | string) => void lines.push(String(o)), warn() {}, error() {} },
        clock: { now: () => new Date('2026-01-01T00:00:00Z') },
      };
      const { deps, calls } = recordDeps(base);
      deps.logger.info('hello');
      expect(deps.clock.now().toISOString()).to.equal('2026-01-01T00:00:00.000Z');
      const err = await deps.http.post('https://sis.example/soap', '<x/>').catch((e: { code?: string }) => e);
      await deps.http({ url: 'https://sis.example/direct' }).catch(() => undefined);
      expect((err as { code?: string }).code).to.equal('ECONNREFUSED');
      expect(lines).to.deep.equal(['hello']);
      expect(calls).to.deep.equal([
        { dep: 'logger', what: 'info hello' },
        { dep: 'clock', what: 'now()' },
        { dep: 'http', what: 'post https://sis.example/soap' },
        { dep: 'http', what: 'request https://sis.example/direct' },
      ]);
    });
  });

  describe('socket guard', () => {
    it('blocks and reports connections while active, and lets them through afterwards', async () => {
      const server = net.createServer((s) => s.end('hi'));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as net.AddressInfo;
      const connect = () => new Promise<string>((resolve) => {
        const socket = net.connect({ host: '127.0.0.1', port });
        socket.on('data', () => resolve('connected')).on('error', (e: NodeJS.ErrnoException) => resolve(`error ${e.code}`));
      });
      try {
        let blocked: Promise<string> | undefined;
        const outcome = await withSocketsBlocked(() => {
          blocked = connect();
        });
        expect(outcome.attempts).to.deep.equal([`127.0.0.1:${port}`]);
        expect(await blocked).to.equal('error ECONNREFUSED');
        expect(await connect()).to.equal('connected');
      } finally {
        server.close();
      }
    });
  });

  describe('report', () => {
    it('numbers failures in the table and explains each below it', () => {
      const text = formatReport('demo', ['students'], [
        { group: 'g', test: 'first rule', passed: true, durationMs: 3 },
        { group: 'g', test: 'second rule', passed: false, durationMs: 12, reason: 'line one\nline two' },
      ], [{ method: 'getStudent', calls: 2, minMs: 0.25, medianMs: 0.5, maxMs: 12.4 }]);
      expect(text).to.equal([
        'Conformance of adapter "demo" (capabilities tested: students)',
        '',
        'group  test         result   ms',
        '-----  -----------  -------  --',
        'g      first rule   pass      3',
        'g      second rule  FAIL #1  12',
        '',
        'Failures:',
        '',
        '#1 g › second rule',
        '    line one',
        '    line two',
        '',
        'Latency per method (ms):',
        '',
        'method      calls  min  median  max',
        '----------  -----  ---  ------  ---',
        'getStudent      2  0.3     0.5   12',
        '',
        'FAIL: 1 of 2 conformance tests failed (1 passed).',
        '',
      ].join('\n'));
    });
  });
});

/** The security-event recorder, the device names of the session list and the proxy warning. */
import { expect } from 'chai';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { deviceName } from '../../../gateway/http/device.ts';
import { proxyWarning } from '../../../gateway/http/secure-transport.ts';
import { createSecurityEventRecorder } from '../../../gateway/security-events/index.ts';
import { createMemoryStore } from '../../../gateway/store/memory-store.ts';
import { manualClock } from '../../support/clock.ts';

describe('security events', () => {
  it('one JSON line per event: UTC time, HMAC pseudonym, ip, method, outcome; a denial is also audited', async () => {
    let out = '';
    const logger = pino({ timestamp: false }, new Writable({ write(c, _e, cb) { out += String(c); cb(); } }));
    const store = createMemoryStore();
    await store.open();
    const clock = manualClock('2027-03-01T10:00:00+01:00');
    const recorder = createSecurityEventRecorder({ logger, clock, store, secret: 'k'.repeat(40) });
    await recorder.record({ type: 'login', outcome: 'failure', subject: 'parent:acc-1' }, { ip: '203.0.113.9', method: 'POST', path: '/inloggen' });
    await recorder.record({ type: 'access.denied', outcome: 'denied', subject: 'parent:acc-1', accountId: 'acc-1', detail: { reason: 'child-handle' } }, { ip: '203.0.113.9', method: 'GET', requestId: 'r1' });
    const [login, denied] = out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(login).to.include({ securityEvent: 'login', outcome: 'failure', at: '2027-03-01T09:00:00.000Z', ip: '203.0.113.9', method: 'POST', level: 40 });
    expect(login!.subject).to.equal(recorder.pseudonym('parent:acc-1')).and.not.include('acc-1');
    expect(denied).to.include({ securityEvent: 'access.denied', outcome: 'denied' });
    const audit = await store.audit.query({ action: 'access.denied' });
    expect(audit).to.have.length(1);
    expect(audit[0]).to.include({ actor: 'acc-1', actorKind: 'parent', requestId: 'r1' });
    // Another secret, other pseudonyms.
    const other = createSecurityEventRecorder({ logger, clock, store, secret: 'z'.repeat(40) });
    expect(other.pseudonym('parent:acc-1')).to.not.equal(recorder.pseudonym('parent:acc-1'));
  });

  it('names devices coarsely, never by the raw User-Agent', () => {
    expect(deviceName('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0')).to.equal('Firefox, Windows');
    expect(deviceName('Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36')).to.equal('Chrome, Android');
    expect(deviceName('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Version/17.5 Safari/605.1.15')).to.equal('Safari, macOS');
    expect(deviceName('Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/126.0 Safari/537.36 Edg/126.0')).to.equal('Edge, Windows');
    expect(deviceName(undefined)).to.equal('?');
  });

  it('warns at boot when secure cookies meet trustProxy 0 on a plain-HTTP listener', () => {
    expect(proxyWarning({ secureCookies: true, trustProxy: 0 })).to.include('server.trustProxy');
    expect(proxyWarning({ secureCookies: true, trustProxy: 1 })).to.equal(undefined);
    expect(proxyWarning({ secureCookies: false, trustProxy: 0 })).to.equal(undefined);
  });
});

/** The second-factor module: real TOTP codes computed from the secret at the injected clock. */
import { expect } from 'chai';
import { createSecondFactor, operatorSubject, parentSubject, RECOVERY_CODE_COUNT, SECOND_FACTORS_COLLECTION, totpCode, type SecondFactorDoc } from '../../../../gateway/auth/second-factor/index.ts';
import { createLoginThrottle } from '../../../../gateway/auth/throttle.ts';
import { createMemoryStore } from '../../../../gateway/store/memory-store.ts';
import { manualClock } from '../../../support/clock.ts';

async function setUp() {
  const clock = manualClock('2027-03-01T10:00:00Z');
  const store = createMemoryStore();
  await store.open();
  const collection = store.collection<SecondFactorDoc>(SECOND_FACTORS_COLLECTION);
  const factor = createSecondFactor({ collection, clock, throttle: createLoginThrottle({ clock }), sealSecret: 's'.repeat(40), issuer: 'De Bron' });
  return { clock, store, collection, factor };
}

async function enrolled(subject = parentSubject('a1')) {
  const env = await setUp();
  const enrolment = await env.factor.beginEnrolment(subject, 'demo.ouder');
  const confirm = await env.factor.confirmEnrolment(subject, totpCode(enrolment.secret, env.clock.now().getTime()), '203.0.113.7');
  if (!confirm.ok) throw new Error('enrolment failed');
  return { ...env, subject, secret: enrolment.secret, recoveryCodes: confirm.recoveryCodes };
}

describe('second factor (TOTP)', () => {
  it('enrols with a QR code as SVG and the key in text, confirmed by one code; ten recovery codes', async () => {
    const { factor, clock, collection } = await setUp();
    const subject = parentSubject('a1');
    const enrolment = await factor.beginEnrolment(subject, 'demo.ouder');
    expect(enrolment.secret).to.match(/^[A-Z2-7]{32}$/);
    expect(enrolment.uri).to.match(/^otpauth:\/\/totp\/De%20Bron:demo.ouder\?/).and.include(`secret=${enrolment.secret}`);
    expect(enrolment.qrSvg).to.match(/^<svg /).and.not.match(/<script|style=/);
    expect((await factor.status(subject)).enrolled, 'not before confirmation').to.equal(false);
    expect((await factor.confirmEnrolment(subject, '000000', undefined)).ok).to.equal(false);
    const ok = await factor.confirmEnrolment(subject, totpCode(enrolment.secret, clock.now().getTime()), undefined);
    expect(ok.ok).to.equal(true);
    if (!ok.ok) return;
    expect(ok.recoveryCodes).to.have.length(RECOVERY_CODE_COUNT);
    expect(await factor.status(subject)).to.deep.equal({ enrolled: true, recoveryCodesLeft: 10 });
    // Nothing readable at rest: the secret is sealed, the codes hashed.
    const stored = JSON.stringify(await collection.get(subject));
    expect(stored).to.not.include(enrolment.secret);
    for (const code of ok.recoveryCodes) expect(stored).to.not.include(code);
  });

  it('accepts a code once (replay refused), and one step either side of now only', async () => {
    const { factor, clock, subject, secret } = await enrolled();
    clock.advance(60_000);
    const now = clock.now().getTime();
    const code = totpCode(secret, now);
    expect(await factor.verify(subject, code, undefined)).to.include({ ok: true, method: 'totp' });
    expect(await factor.verify(subject, code, undefined)).to.deep.equal({ ok: false, reason: 'replayed' });
    // The previous step's code is older than the one used: refused too.
    expect(await factor.verify(subject, totpCode(secret, now - 30_000), undefined)).to.deep.equal({ ok: false, reason: 'replayed' });
    expect(await factor.verify(subject, totpCode(secret, now + 30_000), undefined)).to.include({ ok: true });
    expect(await factor.verify(subject, totpCode(secret, now + 90_000), undefined)).to.deep.equal({ ok: false, reason: 'invalid' });
  });

  it('the same code sent twice at once is accepted once', async () => {
    const { factor, clock, subject, secret } = await enrolled();
    clock.advance(60_000);
    const code = totpCode(secret, clock.now().getTime());
    const results = await Promise.all([factor.verify(subject, code, undefined), factor.verify(subject, code, undefined)]);
    expect(results.filter((r) => r.ok)).to.have.length(1);
  });

  it('a recovery code works once', async () => {
    const { factor, subject, recoveryCodes } = await enrolled();
    const code = recoveryCodes[3]!;
    expect(await factor.verify(subject, code.toLowerCase(), undefined)).to.deep.equal({ ok: true, method: 'recovery', recoveryCodesLeft: 9 });
    expect(await factor.verify(subject, code, undefined)).to.deep.equal({ ok: false, reason: 'invalid' });
  });

  it('throttles guesses like passwords, across addresses too', async () => {
    const { factor, clock, subject, secret } = await enrolled(operatorSubject('beheerder'));
    let last;
    for (let i = 0; i < 12; i++) last = await factor.verify(subject, '123456', `198.51.100.${i}`);
    expect(last).to.include({ ok: false, reason: 'throttled' });
    // Even the right code waits.
    clock.advance(1000);
    expect(await factor.verify(subject, totpCode(secret, clock.now().getTime()), '192.0.2.1')).to.include({ reason: 'throttled' });
  });

  it('reset removes it; verifying then says not enrolled', async () => {
    const { factor, subject, secret, clock } = await enrolled();
    expect(await factor.reset(subject)).to.equal(true);
    expect(await factor.status(subject)).to.deep.equal({ enrolled: false, recoveryCodesLeft: 0 });
    expect(await factor.verify(subject, totpCode(secret, clock.now().getTime() + 30_000), undefined)).to.deep.equal({ ok: false, reason: 'not-enrolled' });
    expect(await factor.reset(subject)).to.equal(false);
  });
});

/**
 * The break-glass login (a local staff account) always needs the second factor: the password
 * alone opens nothing; the first time the operator enrols (QR code and key, a code to confirm,
 * recovery codes once); later logins ask for the code; a wrong or replayed code is refused.
 */
import { expect } from 'chai';
import request from 'supertest';
import { totpCode } from '../../gateway/auth/second-factor/index.ts';
import { createTestApp, csrfFrom } from '../support/app.ts';
import { DEMO_OPERATOR } from '../support/operator.ts';

describe('operator: the break-glass login needs the second factor', function () {
  this.timeout(30_000);

  it('enrols on the first login, asks for the code afterwards, and refuses the password alone or a wrong code', async () => {
    const t = await createTestApp({ now: '2027-03-01T10:00:00+01:00' });
    const password = async () => {
      const agent = request.agent(t.app);
      const page = await agent.get('/beheer/inloggen');
      const res = await agent.post('/beheer/inloggen').type('form').send({ _csrf: csrfFrom(page.text), ...DEMO_OPERATOR });
      expect(res.headers.location).to.equal('/beheer/inloggen/code');
      return agent;
    };
    const first = await password();
    expect((await first.get('/beheer/wijzigingen')).status, 'the password alone').to.equal(303);
    const enrol = await first.get('/beheer/inloggen/code');
    expect(enrol.text).to.contain('<svg');
    const secret = /<code class="totp-key">([A-Z2-7]+)<\/code>/.exec(enrol.text)![1]!;
    const wrong = await first.post('/beheer/inloggen/code').type('form').send({ _csrf: csrfFrom(enrol.text), code: '000000' });
    expect(wrong.status).to.equal(401);
    const done = await first.post('/beheer/inloggen/code').type('form')
      .send({ _csrf: csrfFrom(wrong.text), code: totpCode(secret, t.clock.now().getTime()) });
    expect(done.status).to.equal(200);
    expect(done.text).to.match(/<ol class="recovery-codes">/);
    expect((await first.get('/beheer/wijzigingen')).status).to.equal(200);

    // Later: the code from the app, never the same code twice.
    t.clock.advance(60_000);
    const second = await password();
    const ask = await second.get('/beheer/inloggen/code');
    expect(ask.text).not.to.contain('<svg');
    const code = totpCode(secret, t.clock.now().getTime());
    const ok = await second.post('/beheer/inloggen/code').type('form').send({ _csrf: csrfFrom(ask.text), code });
    expect(ok.status).to.equal(303);
    expect(ok.headers.location).to.equal('/beheer/wijzigingen');
    const third = await password();
    const again = await third.get('/beheer/inloggen/code');
    expect((await third.post('/beheer/inloggen/code').type('form').send({ _csrf: csrfFrom(again.text), code })).status, 'replayed').to.equal(401);
    expect((await third.get('/beheer/wijzigingen')).status).to.equal(303);
    expect(t.logs()).to.match(/"securityEvent":"secondFactor.use"[^\n]*"outcome":"failure"/);
  });
});

/**
 * Issue 22 item 6: the help moment at school (14 December, 8.30–9.15) is shown on the help page
 * and in a (re-sent) invitation mail only until it is over — not in March.
 */
import { expect } from 'chai';
import { reissueInvitation } from '../../gateway/accounts/reissue.ts';
import { createTestApp, DEMO, type TestApp } from '../support/app.ts';
import { loginAs } from '../support/agent.ts';
import { smtpValues, startTestSmtp, type TestSmtp } from '../support/smtp.ts';

const MOMENT_NL = 'maandag 14 december 2026';

describe('a help moment that has passed is not shown (issue 22 item 6)', function () {
  this.timeout(40_000);
  let smtp: TestSmtp;
  let t: TestApp | undefined;

  before(async () => { smtp = await startTestSmtp(); });
  after(() => smtp.stop());
  afterEach(async () => { await t?.services.mailer.close?.(); });

  async function helpPage(now: string): Promise<string> {
    t = await createTestApp({ now });
    const { agent } = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
    return (await agent.get('/hulp')).text;
  }

  it('the help page shows it up to its last minute, and not from its end on', async () => {
    expect(await helpPage('2026-12-10T10:00:00+01:00')).to.include(MOMENT_NL).and.include('Hulp bij inloggen op school');
    expect(await helpPage('2026-12-14T09:14:00+01:00')).to.include(MOMENT_NL);
    expect(await helpPage('2026-12-14T09:15:00+01:00')).not.to.include('Hulp bij inloggen op school');
    const march = await helpPage('2027-03-01T10:00:00+01:00');
    expect(march).not.to.include(MOMENT_NL);
    expect(march).not.to.include('Hulp bij inloggen op school');
  });

  it('a re-sent invitation mentions it before the day and not after', async () => {
    smtp.messages.length = 0;
    t = await createTestApp({ now: '2026-12-10T10:00:00+01:00', values: smtpValues(smtp.port) });
    expect(await reissueInvitation(t.services, DEMO.firstLogin.username)).to.include({ outcome: 'invited' });
    await t.services.delivery.runOnce();
    expect(smtp.messages.at(-1)!.text).to.include(`${MOMENT_NL} van 08:30 tot`);

    t.clock.set('2027-03-01T10:00:00+01:00');
    expect(await reissueInvitation(t.services, DEMO.firstLogin.username)).to.include({ outcome: 'invited' });
    await t.services.delivery.runOnce();
    const march = smtp.messages.at(-1)!;
    expect(smtp.messages).to.have.length(2);
    expect(march.text).to.include('Inlogcode:');
    expect(march.text).not.to.include('14 december');
    expect(march.html).not.to.include('14 december');
  });
});

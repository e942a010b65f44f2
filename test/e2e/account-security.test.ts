/**
 * The second factor and the sessions list in a real browser (Debian's Chromium) against the demo
 * school as `npm start` boots it: a parent sets up TOTP from the account page (QR code drawn on the
 * server as SVG, the key in text, a code computed from that key at the demo's clock), keeps the
 * recovery codes, logs in again with a code, sees where they are logged in and logs out everywhere.
 * No JavaScript on any of these pages; driven only through labels, buttons and headings.
 */
import { expect } from 'chai';
import { totpCode } from '../../gateway/auth/second-factor/index.ts';
import { useBrowser } from '../support/browser.ts';
import { useDemoApp } from './demo-app.ts';
import { clickAndLoad, h1, logIn } from './page-actions.ts';
import { textOf } from './page-reading.ts';

const PARENT = { username: 'demo.vader', password: 'zeilboot op het grote meer varen' };

describe('second factor and sessions in a real browser', function () {
  this.timeout(60_000);
  const browser = useBrowser({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', javaScriptEnabled: false });
  const demo = useDemoApp();

  it('sets up TOTP on the account page, logs in with a code, lists the session and logs out everywhere', async () => {
    const page = await browser.newPage();
    await page.goto(`${demo.url}/inloggen`);
    await logIn(page, PARENT.username, PARENT.password);
    expect(await h1(page)).to.equal('Uw kinderen');

    await page.goto(`${demo.url}/account`);
    await clickAndLoad(page, page.getByRole('link', { name: 'Tweestapsverificatie instellen', exact: true }));
    expect(await h1(page)).to.equal('Tweestapsverificatie instellen');
    await clickAndLoad(page, page.getByRole('button', { name: 'Beginnen', exact: true }));
    const qr = page.getByRole('img', { name: 'QR-code voor uw authenticator-app', exact: true });
    expect(await qr.locator('svg').count()).to.equal(1);
    const box = await qr.locator('svg').boundingBox();
    expect(box?.width, 'the QR code is drawn').to.be.above(100);
    const secret = await textOf(page.locator('code.totp-key'));
    expect(secret).to.match(/^[A-Z2-7]{32}$/);

    const clock = demo.app.clock;
    await page.getByLabel('De code van zes cijfers die de app nu toont', { exact: true }).fill(totpCode(secret, clock.now().getTime()));
    await clickAndLoad(page, page.getByRole('button', { name: 'Bevestigen', exact: true }));
    expect(await h1(page)).to.equal('Tweestapsverificatie staat aan');
    expect(await page.locator('ol.recovery-codes li').count()).to.equal(10);
    await clickAndLoad(page, page.getByRole('link', { name: 'Verder naar het portaal', exact: true }));
    await clickAndLoad(page, page.getByRole('button', { name: 'Uitloggen', exact: true }));

    // The next login asks for the code.
    clock.advance(60_000);
    await logIn(page, PARENT.username, PARENT.password);
    expect(await h1(page)).to.equal('Vul de code uit uw app in');
    await page.getByLabel('Code', { exact: true }).fill(totpCode(secret, clock.now().getTime()));
    await clickAndLoad(page, page.getByRole('button', { name: 'Inloggen', exact: true }));
    expect(await h1(page)).to.equal('Uw kinderen');

    await page.goto(`${demo.url}/account`);
    const sessions = page.getByRole('region', { name: 'Waar u bent ingelogd', exact: true });
    expect(await textOf(sessions)).to.include('(dit apparaat)');
    expect(await textOf(page.getByRole('region', { name: 'Tweestapsverificatie', exact: true }))).to.include('staat aan');
    await clickAndLoad(page, sessions.getByRole('button', { name: 'Overal uitloggen', exact: true }));
    expect(await h1(page)).to.equal('Inloggen');
    await page.goto(`${demo.url}/account`);
    expect(await h1(page), 'logged out').to.equal('Inloggen');
    expect(browser.problems).to.deep.equal([]);
  });
});

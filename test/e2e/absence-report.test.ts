/**
 * A sick report (ziekmelding) in a real browser against the demo school as `npm start` boots it:
 * from the child's page to the form — at 10:00, after the 08:15 cut-off, so it says to phone for
 * today and shows the school's number — a form sent without a reason (the message sits with the
 * field), then the next school day reported and "ontvangen" with the day listed as "gemeld door u".
 * axe-core finds no WCAG 2.1 A/AA violation on the form, its error state or the answer.
 */
import { expect } from 'chai';
import type { PageProblem } from '../support/browser.ts';
import { expectNoAxeViolations } from './axe.ts';
import { useDemoInBrowser } from './demo-app.ts';
import { clickAndLoad, h1, isExpectedFailedLoad, logIn } from './page-actions.ts';
import { textOf } from './page-reading.ts';

const PARENT = { username: 'demo.ouder', password: 'fietsen langs de bloeiende dijk' };
const isExpectedRefusal = (problem: PageProblem) => isExpectedFailedLoad(problem, [{ status: 422, path: /^\/kind\/[^/]+\/ziekmelden$/ }]);

describe('a sick report in a real browser', function () {
  this.timeout(60_000);
  const { browser, demo } = useDemoInBrowser();

  it('goes from the child\'s page through a missing reason to "ontvangen", with the phone number after the cut-off', async () => {
    const page = await browser.newPage();
    await page.goto(`${demo.url}/inloggen`);
    await logIn(page, PARENT.username, PARENT.password);
    const firstChild = page.locator('main .cards .card-link').first();
    await clickAndLoad(page, firstChild);
    await clickAndLoad(page, page.getByRole('link', { name: 'Ziek of afwezig melden', exact: true }));
    expect(await h1(page)).to.match(/ziek melden$/);
    // Monday 1 March 10:00: past 08:15, so today is for the phone.
    expect(await textOf(page.locator('main .notice').first())).to.contain('Bel de school');
    expect(await page.locator('#main').getByRole('link', { name: '030 123 45 67' }).getAttribute('href')).to.equal('tel:0301234567');
    expect(await page.getByLabel(/^Vandaag/).count()).to.equal(0);
    await expectNoAxeViolations(page, 'the sick report form');

    await page.getByLabel(/^De volgende schooldag/).check();
    await clickAndLoad(page, page.getByRole('button', { name: 'Melding versturen', exact: true }));
    const reasons = page.getByRole('group', { name: 'Reden' });
    expect(await textOf(reasons)).to.contain('Kies een reden.');
    expect(await page.getByLabel(/^De volgende schooldag/).isChecked(), 'what was chosen stays').to.equal(true);
    await expectNoAxeViolations(page, 'the sick report form with an error');

    await page.getByLabel(/^Ziek/).check();
    await page.getByLabel('Toelichting (niet verplicht)').fill('koorts');
    await clickAndLoad(page, page.getByRole('button', { name: 'Melding versturen', exact: true }));
    expect(await textOf(page.getByRole('status'))).to.contain('Ontvangen');
    expect(await textOf(page.getByRole('region', { name: 'Al gemeld' }))).to.contain('gemeld door u');
    await expectNoAxeViolations(page, 'the sick report received');
    expect(browser.problems.filter((p) => !isExpectedRefusal(p))).to.deep.equal([]);
  });
});

/**
 * The data check (gegevenscontrole) in a real browser against the demo school as `npm start` boots
 * it, on the date of its calendar event (5 July 2027, the demo's clock set there): a parent with
 * gezag is asked at login, reads the family's data and confirms it; another opens "Er klopt iets
 * niet", leaves without sending — and is asked again at the next login, told the correction was
 * not sent — then sends it, and is asked no more. axe-core finds no WCAG 2.1 A/AA violation.
 */
import { expect } from 'chai';
import { DATA_CHECK_ANSWERS_COLLECTION, type DataCheckAnswer } from '../../gateway/data-check/index.ts';
import { DEMO } from '../support/app.ts';
import { expectNoAxeViolations } from './axe.ts';
import { useDemoInBrowser } from './demo-app.ts';
import { clickAndLoad, h1, logInAt, logOut } from './page-actions.ts';
import { textOf } from './page-reading.ts';

const CHECK_HEADING = 'Kloppen de gegevens van uw gezin nog?';

describe('the data check in a real browser', function () {
  this.timeout(90_000);
  const { browser, demo } = useDemoInBrowser();

  before(() => demo.app.clock.set('2027-07-05T10:00:00+02:00'));

  it('asks at login on its date, shows the family\'s data, and takes "Alles klopt"', async () => {
    const page = await browser.newPage();
    await logInAt(page, demo.url, DEMO.parent);
    expect(new URL(page.url()).pathname, 'asked at login').to.equal('/gegevenscontrole');
    expect(await h1(page)).to.equal(CHECK_HEADING);
    const children = page.locator('main section.card');
    expect(await children.count(), 'both children').to.equal(2);
    expect(await textOf(children.first())).to.contain('Adres');
    await expectNoAxeViolations(page, 'the data check');

    await clickAndLoad(page, page.getByRole('button', { name: 'Alles klopt', exact: true }));
    expect(await textOf(page.getByRole('status'))).to.contain('Dank u wel');
    await page.goto(`${demo.url}/`);
    expect(await h1(page), 'the portal as usual').to.equal('Uw kinderen');
    await logOut(page);
    await logInAt(page, demo.url, DEMO.parent);
    expect(new URL(page.url()).pathname, 'not asked again').not.to.equal('/gegevenscontrole');
    expect(browser.problems).to.deep.equal([]);
  });

  it('counts "Er klopt iets niet" once the correction is sent, not when the form is only opened', async () => {
    const page = await browser.newPage();
    await logInAt(page, demo.url, DEMO.separated);
    expect(await h1(page)).to.equal(CHECK_HEADING);
    await clickAndLoad(page, page.getByRole('button', { name: /^Er klopt iets niet bij / }));
    expect(new URL(page.url()).pathname).to.match(/^\/kind\/[A-Za-z0-9_-]+\/wijzigen$/);
    // The parent leaves the form without sending anything.
    await logOut(page);

    await logInAt(page, demo.url, DEMO.separated);
    expect(await h1(page), 'asked again: nothing was sent').to.equal(CHECK_HEADING);
    expect(await textOf(page.locator('main .notice'))).to.contain('U bent begonnen met een correctie, maar die is nog niet verstuurd.');
    await expectNoAxeViolations(page, 'the data check with a correction started');
    await clickAndLoad(page, page.getByRole('button', { name: /^Er klopt iets niet bij / }));
    await page.getByLabel('Straat', { exact: true }).fill('Lindelaan');
    await page.getByLabel('Huisnummer', { exact: true }).fill('12a');
    await page.getByLabel('Postcode', { exact: true }).fill('1234 AB');
    await clickAndLoad(page, page.getByRole('button', { name: 'Wijziging versturen', exact: true }));
    expect(await h1(page)).to.equal('Wijziging ontvangen');
    await logOut(page);

    await logInAt(page, demo.url, DEMO.separated);
    expect(await h1(page), 'the correction answered the check').to.equal('Uw kinderen');
    const account = (await demo.app.booted.services.store.accounts.findByUsername(DEMO.separated.username))!;
    const answers = await demo.app.booted.services.store.collection<DataCheckAnswer>(DATA_CHECK_ANSWERS_COLLECTION).list();
    expect(answers.find((a) => a.accountId === account.id)).to.include({ outcome: 'corrected' });
    expect(browser.problems).to.deep.equal([]);
  });
});

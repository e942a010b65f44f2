/**
 * A leave request (verlof) decided by the head, in a real browser against the demo school as
 * `npm start` boots it, demo IdP included: the parent asks for two school days from the child's
 * page, the head (role directie, through the identity provider) approves it with a note on
 * /beheer/verlof, and the parent finds "toegestaan" and the note on the leave page.
 */
import { expect } from 'chai';
import { DEMO } from '../support/app.ts';
import { expectNoAxeViolations } from './axe.ts';
import { useDemoInBrowser } from './demo-app.ts';
import { clickAndLoad, h1, logIn, logInAt, logOut } from './page-actions.ts';
import { textOf } from './page-reading.ts';

const NOTE = 'Fijne bruiloft, en tot maandag.';

describe('a leave request decided by the head in a real browser', function () {
  this.timeout(90_000);
  const { browser, demo } = useDemoInBrowser();

  it('goes from the parent\'s request through the head\'s approval with a note to "toegestaan" on the parent\'s page', async () => {
    const page = await browser.newPage();
    await logInAt(page, demo.url, DEMO.parent);
    await clickAndLoad(page, page.locator('main .cards .card-link').first());
    const childPath = new URL(page.url()).pathname;
    await clickAndLoad(page, page.getByRole('link', { name: 'Verlof aanvragen', exact: true }));
    expect(await h1(page)).to.match(/^Verlof aanvragen voor /);
    expect(await textOf(page.getByRole('region', { name: 'Wat de wet zegt over verlof' }))).to.contain('10');

    // Monday 1 March 2027: Thursday 11 and Friday 12 March are school days.
    await page.getByLabel('Eerste dag van het verlof', { exact: true }).fill('2027-03-11');
    await page.getByLabel('Laatste dag van het verlof', { exact: true }).fill('2027-03-12');
    await page.getByLabel('Waarom vraagt u verlof?', { exact: true }).fill('Bruiloft van een tante in Groningen');
    await clickAndLoad(page, page.getByRole('button', { name: 'Aanvraag versturen', exact: true }));
    const banner = page.getByRole('status');
    expect(await textOf(banner)).to.contain('Ontvangen');
    const requests = await demo.app.booted.services.leave.list();
    expect(requests, 'one request stored').to.have.length(1);
    const request = requests[0]!;
    expect(await textOf(banner)).to.contain(`Kenmerk: ${request.reference}`);
    await logOut(page);

    // The head logs in through the school's identity provider and approves it with a note.
    const head = demo.app.booted.demoStaff!.logins.find((l) => l.roles.includes('directie') && !l.roles.includes('beheer'))!;
    await page.goto(`${demo.url}/beheer/inloggen`);
    await clickAndLoad(page, page.getByRole('link', { name: 'Inloggen met uw schoolaccount', exact: true }));
    await logIn(page, head.username, head.password);
    await clickAndLoad(page, page.getByRole('link', { name: 'Verlof', exact: true }));
    expect(await h1(page)).to.equal('Verlofaanvragen van ouders');
    const card = page.locator(`[id="verlof-${request.reference}"]`);
    expect(await textOf(card)).to.contain('Bruiloft van een tante in Groningen').and.contain('2 schooldagen');
    await expectNoAxeViolations(page, 'the leave requests for the head');
    await card.getByLabel('Toelichting voor de ouder (verplicht bij afwijzen)', { exact: true }).fill(NOTE);
    await clickAndLoad(page, card.getByRole('button', { name: 'Toestaan', exact: true }));
    expect(await textOf(page.getByRole('status'))).to.contain('Het verlof is toegestaan.');
    const decided = page.locator(`[id="verlof-${request.reference}"]`);
    expect(await textOf(decided)).to.contain('toegestaan');
    expect(await decided.getByRole('button', { name: 'Toestaan', exact: true }).count(), 'decided once').to.equal(0);
    // The parent is on another device: no cookie of the head's comes along.
    await page.context().clearCookies();

    // The parent sees the decision and the note.
    await logInAt(page, demo.url, DEMO.parent);
    await page.goto(`${demo.url}${childPath}/verlof`);
    const mine = page.locator(`[id="verlof-${request.reference}"]`);
    expect(await textOf(mine)).to.contain('Besluit: toegestaan').and.contain(`Toelichting van de school: ${NOTE}`);
    await expectNoAxeViolations(page, 'the leave page with the decision');
    expect(browser.problems).to.deep.equal([]);
  });
});

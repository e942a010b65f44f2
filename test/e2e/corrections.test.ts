/**
 * A correction by a parent, from form to decision, in a real browser (Debian's Chromium through
 * playwright-core) against the demo school as `npm start` boots it: the parent corrects an address
 * (a wrong postcode first), sees "ontvangen" with a reference and reloads that page without sending
 * anything twice; the school's operator rejects it with a note in the queue under /beheer; the
 * parent sees "afgewezen" and the note on the child's page. Driven only through what people see:
 * labelled fields, buttons, links and headings.
 */
import { expect } from 'chai';
import type { PageProblem } from '../support/browser.ts';
import { useDemoInBrowser } from './demo-app.ts';
import { clickAndLoad, expectFieldError, h1, isExpectedFailedLoad, logInAt, logOut, operatorLogIn } from './page-actions.ts';
import { textOf } from './page-reading.ts';

const PARENT = { username: 'demo.ouder', password: 'fietsen langs de bloeiende dijk' };
const OPERATOR = { username: 'demo.beheerder', password: 'appelflap met slagroom op het plein' };
/** The father who must not see the mother's secret address, which is the child's address too. */
const FATHER = { username: 'demo.vader', password: 'zeilboot op het grote meer varen' };
const NOTE = 'Dit adres staat niet in de basisregistratie; kunt u het nakijken?';

/** A refused form (422) is the portal working. */
const EXPECTED_FAILED_LOADS = [{ status: 422, path: /^\/kind\/[^/]+\/wijzigen$/ }];
const isExpectedRefusal = (problem: PageProblem) => isExpectedFailedLoad(problem, EXPECTED_FAILED_LOADS);

describe('a parent\'s correction in a real browser', function () {
  this.timeout(60_000);
  const { browser, demo } = useDemoInBrowser();

  it('goes from the form (a wrong postcode first) to "ontvangen", through the operator\'s rejection, to "afgewezen" with the note', async () => {
    const page = await browser.newPage();
    await logInAt(page, demo.url, PARENT);
    expect(await h1(page)).to.equal('Uw kinderen');

    // The child's page, then its correction form.
    const firstChild = page.locator('main .cards .card-link').first();
    const childName = await textOf(firstChild);
    await clickAndLoad(page, firstChild);
    const childPath = new URL(page.url()).pathname;
    expect(childPath).to.match(/^\/kind\/[A-Za-z0-9_-]+$/);
    expect(await h1(page)).to.equal(childName);
    const corrections = page.getByRole('region', { name: 'Doorgegeven wijzigingen', exact: true });
    expect(await textOf(corrections)).to.contain('U heeft nog geen wijzigingen doorgegeven.');
    await clickAndLoad(page, corrections.getByRole('link', { name: 'Gegevens wijzigen', exact: true }));
    expect(new URL(page.url()).pathname).to.equal(`${childPath}/wijzigen`);
    const street = page.getByLabel('Straat', { exact: true });
    const postcode = page.getByLabel('Postcode', { exact: true });
    expect(await street.inputValue(), 'the form starts from what the school has').not.to.equal('');

    // A postcode that is not Dutch: the message sits with the field, and what was typed stays.
    await street.fill('Lindelaan');
    await page.getByLabel('Huisnummer', { exact: true }).fill('12a');
    await postcode.fill('1234 A');
    await clickAndLoad(page, page.getByRole('button', { name: 'Wijziging versturen', exact: true }));
    expect(new URL(page.url()).pathname).to.equal(`${childPath}/wijzigen`);
    expect(await textOf(page.getByRole('alert'))).to.contain('Nog niet alles is goed ingevuld');
    // The summary's line for the postcode links to the field: following it puts the cursor there (issue 22 item 7).
    await page.getByRole('alert').getByRole('link', { name: 'Postcode: Vul een Nederlandse postcode in, zoals 1234 AB.' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).to.equal('field-postcode');
    await expectFieldError(page, 'Postcode', 'Vul een Nederlandse postcode in, zoals 1234 AB.');
    expect(await postcode.inputValue()).to.equal('1234 A');
    expect(await street.inputValue()).to.equal('Lindelaan');
    expect(await page.getByLabel('Huisnummer', { exact: true }).inputValue()).to.equal('12a');
    expect(await demo.app.booted.services.changes.list(), 'nothing stored for a refused form').to.deep.equal([]);

    // Corrected: "ontvangen" with a reference, on a page of its own (Post/Redirect/Get).
    await postcode.fill('1234 ab');
    await clickAndLoad(page, page.getByRole('button', { name: 'Wijziging versturen', exact: true }));
    const received = new URL(page.url());
    expect(received.pathname).to.equal(`${childPath}/wijzigen`);
    const reference = received.searchParams.get('ontvangen') ?? '';
    expect(reference).to.match(/^WZ-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(await h1(page)).to.equal('Wijziging ontvangen');
    const banner = page.getByRole('status');
    expect(await textOf(banner.getByRole('heading', { level: 2 }))).to.equal('Ontvangen');
    expect(await textOf(banner)).to.contain(`Uw referentie: ${reference}`);

    // A reload reads the page again and sends nothing.
    await page.reload();
    expect(page.url()).to.equal(received.href);
    expect(await textOf(page.getByRole('status'))).to.contain(`Uw referentie: ${reference}`);
    expect(await textOf(page.getByRole('status'))).not.to.contain('U had deze wijziging al verstuurd');
    const stored = await demo.app.booted.services.changes.list();
    expect(stored.map((r) => r.reference), 'one request, however often the page is loaded').to.deep.equal([reference]);
    expect(stored[0]!.fields.map((f) => f.new)).to.include.members(['Lindelaan', '12a', '1234 AB']);
    await logOut(page);

    // The school's operator finds it in the queue and rejects it with a note for the parent.
    await operatorLogIn(page, demo.url, OPERATOR, demo.app.clock.now().getTime());
    expect(new URL(page.url()).pathname).to.equal('/beheer/wijzigingen');
    expect(await h1(page)).to.equal('Wijzigingen van ouders');
    const card = page.locator('main .cards > li').filter({ has: page.getByRole('heading', { level: 2, name: new RegExp(`^${reference} `) }) });
    expect(await card.count()).to.equal(1);
    const shown = await textOf(card);
    expect(shown).to.contain(childName);
    expect(shown).to.contain('→ Lindelaan');
    expect(shown).to.contain('→ 1234 AB');
    await card.getByLabel('Toelichting voor de ouder', { exact: true }).fill(NOTE);
    await clickAndLoad(page, card.getByRole('button', { name: 'Afwijzen', exact: true }));
    expect(await textOf(page.getByRole('status'))).to.contain('De wijziging is afgewezen; de ouder ziet uw toelichting.');
    await clickAndLoad(page, page.getByRole('link', { name: 'alle', exact: true }));
    const decided = page.locator('main .cards > li').filter({ has: page.getByRole('heading', { level: 2, name: new RegExp(`^${reference} `) }) });
    expect(await textOf(decided)).to.contain('afgewezen');
    expect(await decided.getByRole('button', { name: 'Afwijzen', exact: true }).count(), 'decided once').to.equal(0);
    await logOut(page);

    // The parent sees the decision and the note on the child's page.
    await logInAt(page, demo.url, PARENT);
    await page.goto(`${demo.url}${childPath}`);
    const history = await textOf(page.getByRole('region', { name: 'Doorgegeven wijzigingen', exact: true }));
    expect(history).to.contain(`Referentie: ${reference}`);
    expect(history).to.contain('Status: afgewezen');
    expect(history).to.contain(`Toelichting van de school: ${NOTE}`);

    expect(browser.problems.filter((p) => !isExpectedRefusal(p)), 'console errors, CSP violations or script errors').to.deep.equal([]);
    expect(browser.problems.filter(isExpectedRefusal), 'the one refused form').to.have.length(1);
  });

  it('offers the father no address field for a child whose address is secret, with no hint that one exists, and takes his own phone number', async () => {
    const page = await browser.newPage();
    await logInAt(page, demo.url, FATHER);
    await clickAndLoad(page, page.locator('main .cards .card-link').first());
    const childPath = new URL(page.url()).pathname;
    const address = await textOf(page.getByRole('region', { name: 'Adres en contact', exact: true }));
    expect(address).to.contain('Geen adres geregistreerd.');
    await clickAndLoad(page, page.getByRole('link', { name: 'Gegevens wijzigen', exact: true }));
    expect(new URL(page.url()).pathname).to.equal(`${childPath}/wijzigen`);

    for (const label of ['Straat', 'Huisnummer', 'Postcode', 'Plaats']) {
      expect(await page.getByLabel(label, { exact: true }).count(), label).to.equal(0);
    }
    expect(await page.getByRole('group', { name: 'Adres van uw kind' }).count()).to.equal(0);
    const form = await textOf(page.locator('main'));
    expect(form).not.to.match(/geheim|verborgen|niet getoond|adres van uw kind/i);

    await page.getByLabel('Telefoonnummer', { exact: true }).fill('06 11112222');
    await clickAndLoad(page, page.getByRole('button', { name: 'Wijziging versturen', exact: true }));
    expect(await h1(page)).to.equal('Wijziging ontvangen');
    const mine = (await demo.app.booted.services.changes.list()).filter((r) => r.fields.some((f) => f.new === '06 11112222'));
    expect(mine).to.have.length(1);
    expect(mine[0]!.fields.map((f) => f.field)).to.deep.equal(['guardian.phone']);
    expect(browser.problems.filter((p) => !isExpectedRefusal(p))).to.deep.equal([]);
  });
});

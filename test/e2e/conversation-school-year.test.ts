/**
 * A parent asks for a conversation and reads the school year, in a real browser (Chromium through
 * playwright-core) against the demo school as `npm start` boots it, with axe-core finding no WCAG
 * 2.1 A/AA violation on the form, its error state, "ontvangen" and the school year page. Driven
 * through what people see: links, labelled fields, buttons and headings.
 */
import { expect } from 'chai';
import type { PageProblem } from '../support/browser.ts';
import { expectNoAxeViolations } from './axe.ts';
import { useDemoInBrowser } from './demo-app.ts';
import { clickAndLoad, h1, isExpectedFailedLoad, logIn } from './page-actions.ts';
import { textOf } from './page-reading.ts';

const PARENT = { username: 'demo.ouder', password: 'fietsen langs de bloeiende dijk' };
const EXPECTED_FAILED_LOADS = [{ status: 422, path: /^\/kind\/[^/]+\/gesprek$/ }];
const isExpected = (problem: PageProblem) => isExpectedFailedLoad(problem, EXPECTED_FAILED_LOADS);

describe('conversation request and school year in a real browser', function () {
  this.timeout(60_000);
  const { browser, demo } = useDemoInBrowser();

  it('asks for a conversation (a weekend day first), sees "ontvangen", then reads the school year', async () => {
    const page = await browser.newPage();
    await page.goto(`${demo.url}/inloggen`);
    await logIn(page, PARENT.username, PARENT.password);
    await clickAndLoad(page, page.locator('main .cards .card-link').first());
    await clickAndLoad(page, page.getByRole('link', { name: 'Gesprek aanvragen', exact: true }));
    expect(new URL(page.url()).pathname).to.match(/^\/kind\/[A-Za-z0-9_-]+\/gesprek$/);
    expect(await textOf(page.getByRole('region', { name: 'Waarom een gesprek, en geen mail of chat' }))).to.contain('geen chat');
    await expectNoAxeViolations(page, 'the conversation form');

    await page.getByLabel('Waarover wilt u praten?', { exact: true }).fill('Hoe gaat het met rekenen?');
    const first = page.getByRole('group', { name: 'Moment 1', exact: true });
    await first.getByLabel('Datum', { exact: true }).fill('2027-03-06');
    await first.getByLabel('Dagdeel', { exact: true }).selectOption({ label: 'na schooltijd' });
    await clickAndLoad(page, page.getByRole('button', { name: 'Gesprek aanvragen', exact: true }));
    expect(await textOf(page.getByRole('alert'))).to.contain('Kies een schooldag (maandag tot en met vrijdag).');
    expect(await page.getByLabel('Waarover wilt u praten?', { exact: true }).inputValue()).to.equal('Hoe gaat het met rekenen?');
    await expectNoAxeViolations(page, 'the conversation form with an error');

    await page.getByRole('group', { name: 'Moment 1', exact: true }).getByLabel('Datum', { exact: true }).fill('2027-03-04');
    await clickAndLoad(page, page.getByRole('button', { name: 'Gesprek aanvragen', exact: true }));
    const status = page.getByRole('status');
    expect(await textOf(status)).to.contain('Ontvangen');
    expect(await textOf(page.getByRole('region', { name: 'Uw aanvragen' }))).to.contain('Hoe gaat het met rekenen?');
    await expectNoAxeViolations(page, '"ontvangen"');

    await clickAndLoad(page, page.getByRole('link', { name: 'Schooljaar', exact: true }));
    expect(await h1(page)).to.equal('Het schooljaar');
    const table = await textOf(page.getByRole('table'));
    expect(table).to.contain('Kerstvakantie').and.contain('Ouderportaal open');
    await expectNoAxeViolations(page, 'the school year page');
    expect(browser.problems.filter((p) => !isExpected(p))).to.deep.equal([]);
  });
});

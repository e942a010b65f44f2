/**
 * The parent portal in a real browser (Debian's Chromium through playwright-core): the demo
 * school booted as `npm start` boots it, driven only through what a parent sees: labelled fields,
 * buttons, links and headings, by their Dutch (or English) names.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'chai';
import type { Locator } from 'playwright-core';
import { REPO_ROOT, useDemoInBrowser } from './demo-app.ts';
import {
  expectedLvsTables, expectedMethodTables, type ExpectedLvsRow, type ExpectedMethodRow, type ExpectedTable,
} from './expected-results.ts';
import { clickAndLoad, expectFieldError, h1, isExpectedFailedLoad, logIn } from './page-actions.ts';
import { displayNameOf, readTable, textOf, type TableRow } from './page-reading.ts';

const FIRST_LOGIN = { username: 'demo.nieuw', initialSecret: 'BRQN7-DEM2A-WELKM-START-XXY3Z', guardianId: 'V2004' };
const RETURNING = { username: 'demo.ouder', password: 'fietsen langs de bloeiende dijk' };
const NEW_PASSWORD = 'de reiger wacht geduldig aan de slootkant';
const SCREENSHOT = path.join(REPO_ROOT, 'var', 'e2e', 'results.png');

/** A wrong password is answered with 401, a refused new password with 422: the portal working. */
const EXPECTED_FAILED_LOADS: ReadonlyArray<{ status: number; path: string }> = [
  { status: 401, path: '/inloggen' },
  { status: 422, path: '/eerste-keer' },
];

describe('parent portal in a real browser', function () {
  this.timeout(60_000);
  const { browser, demo } = useDemoInBrowser();

  function unexpectedProblems() {
    return browser.problems.filter((p) => !isExpectedFailedLoad(p, EXPECTED_FAILED_LOADS));
  }

  /**
   * One table per subject, reached by its caption (which also names it for a screen reader), in
   * the expected order, each row read back into the shape of the expected row.
   */
  async function expectTables<R>(
    section: Locator, captionPrefix: string, expected: Array<ExpectedTable<R>>, shownAs: (row: TableRow) => R,
  ): Promise<void> {
    const subjects = await section.getByRole('heading', { level: 3 }).allTextContents();
    expect(subjects.map((s) => s.trim()), `${captionPrefix}: subjects`).to.deep.equal(expected.map((t) => t.subject));
    for (const table of expected) {
      const rows = await readTable(section.getByRole('table', { name: `${captionPrefix} ${table.subject}`, exact: true }));
      expect(rows.map(shownAs), `${captionPrefix} ${table.subject}`).to.deep.equal(table.rows);
    }
  }

  const methodRowShown = (row: TableRow): ExpectedMethodRow => ({
    date: row.Datum?.join(' ') ?? '',
    test: row.Toets?.[0] ?? '',
    score: row.Score?.join(' ') ?? '',
  });

  /** The school year and the moment may share a cell; the level's first line is "C". */
  const lvsRowShown = (row: TableRow): ExpectedLvsRow => {
    const lines = Object.values(row).flat();
    return {
      schoolYear: lines.find((l) => /^\d{4}-\d{4}$/.test(l)) ?? '',
      moment: row.Moment?.find((l) => /groep \d/.test(l)) ?? '',
      test: row.Toets?.[0] ?? '',
      vaardigheidsscore: row.Vaardigheidsscore?.join(' ') ?? '',
      level: row.Niveau?.[0] ?? '',
    };
  };

  it('takes a new parent from the invitation code to a chosen password, the results page and back', async () => {
    const { sis } = demo.app.booted.services;
    const guardian = (await sis.getGuardian(FIRST_LOGIN.guardianId)).value;
    const studentId = guardian.children[0]?.studentId;
    if (!studentId) throw new Error(`demo guardian ${FIRST_LOGIN.guardianId} has no child in the mock SIS`);
    const student = (await sis.getStudent(studentId)).value;
    const results = (await sis.listResults(studentId)).value;
    const childName = displayNameOf(student.name);

    const page = await browser.newPage();
    await page.goto(`${demo.url}/`);
    expect(new URL(page.url()).pathname, 'an anonymous visitor is sent to the login page').to.equal('/inloggen');
    expect(await h1(page)).to.equal('Inloggen');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'first Tab stop').to.equal('Naar de inhoud');

    // The invitation code logs in once, and only to choose a password.
    await logIn(page, FIRST_LOGIN.username, FIRST_LOGIN.initialSecret);
    expect(new URL(page.url()).pathname).to.equal('/eerste-keer');
    expect(await h1(page)).to.equal('Kies uw eigen wachtwoord');
    expect(await textOf(page.locator('main p').first())).to.contain(FIRST_LOGIN.username);

    // Too short: the message sits with the field, read out with it, and the username typed stays.
    await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('te kort');
    await page.getByLabel('Nieuw wachtwoord nog een keer', { exact: true }).fill('te kort');
    await page.getByLabel('Gebruikersnaam', { exact: true }).fill(FIRST_LOGIN.username);
    await clickAndLoad(page, page.getByRole('button', { name: 'Opslaan en verder', exact: true }));
    expect(new URL(page.url()).pathname).to.equal('/eerste-keer');
    expect(await textOf(page.getByRole('alert'))).to.contain('Nog niet alles is goed ingevuld')
      .and.contain('Nieuw wachtwoord: Kies een wachtwoord van minstens 15 tekens.');
    const newPassword = page.getByLabel('Nieuw wachtwoord', { exact: true });
    await expectFieldError(page, 'Nieuw wachtwoord',
      'Kies een wachtwoord van minstens 15 tekens. Een zin van een paar woorden werkt goed.');
    expect(await page.getByLabel('Gebruikersnaam', { exact: true }).inputValue()).to.equal(FIRST_LOGIN.username);
    expect(await newPassword.inputValue(), 'a refused password is never sent back').to.equal('');

    // Two different passwords: nothing is saved, the message sits with the second field.
    await newPassword.fill(NEW_PASSWORD);
    await page.getByLabel('Nieuw wachtwoord nog een keer', { exact: true }).fill(`${NEW_PASSWORD}!`);
    await clickAndLoad(page, page.getByRole('button', { name: 'Opslaan en verder', exact: true }));
    expect(new URL(page.url()).pathname).to.equal('/eerste-keer');
    await expectFieldError(page, 'Nieuw wachtwoord nog een keer', 'De twee nieuwe wachtwoorden zijn niet gelijk.');
    expect(await newPassword.getAttribute('aria-invalid'), 'the first field was fine').to.equal(null);

    // A sentence is a good password; the parent lands on the overview.
    await newPassword.fill(NEW_PASSWORD);
    await page.getByLabel('Nieuw wachtwoord nog een keer', { exact: true }).fill(NEW_PASSWORD);
    await Promise.all([
      page.waitForURL(`${demo.url}/`),
      page.getByRole('button', { name: 'Opslaan en verder', exact: true }).click(),
    ]);
    expect(await h1(page)).to.equal('Uw kinderen');
    const cards = page.locator('main .cards > li');
    expect(await cards.count()).to.equal(guardian.children.length);
    expect(await textOf(cards.first())).to.contain(student.group!.name);

    // The child's card, then the child's own navigation to the results.
    await Promise.all([
      page.waitForURL(/\/kind\/[^/]+$/),
      page.getByRole('link', { name: childName, exact: true }).click(),
    ]);
    expect(await h1(page)).to.equal(childName);
    const childNav = page.getByRole('navigation', { name: `Onderdelen voor ${student.name.given}`, exact: true });
    await Promise.all([
      page.waitForURL(/\/kind\/[^/]+\/resultaten$/),
      childNav.getByRole('link', { name: 'Resultaten', exact: true }).click(),
    ]);
    expect(await h1(page)).to.equal(`Resultaten van ${childName}`);
    expect(await childNav.getByRole('link', { name: 'Resultaten', exact: true }).getAttribute('aria-current')).to.equal('page');
    const overview = page.getByRole('navigation', { name: 'Hoofdmenu', exact: true }).getByRole('link', { name: 'Overzicht', exact: true });
    expect(await overview.getAttribute('aria-current'), 'the main menu marks the section, not the page').to.equal('true');

    // Sections with aria-labelledby are regions named by their heading.
    const method = page.getByRole('region', { name: 'Methodetoetsen', exact: true });
    expect(await textOf(method)).to.contain('schooljaar 2026-2027');
    const expectedMethod = expectedMethodTables(results, '2026-2027');
    expect(expectedMethod, 'the mock SIS gives this child method tests').to.have.length.greaterThan(0);
    await expectTables(method, 'Methodetoetsen', expectedMethod, methodRowShown);

    const lvs = page.getByRole('region', { name: 'Toetsen van het leerlingvolgsysteem (LVS)', exact: true });
    const expectedLvs = expectedLvsTables(results);
    expect(expectedLvs, 'the mock SIS gives this child LVS tests').to.have.length.greaterThan(0);
    await expectTables(lvs, 'LVS-toetsen', expectedLvs, lvsRowShown);
    // Every LVS row shows a level on the school's scale (A–E in the demo) and a vaardigheidsscore.
    for (const table of expectedLvs) {
      for (const row of table.rows) {
        expect(row.vaardigheidsscore, `${table.subject}: vaardigheidsscore`).to.match(/^\d+$/);
        expect(row.level, `${table.subject}: level`).to.match(/^[A-E]$/);
      }
    }

    await mkdir(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    // Logging out is a POST; afterwards the portal is closed to this browser.
    await Promise.all([
      page.waitForURL(`${demo.url}/inloggen`),
      page.getByRole('button', { name: 'Uitloggen', exact: true }).click(),
    ]);
    await page.goto(`${demo.url}/`);
    expect(new URL(page.url()).pathname).to.equal('/inloggen');

    // The invitation code is spent: the same generic message as any wrong password.
    await logIn(page, FIRST_LOGIN.username, FIRST_LOGIN.initialSecret);
    expect(new URL(page.url()).pathname).to.equal('/inloggen');
    const failure = await textOf(page.getByRole('alert'));
    expect(failure).to.contain('Inloggen lukte niet');
    expect(failure).to.contain('Deze combinatie van gebruikersnaam en wachtwoord klopt niet.');
    expect(await page.getByLabel('Gebruikersnaam', { exact: true }).inputValue()).to.equal(FIRST_LOGIN.username);
    expect(await page.getByLabel('Wachtwoord of inlogcode', { exact: true }).inputValue()).to.equal('');

    await logIn(page, FIRST_LOGIN.username, NEW_PASSWORD);
    expect(new URL(page.url()).pathname).to.equal('/');
    expect(await h1(page)).to.equal('Uw kinderen');

    expect(unexpectedProblems(), 'console errors, CSP violations or script errors').to.deep.equal([]);
  });

  it('switches a results page to English and back to Dutch', async () => {
    const page = await browser.newPage();
    await page.goto(`${demo.url}/inloggen`);
    await logIn(page, RETURNING.username, RETURNING.password);
    expect(await h1(page)).to.equal('Uw kinderen');

    const firstChild = page.locator('main .cards .card-link').first();
    const childName = await textOf(firstChild);
    await Promise.all([page.waitForURL(/\/kind\/[^/]+$/), firstChild.click()]);
    await Promise.all([
      page.waitForURL(/\/resultaten$/),
      page.locator('nav.child-nav').getByRole('link', { name: 'Resultaten', exact: true }).click(),
    ]);
    const resultsPath = new URL(page.url()).pathname;

    await clickAndLoad(page, page.getByRole('list', { name: 'Taal', exact: true }).getByRole('link', { name: 'English', exact: true }));
    expect(new URL(page.url()).pathname, 'the switch returns to the same page').to.equal(resultsPath);
    expect(await page.getAttribute('html', 'lang')).to.equal('en');
    expect(await h1(page)).to.equal(`Results of ${childName}`);
    const headings = (await page.getByRole('heading', { level: 2 }).allTextContents()).map((h) => h.trim());
    expect(headings).to.include.members(['Method tests', 'Pupil monitoring system tests (LVS)']);
    expect(await page.getByRole('navigation', { name: 'Main menu', exact: true }).isVisible()).to.equal(true);
    expect(await page.getByRole('button', { name: 'Log out', exact: true }).isVisible()).to.equal(true);

    // The choice is remembered on the next page.
    await Promise.all([
      page.waitForURL(`${demo.url}/`),
      page.getByRole('link', { name: 'Overview', exact: true }).click(),
    ]);
    expect(await h1(page)).to.equal('Your children');

    await clickAndLoad(page, page.getByRole('list', { name: 'Language', exact: true }).getByRole('link', { name: 'Nederlands', exact: true }));
    expect(await page.getAttribute('html', 'lang')).to.equal('nl');
    expect(await h1(page)).to.equal('Uw kinderen');

    expect(unexpectedProblems(), 'console errors, CSP violations or script errors').to.deep.equal([]);
  });

  it('enforces its Content Security Policy, and a violation would show up as a console error', async () => {
    // Guards the two tests above: their "no console errors" would pass just as well if the CSP
    // were missing or the console were not being watched.
    const page = await browser.newPage();
    await page.goto(`${demo.url}/inloggen`);
    const reported = page.waitForEvent('console', { predicate: (m) => m.type() === 'error', timeout: 10_000 });
    const ran = await page.evaluate(() => {
      const w = window as unknown as { injectedRan?: boolean };
      const script = document.createElement('script');
      script.textContent = 'window.injectedRan = true;';
      document.body.append(script);
      return w.injectedRan === true;
    });
    expect(ran, 'an inline script must not run').to.equal(false);
    expect((await reported).text()).to.match(/Content Security Policy/);
    const csp = browser.problems.filter((p) => p.kind === 'console' && /Content Security Policy/.test(p.text));
    expect(csp, 'the fixture collected the violation').to.have.length(1);
  });
});

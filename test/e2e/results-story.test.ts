/**
 * The results page tells the story behind the numbers, in a real browser (Debian's Chromium via
 * playwright-core) on the demo school: the growth chart and the table beside it show the same
 * scores as the SIS holds, a term of the jargon opens in place and leads to the glossary page,
 * the chart fits a phone and prints. Writes the README's screenshot, docs/screenshots/results.png.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'chai';
import type { Locator, Page } from 'playwright-core';
import type { TestResult } from '../../adapters/contract/index.ts';
import { useBrowser } from '../support/browser.ts';
import { REPO_ROOT, startDemoApp, type DemoApp } from './demo-app.ts';
import { displayNameOf, readTable, textOf } from './page-reading.ts';

const PARENT = { username: 'demo.ouder', password: 'fietsen langs de bloeiende dijk', guardianId: 'V2001' };
const SCREENSHOT = path.join(REPO_ROOT, 'docs', 'screenshots', 'results.png');

/** "begrijpend lezen" is headed "Begrijpend lezen". */
const heading = (subject: string) => subject.charAt(0).toLocaleUpperCase('nl') + subject.slice(1);

describe('results page: the story behind the numbers, in a real browser', function () {
  this.timeout(60_000);
  const browser = useBrowser({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', viewport: { width: 1000, height: 900 } });
  let app: DemoApp;
  /** The demo parent's child with the longest LVS history, and its results as the SIS holds them. */
  let child: { name: string; studentId: string; results: TestResult[] };

  before(async () => {
    app = await startDemoApp();
    const { sis } = app.booted.services;
    const guardian = (await sis.getGuardian(PARENT.guardianId)).value;
    const children = await Promise.all(guardian.children.map(async ({ studentId }) => ({
      studentId,
      name: displayNameOf((await sis.getStudent(studentId)).value.name),
      results: (await sis.listResults(studentId)).value,
    })));
    const lvsCount = (c: { results: TestResult[] }) => c.results.filter((r) => r.kind === 'lvs').length;
    child = children.sort((a, b) => lvsCount(b) - lvsCount(a))[0]!;
  });

  after(async () => {
    await app?.stop();
  });

  async function openResults(page: Page): Promise<void> {
    const url = app.booted.url;
    await page.goto(`${url}/inloggen`);
    await page.getByLabel('Gebruikersnaam', { exact: true }).fill(PARENT.username);
    await page.getByLabel('Wachtwoord of inlogcode', { exact: true }).fill(PARENT.password);
    await Promise.all([page.waitForURL(`${url}/`), page.getByRole('button', { name: 'Inloggen', exact: true }).click()]);
    await Promise.all([page.waitForURL(/\/kind\/[^/]+$/), page.getByRole('link', { name: child.name, exact: true }).click()]);
    await Promise.all([
      page.waitForURL(/\/resultaten$/),
      page.locator('nav.child-nav').getByRole('link', { name: 'Resultaten', exact: true }).click(),
    ]);
  }

  function lvsRegion(page: Page): Locator {
    return page.getByRole('region', { name: 'Toetsen van het leerlingvolgsysteem (LVS)', exact: true });
  }

  it('shows each subject\'s growth chart and a table with the same scores, the ones the SIS holds', async () => {
    const page = await browser.newPage();
    await openResults(page);
    expect(await textOf(page.locator('.results-note'))).to.contain('Eén toets is een momentopname');

    const lvs = child.results.filter((r) => r.kind === 'lvs' && r.vaardigheidsscore !== undefined);
    const subjects = [...new Set(lvs.map((r) => r.subject))];
    expect(subjects.length, 'the demo child has LVS results').to.be.greaterThan(1);
    for (const subject of subjects) {
      const name = heading(subject);
      const expected = lvs.filter((r) => r.subject === subject)
        .sort((a, b) => a.date.localeCompare(b.date)).map((r) => String(r.vaardigheidsscore));

      const chart = lvsRegion(page).getByRole('img', { name: `Vaardigheidsscore ${name} per toetsmoment`, exact: true });
      expect(await chart.isVisible(), `${name}: chart`).to.equal(true);
      expect(await chart.locator('.band').count(), `${name}: the five A–E bands`).to.equal(5);
      const plotted = (await chart.locator('.point-label').allTextContents()).map((s) => s.trim());

      const rows = await readTable(lvsRegion(page).getByRole('table', { name: `LVS-toetsen ${name}`, exact: true }));
      const tabled = rows.map((row) => row.Vaardigheidsscore?.join(' ') ?? '');

      expect(plotted, `${name}: chart = SIS`).to.deep.equal(expected);
      expect(tabled, `${name}: table = chart`).to.deep.equal(plotted);
      // The words beside the chart start and end where the line does.
      const description = await textOf(page.locator(`[id="${await chart.getAttribute('aria-describedby')}"]`));
      expect(description).to.contain(`De vaardigheidsscore ging van ${expected[0]} naar ${expected.at(-1)}.`);
    }
    expect(browser.problems, 'console errors, CSP violations or script errors').to.deep.equal([]);
  });

  it('explains a term in place on a tap, and on the glossary page behind it', async () => {
    const page = await browser.newPage();
    await openResults(page);
    const terms = lvsRegion(page).getByRole('list', { name: 'Begrippen', exact: true });
    const term = terms.locator('details.term').filter({ has: page.locator('summary', { hasText: /^vaardigheidsscore$/ }) });
    const explanation = term.locator('.term-text');
    expect(await explanation.isVisible(), 'closed until asked').to.equal(false);
    const summary = term.locator('summary');
    expect(await summary.getAttribute('title'), 'hovering shows it too').to.match(/^Een getal op één doorlopende schaal per vak/);

    await summary.click();
    expect(await term.getAttribute('open')).to.equal('');
    expect(await explanation.isVisible()).to.equal(true);
    expect(await textOf(explanation)).to.contain('stijgt het getal, dan groeit uw kind');

    await mkdir(path.dirname(SCREENSHOT), { recursive: true });
    // From the LVS heading down: the terms (one open), the first charts with their words and tables.
    const top = await lvsRegion(page).evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    await page.screenshot({ path: SCREENSHOT, fullPage: true, clip: { x: 0, y: Math.max(0, top - 16), width: 1000, height: 1250 } });

    await Promise.all([page.waitForURL(/\/begrippen#vaardigheidsscore$/), explanation.getByRole('link', { name: 'Meer begrippen' }).click()]);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).to.equal('Begrippen uitgelegd');
    const entry = page.locator('.glossary-entry:target');
    expect(await entry.getAttribute('id')).to.equal('vaardigheidsscore');
    expect(await textOf(entry.locator('dt'))).to.equal('vaardigheidsscore');
    expect(await entry.isVisible()).to.equal(true);
    expect(await page.locator('.glossary-entry').count()).to.be.greaterThan(15);
    expect(browser.problems).to.deep.equal([]);
  });

  it('fits the chart to a phone\'s width, readable, and keeps it in print', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 375, height: 800 });
    await openResults(page);
    const chart = lvsRegion(page).getByRole('img').first();
    const box = await chart.boundingBox();
    expect(box!.width).to.be.at.most(375);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scrolling').to.be.at.most(375);
    // The text in the shrunken picture is still at least 10 CSS pixels high on screen.
    const label = await chart.locator('.tick-x').first().boundingBox();
    expect(label!.height).to.be.at.least(10);

    await page.setViewportSize({ width: 1000, height: 900 });
    await page.emulateMedia({ media: 'print' });
    expect(await chart.isVisible()).to.equal(true);
    expect(await chart.locator('.band').first().evaluate((el) => getComputedStyle(el).fill)).not.to.equal('none');
    expect(await page.locator('nav.child-nav').isVisible(), 'no navigation on paper').to.equal(false);
    expect(browser.problems).to.deep.equal([]);
  });
});

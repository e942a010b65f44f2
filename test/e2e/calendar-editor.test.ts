/**
 * The calendar on the operator pages, in a real browser on the demo school: an operator adds a
 * closure for groepen 5–8 with a reason through the form and its preview; "what does groep 6 see"
 * on a day inside it says closed, with the reason and the reopening date; a parent of a groep 6
 * child reads the same on the results page; the timeline shows the closure. axe-core finds no
 * WCAG 2.1 A/AA violations on these pages. Saves go to a temp copy of the calendar, never the
 * committed file. Writes the README's screenshot, docs/screenshots/calendar-timeline.png.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import axe from 'axe-core';
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { DEMO_OPERATOR } from '../support/operator.ts';
import { useBrowser } from '../support/browser.ts';
import { REPO_ROOT, useDemoApp } from './demo-app.ts';
import { clickAndLoad, h1, logIn } from './page-actions.ts';
import { textOf } from './page-reading.ts';

/** demo.vader (V2011): father with gezag of a child in groep 6 (adapters/mock/personas.ts). */
const GROEP_6_PARENT = { username: 'demo.vader', password: 'zeilboot op het grote meer varen' };
const SCREENSHOT = path.join(REPO_ROOT, 'docs', 'screenshots', 'calendar-timeline.png');
const REASON_NL = 'De CITO-scores van de middentoetsen worden ingevoerd. Zodra alle groepen klaar zijn, gaan de resultaten weer open.';

/** axe-core in the page (evaluated through the debugger, so the strict CSP does not block it). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const result = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  }));
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('operator calendar: timeline, preview and editor, in a real browser', function () {
  this.timeout(90_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'ouderpoort-e2e-calendar-'));
  const file = path.join(dir, 'calendar.yaml');
  copyFileSync(path.join(REPO_ROOT, 'config', 'calendar.yaml'), file);
  const demo = useDemoApp({ values: { calendar: { file } } });
  const browser = useBrowser({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', viewport: { width: 1000, height: 900 } });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('adds a closure for groepen 5–8 that the preview, the timeline and a groep 6 parent all show', async () => {
    const page = await browser.newPage();
    await page.goto(`${demo.url}/beheer/inloggen`);
    await logIn(page, DEMO_OPERATOR.username, DEMO_OPERATOR.password);
    await clickAndLoad(page, page.getByRole('navigation', { name: 'Beheer' }).getByRole('link', { name: 'Kalender', exact: true }));
    expect(await h1(page)).to.equal('Kalender van het portaal');
    expect(await axeViolations(page), 'calendar page').to.deep.equal([]);

    await clickAndLoad(page, page.getByRole('link', { name: 'Sluiting toevoegen', exact: true }));
    await page.getByLabel('Naam (id)', { exact: true }).fill('cito-midden');
    await page.getByLabel('Vanaf (eerste dag)', { exact: true }).fill('2027-05-03');
    await page.getByLabel('Weer open op (optioneel)', { exact: true }).fill('2027-05-20');
    await page.getByLabel('Reden voor ouders (Nederlands)', { exact: true }).fill(REASON_NL);
    await page.getByLabel('Reden voor ouders (Engels)', { exact: true }).fill('The CITO mid-year scores are being entered.');
    for (const section of ['Methodetoetsen', 'LVS-toetsen']) await page.getByRole('checkbox', { name: section, exact: true }).check();
    for (const n of [5, 6, 7, 8]) await page.getByRole('checkbox', { name: `Groep ${n}`, exact: true }).check();
    expect(await axeViolations(page), 'rule form').to.deep.equal([]);
    await clickAndLoad(page, page.getByRole('button', { name: 'Bekijk wat er verandert', exact: true }));

    expect(await h1(page)).to.equal('Wat verandert er voor ouders?');
    const impact = await textOf(page.locator('.impact-list'));
    expect(impact).to.contain('LVS-toetsen voor groepen 5–8: gesloten (was open) van 3 mei 2027 tot en met 19 mei 2027');
    expect(await page.locator('#draft-heading').textContent()).to.contain('met uw wijziging');
    expect(await page.locator('svg rect[data-closure="cito-midden"]').count(), 'the draft timeline').to.be.greaterThan(0);
    expect(await axeViolations(page), 'preview').to.deep.equal([]);
    expect(readFileSync(file, 'utf8')).not.to.contain('cito-midden');
    await clickAndLoad(page, page.getByRole('button', { name: 'Opslaan', exact: true }));

    expect(await textOf(page.getByRole('status').first())).to.contain('Opgeslagen');
    expect(readFileSync(file, 'utf8')).to.contain('  - id: cito-midden\n');
    // The timeline in force: the closure on the rows of groepen 5–8 (methodetoetsen; LVS for 5–7 and
    // for groep 8, whose doorstroomtoets closure gives it a row of its own), with its reason.
    const closure = page.locator('svg.timeline-chart rect[data-closure="cito-midden"]');
    expect(await closure.count()).to.equal(3);
    expect(await closure.first().locator('title').textContent()).to.contain(REASON_NL);
    expect(await textOf(page.locator('#year-desc'))).to.contain('Methodetoetsen voor groepen 5–8').and.contain('gesloten van 3 mei 2027 tot en met 19 mei 2027 (cito-midden)');

    // "What does groep 6 see on 10 May?"
    await page.getByLabel('Groep', { exact: true }).selectOption('6');
    await page.getByLabel('Datum', { exact: true }).fill('2027-05-10');
    await clickAndLoad(page, page.getByRole('button', { name: 'Bekijk', exact: true }));
    const answer = page.locator('.see-answer');
    expect(await textOf(answer.locator('h3'))).to.equal('Een ouder van een kind in groep 6 op 10 mei 2027');
    const lvs = answer.locator('.card', { hasText: 'LVS-toetsen' });
    expect(await textOf(lvs)).to.contain('LVS-toetsen: Gesloten').and.contain(REASON_NL).and.contain('Weer open op 20 mei 2027');
    expect(await textOf(answer.locator('.card', { hasText: 'Absenties' }))).to.contain('Absenties: Open');
    expect(await axeViolations(page), 'calendar page with an answer').to.deep.equal([]);

    await mkdir(path.dirname(SCREENSHOT), { recursive: true });
    await page.locator('figure.timeline').screenshot({ path: SCREENSHOT });

    // A parent of a groep 6 child on 10 May reads the reason and the reopening date.
    await clickAndLoad(page, page.getByRole('button', { name: 'Uitloggen', exact: true }));
    demo.app.clock.set('2027-05-10T10:00:00+02:00');
    await page.goto(`${demo.url}/inloggen`);
    await logIn(page, GROEP_6_PARENT.username, GROEP_6_PARENT.password);
    await clickAndLoad(page, page.locator('main .cards .card-link').first());
    // The child's menu already marks the results closed.
    await clickAndLoad(page, page.locator('nav.child-nav').getByRole('link', { name: 'Resultaten gesloten', exact: true }));
    const notices = await textOf(page.locator('main'));
    expect(notices).to.contain(REASON_NL);
    expect(notices).to.contain('Het gaat weer open op donderdag 20 mei 2027.');
    expect(browser.problems, 'console errors, CSP violations or script errors').to.deep.equal([]);
  });
});

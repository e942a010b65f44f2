/**
 * Report cards and the medical card in a real browser on the demo school: on 1 July the reports
 * are closed (the June closure), on 2 July the parent downloads the June report as a PDF; the
 * father of the child with secrets never sees the secret medical remark, nor a trace of it.
 */
import { readFile } from 'node:fs/promises';
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { useBrowser } from '../support/browser.ts';
import { useDemoApp } from './demo-app.ts';
import { clickAndLoad, h1, logIn } from './page-actions.ts';
import { textOf } from './page-reading.ts';

const PARENT = { username: 'demo.ouder', password: 'fietsen langs de bloeiende dijk' };
const FATHER = { username: 'demo.vader', password: 'zeilboot op het grote meer varen' };

describe('report cards and the medical card, in a real browser', function () {
  this.timeout(60_000);
  const demo = useDemoApp();
  const browser = useBrowser({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', acceptDownloads: true });

  async function toChildSection(page: Page, who: { username: string; password: string }, section: string): Promise<void> {
    await page.goto(`${demo.url}/inloggen`);
    await logIn(page, who.username, who.password);
    await clickAndLoad(page, page.locator('main a[href^="/kind/"]').first());
    await clickAndLoad(page, page.locator('nav.child-nav').getByRole('link', { name: section }));
  }

  it('on 1 July the reports are closed until 2 July; on 2 July the June report downloads as a PDF', async () => {
    demo.app.clock.set('2027-07-01T12:00:00+02:00');
    const page = await browser.newPage();
    await toChildSection(page, PARENT, 'Rapporten');
    const closed = await textOf(page.locator('main'));
    expect(closed).to.contain('Rapporten: nu gesloten');
    expect(closed).to.contain('2 juli 2027');
    expect(await page.locator('a[href*="/rapporten/"]').count()).to.equal(0);

    demo.app.clock.set('2027-07-02T09:00:00+02:00');
    const next = await browser.newPage();
    await toChildSection(next, PARENT, 'Rapporten');
    expect(await h1(next)).to.match(/^Rapporten van /);
    expect(await textOf(next.locator('main'))).to.contain('Eén rapport is een moment');
    const link = next.getByRole('link', { name: 'Rapport 2, schooljaar 2026-2027 (pdf)' });
    const [download] = await Promise.all([next.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).to.equal('rapport-2026-2027-rapport-2.pdf');
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(0, 5).toString('latin1')).to.equal('%PDF-');
    expect(bytes.length).to.be.greaterThan(1000);
    expect(browser.problems).to.deep.equal([]);
  });

  it('the father without access to the secret medical remark never sees it', async () => {
    demo.app.clock.set('2027-03-01T10:00:00+01:00');
    const page = await browser.newPage();
    await toChildSection(page, FATHER, 'Medisch');
    expect(await h1(page)).to.match(/^Medische gegevens van /);
    const text = await textOf(page.locator('main'));
    expect(text).to.contain('Hooikoorts');
    expect(text).to.not.contain('jeugd-GGZ');
    expect(text).to.not.match(/geheim|verborgen/i);
    expect(await page.content()).to.not.contain('jeugd-GGZ');
    expect(browser.problems).to.deep.equal([]);
  });
});

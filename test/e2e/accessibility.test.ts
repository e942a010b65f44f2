/**
 * Accessibility as a test, not a review (issue 22): axe-core (WCAG 2.0/2.1 A and AA rules) on
 * every parent and staff page of the demo, in Dutch and English, at a phone's and a desktop's
 * width: 0 violations, no sideways page scroll on the phone, and every page title names its page
 * and the school ("Absenties van Mila – De Bron").
 */
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { useBrowser } from '../support/browser.ts';
import { expectNoAxeViolations } from './axe.ts';
import { useDemoApp } from './demo-app.ts';
import { clickAndLoad, logIn } from './page-actions.ts';

const SCHOOL = 'De Bron';
const PARENT = { username: 'demo.ouder', password: 'fietsen langs de bloeiende dijk' };
const FIRST_LOGIN = { username: 'demo.nieuw', secret: 'BRQN7-DEM2A-WELKM-START-XXY3Z' };
const SCREENS = { phone: { width: 360, height: 780 }, desktop: { width: 1280, height: 900 } } as const;

const PUBLIC_PAGES = ['/inloggen', '/wachtwoord-vergeten', '/wachtwoord-herstellen?token=verlopen', '/privacy', '/beheer/inloggen'];
const PARENT_PAGES = ['/', '/hulp', '/begrippen', '/account', '/account/meldingen', '/account/tweestaps', '/mijn-gegevens', '/schooljaar', '/bestaat-niet'];
const CHILD_PAGES = ['', '/absenties', '/resultaten', '/rapporten', '/medisch', '/wijzigen', '/ziekmelden', '/verlof', '/gesprek'];
const STAFF_PAGES = ['/beheer/wijzigingen', '/beheer/accounts', '/beheer/uitnodigingen', '/beheer/kalender',
  '/beheer/kalender/geschiedenis', '/beheer/audit', '/beheer/status', '/beheer/ziekmeldingen', '/beheer/verlof', '/beheer/gesprekken',
  '/beheer/gegevenscontrole'];

describe('accessibility of every page: axe-core, nl and en, phone and desktop', function () {
  this.timeout(600_000);
  const browser = useBrowser({ timezoneId: 'Europe/Amsterdam' });
  const demo = useDemoApp();

  /** One page: it loads, its title names it and the school, axe finds nothing, the phone never scrolls sideways. */
  async function check(page: Page, path: string, where: string): Promise<void> {
    await page.goto(`${demo.url}${path}`);
    const title = await page.title();
    const [name, school] = title.split(' – ');
    expect(school, `${path} (${where}): the title "${title}" names the school`).to.equal(SCHOOL);
    expect(name?.trim(), `${path} (${where}): the title names the page`).to.be.a('string').and.not.equal('').and.not.equal(SCHOOL);
    await expectNoAxeViolations(page, `${path} (${where})`);
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(sideways, `${path} (${where}): no sideways page scroll`).to.equal(false);
  }

  for (const lang of ['nl', 'en'] as const) {
    for (const [screen, viewport] of Object.entries(SCREENS)) {
      it(`${lang}, ${screen} (${viewport.width} px): public, parent, first-login and staff pages`, async () => {
        const where = `${lang}, ${screen}`;
        const titles = new Set<string>();
        const page = await browser.newPage();
        await page.setViewportSize(viewport);
        await browser.context.addCookies([{ name: 'lang', value: lang, url: demo.url }]);

        for (const path of PUBLIC_PAGES) {
          await check(page, path, where);
          titles.add(await page.title());
        }

        await page.goto(`${demo.url}/inloggen`);
        await page.locator('#field-username').fill(PARENT.username);
        await page.locator('#field-password').fill(PARENT.password);
        await clickAndLoad(page, page.locator('form[action="/inloggen"] button[type="submit"]'));
        for (const path of PARENT_PAGES) {
          await check(page, path, where);
          titles.add(await page.title());
        }
        // The notification checkboxes are at least 24 × 24 CSS pixels (WCAG 2.5.8).
        await page.goto(`${demo.url}/account/meldingen`);
        const boxes = await page.locator('input[type="checkbox"]').evaluateAll((inputs) => inputs.map((i) => i.getBoundingClientRect()).map((r) => [r.width, r.height]));
        expect(boxes.length).to.be.greaterThan(0);
        for (const [w, h] of boxes) expect(Math.min(w!, h!), `a checkbox of ${w}×${h} px (${where})`).to.be.at.least(24);
        await page.goto(`${demo.url}/`);
        const children = await page.locator('main a.card-link').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
        expect(children.length).to.be.greaterThan(0);
        for (const child of children) {
          for (const sub of CHILD_PAGES) {
            await check(page, `${child}${sub}`, where);
            titles.add(await page.title());
          }
        }
        // Every page has its own title, not one shared by all.
        expect(titles.size, [...titles].join(' | ')).to.be.greaterThan(PUBLIC_PAGES.length + PARENT_PAGES.length - 2);

        await browser.context.clearCookies();
        await browser.context.addCookies([{ name: 'lang', value: lang, url: demo.url }]);
        await page.goto(`${demo.url}/inloggen`);
        await page.locator('#field-username').fill(FIRST_LOGIN.username);
        await page.locator('#field-password').fill(FIRST_LOGIN.secret);
        await clickAndLoad(page, page.locator('form[action="/inloggen"] button[type="submit"]'));
        expect(new URL(page.url()).pathname).to.equal('/eerste-keer');
        await check(page, '/eerste-keer', where);
        // The form refused: the error summary and the fields' messages are checked too.
        await page.locator('#field-newPassword').fill('kort');
        await page.locator('#field-confirmPassword').fill('anders');
        await clickAndLoad(page, page.locator('form[action="/eerste-keer"] button[type="submit"]'));
        expect(await page.locator('.error-summary a').count()).to.be.greaterThan(0);
        await expectNoAxeViolations(page, `the refused first-login form (${where})`);

        await browser.context.clearCookies();
        await browser.context.addCookies([{ name: 'lang', value: lang, url: demo.url }]);
        const staff = demo.app.booted.demoStaff!.logins.find((l) => l.roles.includes('beheer'))!;
        await page.goto(`${demo.url}/beheer/inloggen`);
        await clickAndLoad(page, page.locator('main a[href*="/beheer/oidc"]').first());
        await logIn(page, staff.username, staff.password);
        expect(new URL(page.url()).pathname).to.equal('/beheer/wijzigingen');
        for (const path of STAFF_PAGES) await check(page, path, where);
      });
    }
  }
});

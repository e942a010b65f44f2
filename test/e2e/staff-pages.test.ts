/**
 * The school's staff in a real browser against the demo as `npm start` boots it, demo IdP
 * included: log in through the identity provider, find a parent, disable the account (the
 * parent's session is gone at once), enable it, and find both actions in the audit log; the
 * status page; axe-core on every staff page (0 violations), also on a phone-sized screen.
 */
import { expect } from 'chai';
import request from 'supertest';
import type { Page } from 'playwright-core';
import { csrfFrom } from '../support/app.ts';
import { expectNoAxeViolations } from './axe.ts';
import { useDemoInBrowser } from './demo-app.ts';
import { clickAndLoad, h1, logIn } from './page-actions.ts';

const PARENT = { username: 'demo.ouder', password: 'fietsen langs de bloeiende dijk' };

describe('the school\'s staff pages in a real browser', function () {
  this.timeout(90_000);
  const { browser, demo } = useDemoInBrowser();

  async function parentSession() {
    const agent = request.agent(demo.url);
    const page = await agent.get('/inloggen');
    await agent.post('/inloggen').type('form').send({ _csrf: csrfFrom(page.text), ...PARENT });
    return agent;
  }

  async function staffLogin(page: Page): Promise<void> {
    const staff = demo.app.booted.demoStaff!.logins.find((l) => l.roles.includes('beheer'))!;
    await page.goto(`${demo.url}/beheer/inloggen`);
    await expectNoAxeViolations(page, 'the staff login page');
    await clickAndLoad(page, page.getByRole('link', { name: 'Inloggen met uw schoolaccount', exact: true }));
    expect(new URL(page.url()).origin).to.equal(demo.app.booted.demoStaff!.issuer);
    await logIn(page, staff.username, staff.password);
    expect(new URL(page.url()).pathname).to.equal('/beheer/wijzigingen');
  }

  async function act(page: Page, reasonLabel: string, reason: string, button: string): Promise<void> {
    await page.getByLabel(reasonLabel, { exact: true }).fill(reason);
    await clickAndLoad(page, page.getByRole('button', { name: button, exact: true }));
  }

  it('logs in through the IdP, disables and enables a parent (whose session ends at once), and finds both in the audit log', async () => {
    const parent = await parentSession();
    expect((await parent.get('/')).status).to.equal(200);
    const page = await browser.newPage();
    await staffLogin(page);
    await expectNoAxeViolations(page, 'the corrections queue');

    await clickAndLoad(page, page.getByRole('link', { name: 'Accounts', exact: true }));
    await expectNoAxeViolations(page, 'the accounts search');
    await page.getByLabel('Zoeken', { exact: true }).fill('berkelbr');
    await clickAndLoad(page, page.getByRole('button', { name: 'Zoeken', exact: true }));
    expect(new URL(page.url()).search).to.equal('');
    await expectNoAxeViolations(page, 'the accounts search results');
    await clickAndLoad(page, page.getByRole('link', { name: 'Annemiek Berkelbroek', exact: true }));
    expect(await h1(page)).to.equal('Annemiek Berkelbroek');
    await expectNoAxeViolations(page, 'the account page');

    await act(page, 'Reden voor uitschakelen', 'Verzoek van de ouder', 'Account uitschakelen');
    expect(await page.getByRole('status').first().textContent()).to.contain('uitgeschakeld');
    expect((await parent.get('/')).status, 'the parent\'s session is gone').to.equal(303);
    await act(page, 'Reden voor inschakelen', 'Weer in orde', 'Account inschakelen');
    expect(await page.getByRole('status').first().textContent()).to.contain('weer ingeschakeld');

    await clickAndLoad(page, page.getByRole('link', { name: 'Auditlog', exact: true }));
    await expectNoAxeViolations(page, 'the audit search');
    await page.getByLabel('Account van een ouder', { exact: true }).fill(PARENT.username);
    await page.getByLabel('Soort', { exact: true }).selectOption('staff');
    await clickAndLoad(page, page.getByRole('button', { name: 'Zoeken', exact: true }));
    const table = page.getByRole('table');
    expect(await table.textContent()).to.contain('operator.account.disable');
    expect(await table.textContent()).to.contain('operator.account.enable');
    await expectNoAxeViolations(page, 'the audit results');

    await clickAndLoad(page, page.getByRole('link', { name: 'Status', exact: true }));
    expect(await h1(page)).to.equal('Status van het portaal');
    await expectNoAxeViolations(page, 'the status page');
    expect(browser.problems).to.deep.equal([]);
  });

  it('has an axe-core check that finds a violation when there is one', async () => {
    const page = await browser.newPage();
    await page.goto(`${demo.url}/beheer/inloggen`);
    await page.evaluate(() => document.querySelector('main')!.append(Object.assign(document.createElement('input'), { type: 'text' })));
    let failure: Error | undefined;
    await expectNoAxeViolations(page, 'a page with an unlabelled field').catch((err: Error) => { failure = err; });
    expect(failure?.message).to.contain('label');
  });

  it('works on a phone-sized screen (axe-core, no sideways page scroll)', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await staffLogin(page);
    for (const path of ['/beheer/accounts', '/beheer/audit', '/beheer/status']) {
      await page.goto(`${demo.url}${path}`);
      await expectNoAxeViolations(page, `${path} on a phone`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path}: sideways scroll`).to.be.at.most(0);
    }
  });
});

/**
 * What the browser tests do on a page, the way a person does it: click and wait for the next
 * document, log in through the labelled fields, read the heading, and check a form's message.
 */
import { expect } from 'chai';
import type { Locator, Page } from 'playwright-core';
import type { PageProblem } from '../support/browser.ts';
import { totpCode } from '../../gateway/auth/second-factor/index.ts';
import { textOf } from './page-reading.ts';

/**
 * Clicks and waits for the next document to load. (waitForLoadState would return at once: the
 * current page is already loaded, and the checks that follow would read the old page.)
 */
export async function clickAndLoad(page: Page, target: Locator): Promise<void> {
  const loaded = page.waitForEvent('load');
  await target.click();
  await loaded;
}

/** Fills the login form on the current page and submits it (the parents' and the operators' alike). */
export async function logIn(page: Page, username: string, secret: string): Promise<void> {
  await page.getByLabel('Gebruikersnaam', { exact: true }).fill(username);
  // Parents: "Wachtwoord of inlogcode"; staff and the demo IdP: "Wachtwoord".
  await page.getByLabel(/^Wachtwoord( of inlogcode)?$/).fill(secret);
  await clickAndLoad(page, page.getByRole('button', { name: 'Inloggen', exact: true }));
}

/** Opens the parents' login page of the app at `baseUrl` and logs in as `who`. */
export async function logInAt(page: Page, baseUrl: string, who: { username: string; password: string }): Promise<void> {
  await page.goto(`${baseUrl}/inloggen`);
  await logIn(page, who.username, who.password);
}

/** Logs out through the header's button and waits for the page it lands on. */
export async function logOut(page: Page): Promise<void> {
  await clickAndLoad(page, page.getByRole('button', { name: 'Uitloggen', exact: true }));
}

export function h1(page: Page): Promise<string> {
  return textOf(page.getByRole('heading', { level: 1 }));
}

/** The message is next to the field, marks it invalid and is read out with it. */
export async function expectFieldError(page: Page, label: string, message: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  expect(await input.getAttribute('aria-invalid'), `${label}: aria-invalid`).to.equal('true');
  const ids = (await input.getAttribute('aria-describedby'))?.split(/\s+/) ?? [];
  const description = (await Promise.all(ids.map((id) => textOf(page.locator(`[id="${id}"]`))))).join(' ');
  expect(description, `${label}: accessible description`).to.contain(message);
  expect(await textOf(page.locator('.field', { has: input })), `${label}: shown next to the field`).to.contain(message);
}

/**
 * Chromium logs every non-2xx load as "Failed to load resource". Some are the portal working (a
 * wrong password answered with 401, a refused form with 422): true when `problem` is one of those.
 */
export function isExpectedFailedLoad(
  problem: PageProblem, expected: ReadonlyArray<{ status: number; path: string | RegExp }>,
): boolean {
  const status = /^Failed to load resource: the server responded with a status of (\d{3})\b/.exec(problem.text)?.[1];
  if (problem.kind !== 'console' || !status || !problem.source) return false;
  const { pathname } = new URL(problem.source);
  return expected.some((e) => e.status === Number(status)
    && (typeof e.path === 'string' ? e.path === pathname : e.path.test(pathname)));
}

/** Recovery codes of the demo operator, per demo app (by its URL), from its enrolment in the browser. */
const operatorCodes = new Map<string, string[]>();

/**
 * The break-glass login at /beheer/inloggen, second factor included: the first time in a demo
 * app the operator enrols (the key read off the page, the code computed at the app's clock) and
 * keeps the recovery codes; later logins use one of those (a TOTP code is refused as a replay
 * when two logins share a clock instant).
 */
export async function operatorLogIn(page: Page, baseUrl: string, who: { username: string; password: string }, nowMs: number): Promise<void> {
  await page.goto(`${baseUrl}/beheer/inloggen`);
  await logIn(page, who.username, who.password);
  const key = page.locator('code.totp-key');
  const codes = operatorCodes.get(baseUrl) ?? [];
  const enrolling = (await key.count()) > 0;
  await page.getByLabel('Code', { exact: true }).fill(enrolling ? totpCode((await key.textContent())!.trim(), nowMs) : codes.shift()!);
  await clickAndLoad(page, page.getByRole('button', { name: 'Inloggen', exact: true }));
  if (enrolling) {
    operatorCodes.set(baseUrl, (await page.locator('ol.recovery-codes code').allTextContents()).map((c) => c.trim()));
    await clickAndLoad(page, page.getByRole('link', { name: 'Verder naar het portaal', exact: true }));
  }
}

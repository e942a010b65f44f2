/** Shared by the change-request integration tests: a logged-in parent, their child's handle, the form. */
import { expect } from 'chai';
import type { TestApp } from '../support/app.ts';
import { csrfFrom, DEMO } from '../support/app.ts';
import { loginAs, type Agent } from '../support/agent.ts';
import { type ChangeRequest } from '../../gateway/changes/index.ts';
import { createNotificationDigest } from '../../gateway/notifications/digest.ts';
import type { ReceivedMail, TestSmtp } from '../support/smtp.ts';

export interface ParentSession {
  agent: Agent;
  accountId: string;
  /** The first child the parent has gezag over, and its URL handle. */
  studentId: string;
  handle: string;
}

export async function parentSession(t: TestApp, who: { username: string; password: string; guardianId: string } = DEMO.parent): Promise<ParentSession> {
  const { agent, status } = await loginAs(t, who.username, who.password);
  if (status !== 303) throw new Error(`login as ${who.username} failed (${status})`);
  const account = await t.services.store.accounts.findByUsername(who.username);
  const guardian = await t.services.stack.getGuardian!(who.guardianId);
  const studentId = guardian.children.find((l) => l.gezag)!.studentId;
  return { agent, accountId: account!.id, studentId, handle: t.services.handles.handleFor(account!.id, studentId) };
}

/** The form's hidden fields (CSRF token and form key) from a rendered form page. */
export function formFields(html: string): { _csrf: string; formKey: string } {
  const formKey = /name="formKey" value="([^"]+)"/.exec(html)?.[1];
  if (!formKey) throw new Error('no form key in page');
  return { _csrf: csrfFrom(html), formKey };
}

/** The values a rendered form shows, by input name. */
export function formValues(html: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const m of html.matchAll(/<input id="field-(\w+)" name="\w+" type="\w+"(?: value="([^"]*)")?/g)) values[m[1]!] = m[2] ?? '';
  return values;
}

/** A correction of the child's address only; everything else as the form showed it. */
export function newAddress(shown: Record<string, string>): Record<string, string> {
  return { ...shown, street: 'Lindelaan', houseNumber: '12a', postcode: '1234ab', city: 'Leemdijk' };
}

/** The requests as the gateway reads them (opened with the data key), oldest first. */
export async function storedRequests(t: TestApp): Promise<ChangeRequest[]> {
  return (await t.services.changes.list()).reverse();
}

export function submitCalls(t: TestApp) {
  return t.sisCalls.filter((c) => c.method === 'submitChange');
}

export interface Sent {
  /** The 303 after storing (Post/Redirect/Get). */
  location: string;
  reference: string;
  /** The "ontvangen" page the redirect leads to. */
  page: { status: number; text: string };
}

/** The reference in the redirect after a post: `/kind/<handle>/wijzigen?ontvangen=<reference>`. */
export function referenceOf(location: string): string {
  const reference = new URL(location, 'http://x').searchParams.get('ontvangen');
  if (!reference) throw new Error(`no reference in ${location}`);
  return reference;
}

/** Posts a correction that is accepted: a 303 to the "ontvangen" page, which it then reads. */
export async function sendCorrection(agent: Agent, handle: string, body: Record<string, string>): Promise<Sent> {
  const post = await agent.post(`/kind/${handle}/wijzigen`).type('form').send(body);
  expect(post.status, post.text.slice(0, 300)).to.equal(303);
  const location = String(post.headers.location);
  expect(location).to.match(new RegExp(`^/kind/${handle}/wijzigen\\?ontvangen=WZ-[0-9A-Z]{4}-[0-9A-Z]{4}(&opnieuw=1)?$`));
  const page = await agent.get(location);
  expect(page.status).to.equal(200);
  expect(page.text).to.include('Ontvangen');
  return { location, reference: referenceOf(location), page };
}

/**
 * Sends a correction of the child's address in which only the city changes: the address is
 * proposed whole, and the house number is retyped in another spelling (the same by the form's
 * rule, sameKey). Returns the values the form showed.
 */
export async function sendCityOnlyCorrection(parent: ParentSession, city: string): Promise<Record<string, string>> {
  const form = await parent.agent.get(`/kind/${parent.handle}/wijzigen`);
  const shown = formValues(form.text);
  await sendCorrection(parent.agent, parent.handle, { ...formFields(form.text), ...shown, city, houseNumber: ` ${shown.houseNumber!.toUpperCase()} ` });
  return shown;
}

/**
 * Runs the notification digest and the delivery worker now (10:00: outside the window, so nothing
 * may be sent) and again at 16:00 the same day (inside it); returns the news mails sent by then.
 */
export async function digestNewsAt16(t: TestApp, smtp: TestSmtp, day: string): Promise<ReceivedMail[]> {
  const news = () => smtp.messages.filter((m) => m.subject.startsWith('Nieuws'));
  const digest = createNotificationDigest(t.services);
  await digest.runOnce();
  await t.services.delivery.runOnce();
  expect(news(), 'not before 16:00').to.have.length(0);
  t.clock.set(`${day}T16:00:00+01:00`);
  await digest.runOnce();
  await t.services.delivery.runOnce();
  return news();
}

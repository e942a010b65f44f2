/**
 * The demo operator (config/demo.yaml) and logging in at /beheer/inloggen, for the operator tests.
 * The break-glass login always asks for the second factor: the first login in an app enrols the
 * operator directly (issue-13's module, the app's clock), and each login answers with one of the
 * recovery codes (a TOTP code would be refused as a replay when two logins share a clock instant).
 */
import request from 'supertest';
import { operatorSubject, totpCode } from '../../gateway/auth/second-factor/index.ts';
import { csrfFrom, type TestApp } from './app.ts';
import type { Agent } from './agent.ts';

export const DEMO_OPERATOR = { username: 'demo.beheerder', password: 'appelflap met slagroom op het plein' };

const codes = new WeakMap<TestApp, string[]>();

async function recoveryCode(t: TestApp): Promise<string> {
  let left = codes.get(t) ?? [];
  if (left.length === 0) {
    const subject = operatorSubject(DEMO_OPERATOR.username);
    await t.services.secondFactor.reset(subject);
    const enrolment = await t.services.secondFactor.beginEnrolment(subject, DEMO_OPERATOR.username);
    const confirmed = await t.services.secondFactor.confirmEnrolment(subject, totpCode(enrolment.secret, t.clock.now().getTime()), undefined);
    if (!confirmed.ok) throw new Error(`operator enrolment failed: ${confirmed.reason}`);
    left = [...confirmed.recoveryCodes];
  }
  const code = left.shift()!;
  codes.set(t, left);
  return code;
}

/** Password, then the second factor; status and location are the last step's. */
export async function operatorLogin(
  t: TestApp, password = DEMO_OPERATOR.password,
): Promise<{ agent: Agent; status: number; location?: string }> {
  const agent = request.agent(t.app);
  const page = await agent.get('/beheer/inloggen');
  const res = await agent.post('/beheer/inloggen').type('form').send({ _csrf: csrfFrom(page.text), username: DEMO_OPERATOR.username, password });
  if (res.status !== 303 || res.headers.location !== '/beheer/inloggen/code') return { agent, status: res.status, location: res.headers.location };
  const code = await recoveryCode(t);
  const form = await agent.get('/beheer/inloggen/code');
  const done = await agent.post('/beheer/inloggen/code').type('form').send({ _csrf: csrfFrom(form.text), code });
  return { agent, status: done.status, location: done.headers.location };
}

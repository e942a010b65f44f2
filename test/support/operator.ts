/** The demo operator (config/demo.yaml) and logging in at /beheer/inloggen, for the operator tests. */
import request from 'supertest';
import { csrfFrom, type TestApp } from './app.ts';
import type { Agent } from './agent.ts';

export const DEMO_OPERATOR = { username: 'demo.beheerder', password: 'appelflap met slagroom op het plein' };

export async function operatorLogin(
  t: TestApp, password = DEMO_OPERATOR.password,
): Promise<{ agent: Agent; status: number; location?: string }> {
  const agent = request.agent(t.app);
  const page = await agent.get('/beheer/inloggen');
  const res = await agent.post('/beheer/inloggen').type('form').send({ _csrf: csrfFrom(page.text), username: DEMO_OPERATOR.username, password });
  return { agent, status: res.status, location: res.headers.location };
}

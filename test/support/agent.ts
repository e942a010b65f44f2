/** A supertest agent that logs in through the real login form. */
import request from 'supertest';
import type { TestApp } from './app.ts';
import { csrfFrom } from './app.ts';

export type Agent = ReturnType<typeof request.agent>;

export async function loginAs(t: TestApp, username: string, password: string): Promise<{ agent: Agent; status: number; location?: string }> {
  const agent = request.agent(t.app);
  const page = await agent.get('/inloggen');
  const res = await agent.post('/inloggen').type('form').send({ _csrf: csrfFrom(page.text), username, password });
  return { agent, status: res.status, location: res.headers.location };
}

/** A token from any page the agent can see, for the next POST. */
export async function tokenFor(agent: Agent, path = '/account'): Promise<string> {
  return csrfFrom((await agent.get(path)).text);
}

export function cookieValue(res: { headers: Record<string, unknown> }, name: string): string | undefined {
  const cookies = (res.headers['set-cookie'] as string[] | undefined) ?? [];
  const found = cookies.find((c) => c.startsWith(`${name}=`));
  return found?.split(';')[0]?.slice(name.length + 1);
}

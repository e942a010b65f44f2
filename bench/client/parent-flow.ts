/**
 * What one parent does on opening day: open the login page, log in, land on the dashboard,
 * open the first child's results. Any unexpected answer is an error, not a slow sample.
 */
import type http from 'node:http';
import { Browser, csrfFrom } from './browser.ts';

export interface FlowTimes {
  loginMs: number;
  dashboardMs: number;
  resultsMs: number;
}

export async function openChildResults(
  base: URL, agent: http.Agent, username: string, password: string,
): Promise<{ times: FlowTimes; resultsPath: string; browser: Browser }> {
  const browser = new Browser(base, agent);
  const form = await browser.get('/inloggen');
  if (form.status !== 200) throw new Error(`login page: ${form.status}`);
  const login = await browser.postForm('/inloggen', { _csrf: csrfFrom(form.body), username, password });
  if (login.status !== 303 || login.location !== '/') throw new Error(`login of ${username}: ${login.status} ${login.location ?? ''}`);
  const home = await browser.get('/');
  const handle = /href="\/kind\/([^"/]+)"/.exec(home.body)?.[1];
  if (home.status !== 200 || !handle) throw new Error(`dashboard of ${username}: ${home.status}, ${handle ? '' : 'no child'}`);
  const resultsPath = `/kind/${handle}/resultaten`;
  const results = await browser.get(resultsPath);
  if (results.status !== 200) throw new Error(`results of ${username}: ${results.status}`);
  return { times: { loginMs: login.ms, dashboardMs: home.ms, resultsMs: results.ms }, resultsPath, browser };
}

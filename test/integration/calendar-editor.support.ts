/** The operator calendar pages over a temp copy of the demo calendar (never the committed file). */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Agent } from '../support/agent.ts';
import { createTestApp, csrfFrom, type TestApp } from '../support/app.ts';
import { operatorLogin } from '../support/operator.ts';

export interface CalendarTestApp extends TestApp {
  file: string;
  agent: Agent;
  cleanup(): void;
}

export async function calendarTestApp(options: { now?: string; values?: Record<string, unknown> } = {}): Promise<CalendarTestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'ouderpoort-calendar-'));
  const file = join(dir, 'calendar.yaml');
  copyFileSync('config/calendar.yaml', file);
  const t = await createTestApp({ ...options, values: { calendar: { file }, ...options.values } });
  const { agent } = await operatorLogin(t);
  return { ...t, file, agent, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The form's version token and CSRF token, from the page that holds the form. */
export async function openForm(agent: Agent, path: string): Promise<{ csrf: string; versie: string; html: string }> {
  const page = await agent.get(path);
  if (page.status !== 200) throw new Error(`GET ${path}: ${page.status}`);
  const versie = /name="versie" value="([0-9a-f]{64})"/.exec(page.text)?.[1];
  if (!versie) throw new Error(`no version token on ${path}`);
  return { csrf: csrfFrom(page.text), versie, html: page.text };
}

export const CITO_CLOSURE = {
  lijst: 'closures', origId: '', handeling: 'put',
  id: 'cito-mei', from: '2027-05-03', until: '2027-05-20',
  reasonNl: 'De CITO-scores worden ingevoerd.', reasonEn: 'The CITO scores are being entered.',
  sections: ['results.method', 'results.lvs'], groups: ['5', '6', '7', '8'],
};

/** The demo app whose SIS goes down 10 minutes after the test's start, and a parent's 503 page: absences never fetched before the outage. */
import { createTestApp, DEMO, type TestApp } from '../support/app.ts';
import { loginAs } from '../support/agent.ts';

const OUTAGE = { from: '2027-03-01T09:10:00Z', to: '2027-03-01T12:00:00Z' };

export async function absencesDuringOutage(): Promise<{ t: TestApp; res: { status: number; text: string; headers: Record<string, string> } }> {
  const t = await createTestApp({ values: { sis: { stack: [{ adapter: 'mock', config: { hideFuture: true, outage: OUTAGE } }] } } });
  const { agent } = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
  const child = /href="(\/kind\/[^"]+)"/.exec((await agent.get('/')).text)![1]!;
  // The tests start at 09:00 UTC; within the 30-minute idle limit, so the session holds.
  t.clock.advance(20 * 60_000);
  return { t, res: await agent.get(`${child}/absenties`) };
}

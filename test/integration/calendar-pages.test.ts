/** The demo calendar (config/calendar.yaml) opening and closing the parent pages, by an injected clock. */
import { expect } from 'chai';
import { createTestApp, DEMO } from '../support/app.ts';
import { loginAs } from '../support/agent.ts';

async function pagesAt(now: string) {
  const t = await createTestApp({ now });
  const { agent } = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
  const link = /href="(\/kind\/[A-Za-z0-9_-]{16})"/.exec((await agent.get('/')).text)![1]!;
  t.sisCalls.length = 0;
  const [overview, absences, results] = await Promise.all([agent.get(link), agent.get(`${link}/absenties`), agent.get(`${link}/resultaten`)]);
  return { t, overview, absences, results };
}

describe('the school calendar on the parent pages', () => {
  it('keeps everything closed before the administrative part opens on 8 December, without asking the SIS', async () => {
    const { t, absences, results } = await pagesAt('2026-12-07T23:59:59+01:00');
    for (const page of [absences, results]) {
      expect(page.status).to.equal(200);
      expect(page.text).to.match(/gesloten|dicht/i);
    }
    expect(t.sisCalls.filter((c) => c.method === 'listAbsences' || c.method === 'listResults')).to.deep.equal([]);
  });

  it('opens the administrative part at local midnight on 8 December, results still closed', async () => {
    const { t, absences, results } = await pagesAt('2026-12-08T00:00:00+01:00');
    expect(t.sisCalls.some((c) => c.method === 'listAbsences')).to.equal(true);
    expect(absences.text).to.match(/<table/);
    expect(results.text).not.to.match(/<table/);
    expect(t.sisCalls.some((c) => c.method === 'listResults')).to.equal(false);
  });

  it('opens the results on 17 February', async () => {
    const { results } = await pagesAt('2027-02-17T00:00:00+01:00');
    expect(results.text).to.match(/<table/);
  });

  it('closes the results around the June report with the reason and the reopening date', async () => {
    const { t, results, absences } = await pagesAt('2027-06-10T12:00:00+02:00');
    expect(results.text).not.to.match(/<table/);
    expect(results.text).to.match(/Cito|CITO/);
    expect(results.text).to.include('2 juli 2027');
    expect(absences.text, 'the administrative part stays open').to.match(/<table/);
    expect(t.sisCalls.some((c) => c.method === 'listResults')).to.equal(false);
  });
});

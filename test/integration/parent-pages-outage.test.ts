import { expect } from 'chai';
import request from 'supertest';
import { DEMO_PERSONAS } from '../../adapters/mock/index.ts';
import { createHarness, gezagChildren, textOf } from './parent-pages.support.ts';

const HOUR = 3600_000;
/** The mock SIS is unreachable from 11:00 to 15:00 UTC; the tests start at 10:00. */
const outage = { from: '2026-11-28T11:00:00Z', to: '2026-11-28T15:00:00Z' };

/** Lets the SisService's background refresh settle (it runs on promises, not timers). */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('parent pages: SIS outage', function () {
  this.timeout(20_000);

  it('serves cached data with a calm banner saying how old it is', async () => {
    const h = await createHarness({ guardianId: DEMO_PERSONAS.twoChildren.guardianId, mock: { outage } });
    const [childId] = await gezagChildren(h, DEMO_PERSONAS.twoChildren.guardianId);
    const page = `/kind/${h.handleOf(childId!)}`;
    const fresh = await request(h.app).get(page);
    expect(fresh.text).not.to.include('banner-stale');

    h.clock.advance(2 * HOUR);
    await request(h.app).get(page); // stale: served while the refresh fails in the background
    await settle();
    const stale = await request(h.app).get(page);
    expect(stale.status).to.equal(200);
    expect(textOf(stale.text)).to.include('Gegevens van 2 uur geleden; de schooladministratie is nu niet bereikbaar.');
    expect(stale.text).to.include('role="status"');
    const english = await request(h.app).get(page).set('Cookie', 'lang=en');
    expect(textOf(english.text)).to.include('Data from 2 hours ago; the school administration cannot be reached right now.');
  });

  it('says so on the very first page served from stale cache, with the data\'s age', async () => {
    const h = await createHarness({ guardianId: DEMO_PERSONAS.twoChildren.guardianId, mock: { outage } });
    const [childId] = await gezagChildren(h, DEMO_PERSONAS.twoChildren.guardianId);
    const page = `/kind/${h.handleOf(childId!)}`;
    expect((await request(h.app).get(page)).text).not.to.include('banner-stale');
    h.clock.advance(2 * HOUR);
    const first = await request(h.app).get(page);
    expect(first.status).to.equal(200);
    expect(textOf(first.text)).to.include('Gegevens van 2 uur geleden; de schooladministratie is nu niet bereikbaar.');
  });

  it('with nothing cached, shows a friendly 503 with the request id and no details', async () => {
    const h = await createHarness({ guardianId: DEMO_PERSONAS.twoChildren.guardianId, mock: { outage } });
    const [childId] = await gezagChildren(h, DEMO_PERSONAS.twoChildren.guardianId);
    const base = `/kind/${h.handleOf(childId!)}`;
    expect((await request(h.app).get(base)).status).to.equal(200);

    h.clock.advance(2 * HOUR);
    const res = await request(h.app).get(`${base}/absenties`);
    expect(res.status).to.equal(503);
    expect(res.headers['cache-control']).to.equal('no-store');
    expect(Number(res.headers['retry-after'])).to.be.greaterThan(0);
    const text = textOf(res.text);
    expect(text).to.include('Even niet beschikbaar');
    expect(text).to.match(/Foutcode voor de school: req-\d+/);
    expect(res.text).not.to.match(/SIS_|Error|at .*\.ts/);
    expect((await h.store.audit.query({})).filter((r) => r.section === 'absences')).to.deep.equal([]);
  });

  it('a parent\'s first visit during an outage gets the 503 page too', async () => {
    const h = await createHarness({ guardianId: DEMO_PERSONAS.twoChildren.guardianId, mock: { outage }, now: '2026-11-28T12:00:00Z' });
    const res = await request(h.app).get('/');
    expect(res.status).to.equal(503);
    expect(textOf(res.text)).to.include('De schooladministratie is nu niet bereikbaar');
  });
});

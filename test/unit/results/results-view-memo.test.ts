import { expect } from 'chai';
import type { TestResult } from '../../../adapters/contract/index.ts';
import { fingerprint } from '../../../gateway/results/fingerprint.ts';
import { createSisService } from '../../../gateway/sis/sis-service.ts';
import { createMemoryStore } from '../../../gateway/store/memory-store.ts';
import { manualClock } from '../../support/clock.ts';
import { logSink } from '../sis/fakes.ts';
import { DAY, HOUR, settle, TTL } from '../sis/setup.ts';
import { LruMemo } from '../../../gateway/results/lru-memo.ts';
import { createResultsViews, resultsView, type ResultsShow } from '../../../gateway/routes/parent/view-models/results.ts';
import { deepFreeze } from '../../../gateway/store/tables/table-hooks.ts';
import { demoResultsStory } from './demo-story.ts';
import { lvs, methodTest } from './fixtures.ts';

const SHOW: ResultsShow = { method: true, lvs: true, schoolYear: '2026-2027', locale: 'nl', story: demoResultsStory };

function pupilResults(score = 180): TestResult[] {
  return [
    lvs({ schoolYear: '2025-2026', moment: 'M', jaargroep: 4, score: score - 20, ae: 'C' }),
    lvs({ schoolYear: '2026-2027', moment: 'M', jaargroep: 5, score, ae: 'B' }),
    methodTest('rekenen', 'Pluspunt', 3, '2026-11-02', 7.5),
    methodTest('rekenen', 'Pluspunt', 4, '2026-12-07', 8),
  ];
}

/** The records as the cache hands them out: a JSON copy, frozen (CacheRepo.peek). */
const asCached = (results: TestResult[]): TestResult[] => deepFreeze(JSON.parse(JSON.stringify(results)) as TestResult[]);

const chartTitles = (view: ReturnType<typeof resultsView>) => view.lvs?.subjects.map((s) => s.chart?.title);

describe('results view memo', () => {
  it('gives the same view for the same records, also when they come as another copy', () => {
    const views = createResultsViews();
    const records = pupilResults();
    const first = views.view(asCached(records), SHOW);
    expect(views.view(asCached(records), SHOW)).to.equal(first);
    expect(views.view(structuredClone(records), SHOW)).to.equal(first);
    expect(views.size).to.equal(1);
  });

  it('is exactly what resultsView builds, frozen so no page can change it for the next', () => {
    const records = asCached(pupilResults());
    const view = createResultsViews().view(records, SHOW);
    expect(view).to.deep.equal(resultsView(records, SHOW));
    expect(Object.isFrozen(view)).to.equal(true);
    expect(Object.isFrozen(view.lvs?.subjects[0]?.chart?.description)).to.equal(true);
    expect(() => { (view.lvs!.subjects as unknown[]).push({}); }).to.throw(TypeError);
  });

  it('builds anew when a record changes (a refreshed cache entry), and shows the new score', () => {
    const views = createResultsViews();
    const before = pupilResults(180);
    const after = structuredClone(before);
    (after[1] as { vaardigheidsscore: number }).vaardigheidsscore = 195;
    const old = views.view(asCached(before), SHOW);
    const fresh = views.view(asCached(after), SHOW);
    expect(fresh).to.not.equal(old);
    expect(fresh).to.deep.equal(resultsView(after, SHOW));
    expect(fresh.lvs?.subjects[0]?.rows.map((r) => r.score)).to.deep.equal([160, 195]);
  });

  it('never hands one pupil the view built from another pupil\'s records', () => {
    const views = createResultsViews();
    const mine = asCached(pupilResults(180));
    const theirs = asCached(pupilResults(150));
    const mineView = views.view(mine, SHOW);
    const theirView = views.view(theirs, SHOW);
    expect(theirView).to.not.equal(mineView);
    expect(views.view(mine, SHOW).lvs?.subjects[0]?.rows.map((r) => r.score)).to.deep.equal([160, 180]);
    expect(theirView.lvs?.subjects[0]?.rows.map((r) => r.score)).to.deep.equal([130, 150]);
  });

  it('keeps the locales apart', () => {
    const views = createResultsViews();
    const records = asCached(pupilResults());
    const nl = views.view(records, SHOW);
    const en = views.view(records, { ...SHOW, locale: 'en' });
    expect(en).to.not.equal(nl);
    expect(chartTitles(nl)).to.deep.equal(chartTitles(resultsView(records, SHOW)));
    expect(chartTitles(en)).to.deep.equal(chartTitles(resultsView(records, { ...SHOW, locale: 'en' })));
    expect(chartTitles(en)).to.not.deep.equal(chartTitles(nl));
    expect(views.view(records, SHOW)).to.equal(nl);
  });

  it('keeps apart what the calendar shows: method only, LVS only, both, and the school year', () => {
    const views = createResultsViews();
    const records = asCached(pupilResults());
    const both = views.view(records, SHOW);
    const methodOnly = views.view(records, { ...SHOW, lvs: false });
    const lvsOnly = views.view(records, { ...SHOW, method: false });
    const lastYear = views.view(records, { ...SHOW, schoolYear: '2025-2026' });
    expect(methodOnly.lvs).to.equal(undefined);
    expect(lvsOnly.method).to.equal(undefined);
    expect(new Set([both, methodOnly, lvsOnly, lastYear]).size).to.equal(4);
    expect(lastYear.method?.subjects).to.deep.equal([]);
  });

  it('keeps two schools\' stories apart', () => {
    const views = createResultsViews();
    const records = asCached(pupilResults());
    const other = { ...demoResultsStory, levelScale: 'IV' as const };
    expect(views.view(records, { ...SHOW, story: other })).to.not.equal(views.view(records, SHOW));
    expect(views.view(records, { ...SHOW, story: other }).lvs?.scaleLabel).to.equal(resultsView(records, { ...SHOW, story: other }).lvs?.scaleLabel);
  });

  it('holds at most `max` views, forgetting the least recently used', () => {
    const views = createResultsViews(2);
    const a = asCached(pupilResults(170));
    const b = asCached(pupilResults(171));
    const c = asCached(pupilResults(172));
    const viewA = views.view(a, SHOW);
    const viewB = views.view(b, SHOW);
    expect(views.view(a, SHOW)).to.equal(viewA);
    views.view(c, SHOW);
    expect(views.size).to.equal(2);
    expect(views.view(a, SHOW)).to.equal(viewA);
    expect(views.view(b, SHOW)).to.not.equal(viewB);
    expect(views.size).to.equal(2);
  });
});

describe('results view memo behind the cache', () => {
  it('serves the cached view while the record stands, and the new scores once the SIS refresh lands', async () => {
    let current = pupilResults(180);
    const clock = manualClock('2027-03-01T09:00:00Z');
    const sis = createSisService({
      adapter: {
        name: 'scores', version: '1.0.0', capabilities: new Set(['results.lvs', 'results.method']),
        healthCheck: async () => ({ ok: true, latencyMs: 1 }),
        listResults: async () => structuredClone(current),
      },
      cache: createMemoryStore().cache, clock, logger: logSink(), ttl: TTL, staleMaxAgeMs: 7 * DAY,
    });
    const views = createResultsViews();
    const page = async () => views.view((await sis.listResults('L1')).value, SHOW);
    const first = await page();
    expect(await page()).to.equal(await page());
    expect(first.lvs?.subjects[0]?.rows.map((r) => r.score)).to.deep.equal([160, 180]);

    current = pupilResults(190);
    clock.advance(TTL.results + HOUR);
    await page(); // stale: served from the cache, refreshed in the background
    await settle();
    const refreshed = await page();
    expect(refreshed.lvs?.subjects[0]?.rows.map((r) => r.score)).to.deep.equal([170, 190]);
    expect(views.size).to.equal(2);
  });
});

describe('LruMemo', () => {
  it('builds once per key, forgets the least recently used beyond max, and counts', () => {
    const memo = new LruMemo<number>(2);
    let builds = 0;
    const get = (key: string) => memo.getOrBuild(key, () => (builds += 1));
    expect([get('a'), get('b'), get('a')]).to.deep.equal([1, 2, 1]);
    get('c');
    expect(memo.size).to.equal(2);
    expect(get('a')).to.equal(1);
    expect(get('b')).to.equal(4);
    expect(memo.stats).to.deep.equal({ hits: 2, misses: 4 });
  });

  it('refuses a size below one', () => {
    expect(() => new LruMemo(0)).to.throw(RangeError);
    expect(() => new LruMemo(1.5)).to.throw(RangeError);
  });
});

describe('fingerprint', () => {
  it('is the same for equal content and differs for different content', () => {
    expect(fingerprint([{ a: 1 }])).to.equal(fingerprint([{ a: 1 }]));
    expect(fingerprint([{ a: 1 }])).to.not.equal(fingerprint([{ a: 2 }]));
  });

  it('never remembers a value that can still change', () => {
    const value = [{ score: 1 }];
    const before = fingerprint(value);
    value[0]!.score = 2;
    expect(fingerprint(value)).to.not.equal(before);
    const shallow = Object.freeze([{ score: 1 }]);
    const shallowBefore = fingerprint(shallow);
    shallow[0]!.score = 2;
    expect(fingerprint(shallow)).to.not.equal(shallowBefore);
  });

  it('digests a deeply frozen value (remembered by identity) as its content', () => {
    const value = deepFreeze([{ score: 1 }]);
    expect(fingerprint(value)).to.equal(fingerprint([{ score: 1 }]));
    expect(fingerprint(value)).to.equal(fingerprint(value));
  });
});

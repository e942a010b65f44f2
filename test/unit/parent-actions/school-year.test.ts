import { expect } from 'chai';
import ICAL from 'ical.js';
import type { Calendar } from '../../../gateway/policy/calendar-types.ts';
import { forGroups, schoolYearEntries } from '../../../gateway/school-year/entries.ts';
import { schoolYearFeed } from '../../../gateway/school-year/ical-feed.ts';

const calendar: Calendar = {
  timezone: 'Europe/Amsterdam', events: [],
  open: [{ id: 'resultaten', sections: ['results.method', 'results.lvs'], from: '2027-02-17', groups: [3, 4] }],
  closures: [{ id: 'rapport', from: '2027-06-01', reopensOn: '2027-07-02', reason: { nl: 'r', en: 'r' }, sections: ['reports'] }],
};
const config = {
  schoolYear: {
    feed: true,
    items: [
      { id: 'kerst', kind: 'holiday' as const, from: '2026-12-19', until: '2027-01-03', title: { nl: 'Kerstvakantie', en: 'Christmas' } },
      { id: 'advies', kind: 'parent-evening' as const, from: '2027-03-09', groups: [8 as const], title: { nl: 'Advies groep 8', en: 'Advice' } },
    ],
  },
};

describe('the school year entries and feed', () => {
  const entries = schoolYearEntries(config, calendar);

  it('merges the school\'s items with the portal\'s openings and closures, in date order', () => {
    expect(entries.map((e) => [e.id, e.from, e.until])).to.deep.equal([
      ['kerst', '2026-12-19', '2027-01-03'],
      ['portal-resultaten', '2027-02-17', '2027-02-17'],
      ['advies', '2027-03-09', '2027-03-09'],
      // A closure's last day is the day before it reopens.
      ['portal-rapport', '2027-06-01', '2027-07-01'],
    ]);
    expect(entries[1]!.title).to.deep.equal({ nl: 'Ouderportaal open: Methodetoetsen en LVS-toetsen', en: 'Parent portal open: Method tests and LVS tests' });
  });

  it('narrows to the whole school and the given groups', () => {
    expect(forGroups(entries, new Set([5])).map((e) => e.id)).to.deep.equal(['kerst', 'portal-rapport']);
    expect(forGroups(entries, new Set([4, 8])).map((e) => e.id)).to.have.length(4);
  });

  it('writes all-day events with stable ids that parse back', () => {
    const text = schoolYearFeed(entries, { schoolName: 'De Bron', locale: 'en', host: 'ouders.example', timeZone: 'Europe/Amsterdam', now: new Date('2027-01-01T00:00:00Z') });
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(events.map((e) => e.uid)).to.deep.equal(['kerst@ouders.example', 'portal-resultaten@ouders.example', 'advies@ouders.example', 'portal-rapport@ouders.example']);
    expect(events[0]!.endDate.toString()).to.equal('2027-01-04');
    expect(events[2]!.summary).to.equal('Advice (groep 8)');
  });
});

import { expect } from 'chai';
import { activeDataCheck, checkKey } from '../../../gateway/data-check/active-check.ts';
import type { Calendar } from '../../../gateway/policy/calendar-types.ts';

const calendar: Calendar = {
  timezone: 'Europe/Amsterdam', open: [], closures: [],
  events: [
    { id: 'najaar', kind: 'data-check', at: '2026-10-05T07:00' },
    { id: 'uitnodigingen', kind: 'invitations', at: '2026-12-07T07:00' },
    { id: 'voorjaar', kind: 'data-check', at: '2027-03-01T07:00', until: '2027-03-15T00:00' },
  ],
};

describe('which data check runs', () => {
  it('none before the first, exactly from its local start time', () => {
    expect(activeDataCheck(calendar, new Date('2026-10-05T04:59:59Z'))).to.equal(undefined);
    expect(activeDataCheck(calendar, new Date('2026-10-05T05:00:00Z'))?.id).to.equal('najaar');
  });

  it('a later data-check event replaces the earlier one; other kinds do not', () => {
    expect(activeDataCheck(calendar, new Date('2026-12-08T10:00:00Z'))?.id).to.equal('najaar');
    const spring = activeDataCheck(calendar, new Date('2027-03-01T06:00:00Z'))!;
    expect(spring.id).to.equal('voorjaar');
    expect(checkKey(spring)).to.equal('voorjaar@2027-03-01T06:00:00.000Z');
  });

  it('ends at its until', () => {
    expect(activeDataCheck(calendar, new Date('2027-03-14T22:59:59Z'))?.id).to.equal('voorjaar');
    expect(activeDataCheck(calendar, new Date('2027-03-14T23:00:00Z'))).to.equal(undefined);
  });

  it('reads a reloaded calendar (a new object) anew, while the answers of the old one stay as they were', () => {
    const at = new Date('2026-12-08T10:00:00Z');
    expect(activeDataCheck(calendar, at)?.id).to.equal('najaar');
    const reloaded: Calendar = { ...calendar, events: [...calendar.events, { id: 'winter', kind: 'data-check', at: '2026-12-01T07:00' }] };
    expect(activeDataCheck(reloaded, at)?.id).to.equal('winter');
    expect(activeDataCheck(calendar, at)?.id).to.equal('najaar');
    // The answer is shared between requests: nobody can change it for the next.
    expect(Object.isFrozen(activeDataCheck(reloaded, at))).to.equal(true);
  });
});

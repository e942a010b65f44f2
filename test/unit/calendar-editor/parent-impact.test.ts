/** The diff of two calendars as parents feel it: which sections open or close when, for whom. */
import { expect } from 'chai';
import { changesNow, confirmationNeeded, parentImpact } from '../../../gateway/calendar-editor/parent-impact.ts';
import { calendarFrom } from '../policy/support.ts';

const BASE = `
timezone: Europe/Amsterdam
open:
  - id: resultaten
    sections: [results.method, results.lvs]
    from: 2027-02-17
closures:
  - id: rapport
    sections: [results.lvs]
    from: 2027-06-01
    reopensOn: 2027-07-02
    reason: { nl: Rapport, en: Report }
events:
  - id: uitnodigingen
    kind: invitations
    at: 2026-12-07T07:00
`;
const base = calendarFrom(BASE);
const withClosure = calendarFrom(`${BASE.replace('events:', `  - id: cito
    sections: [results.method]
    groups: [5, 6, 7, 8]
    from: 2027-05-03
    reopensOn: 2027-05-20
    reason: { nl: CITO wordt ingevoerd, en: CITO being entered }
events:`)}`);

describe('calendar editor: what changes for parents', () => {
  it('is nothing for the same calendar', () => {
    expect(parentImpact(base, calendarFrom(BASE))).to.deep.equal([]);
  });

  it('names the section, the groups, the days and the reason of a new closure', () => {
    expect(parentImpact(base, withClosure)).to.deep.equal([{
      section: 'results.method', groups: [5, 6, 7, 8], from: '2027-05-03', until: '2027-05-20',
      before: true, after: false, reason: { nl: 'CITO wordt ingevoerd', en: 'CITO being entered' },
    }]);
    // And the other way round: removing it opens those days again.
    expect(parentImpact(withClosure, base)).to.deep.equal([{
      section: 'results.method', groups: [5, 6, 7, 8], from: '2027-05-03', until: '2027-05-20', before: false, after: true,
    }]);
  });

  it('reports an opening moved later as closed days, open-ended changes without an end', () => {
    const later = calendarFrom(BASE.replace('from: 2027-02-17', 'from: 2027-03-01'));
    const changes = parentImpact(base, later);
    expect(changes.map((c) => [c.section, c.from, c.until, c.after])).to.deep.equal([
      ['results.method', '2027-02-17', '2027-03-01', false],
      ['results.lvs', '2027-02-17', '2027-03-01', false],
    ]);
    const never = calendarFrom(BASE.replace('  - id: resultaten\n    sections: [results.method, results.lvs]\n    from: 2027-02-17\n', '  []\n').replace('open:\n  []', 'open: []'));
    const gone = parentImpact(base, never).find((c) => c.section === 'results.method');
    expect(gone).to.include({ from: '2027-02-17', before: true, after: false });
    expect(gone).not.to.have.property('until');
  });

  it('reports a closure whose reason alone changed', () => {
    const reworded = calendarFrom(BASE.replace('{ nl: Rapport, en: Report }', '{ nl: Rapporttijd, en: Report time }'));
    expect(parentImpact(base, reworded)).to.deep.equal([{
      section: 'results.lvs', groups: [1, 2, 3, 4, 5, 6, 7, 8], from: '2027-06-01', until: '2027-07-02',
      before: false, after: false, reason: { nl: 'Rapporttijd', en: 'Report time' },
    }]);
  });

  it('needs confirmation to close a section that is open right now, not one that closes later', () => {
    const now = new Date('2027-05-10T10:00:00+02:00');
    expect(changesNow(base, withClosure, now)).to.deep.equal([{
      section: 'results.method', groups: [5, 6, 7, 8], before: true, after: false, reason: { nl: 'CITO wordt ingevoerd', en: 'CITO being entered' },
    }]);
    expect(confirmationNeeded(base, withClosure, now)?.closesOpenSection).to.have.length(1);
    expect(confirmationNeeded(base, withClosure, new Date('2027-04-01T10:00:00+02:00'))).to.equal(undefined);
    // Opening something now needs no confirmation.
    expect(confirmationNeeded(withClosure, base, now)).to.equal(undefined);
  });

  it('needs confirmation to move the invitations into the past, not for invitations already past', () => {
    const now = new Date('2026-12-01T10:00:00+01:00');
    const moved = calendarFrom(BASE.replace('2026-12-07T07:00', '2026-11-30T07:00'));
    expect(confirmationNeeded(base, moved, now)?.invitationsIntoPast.map((e) => e.id)).to.deep.equal(['uitnodigingen']);
    expect(confirmationNeeded(base, calendarFrom(BASE.replace('2026-12-07T07:00', '2026-12-08T07:00')), now)).to.equal(undefined);
    const later = new Date('2027-01-10T10:00:00+01:00');
    expect(confirmationNeeded(base, withClosure, later)).to.equal(undefined);
  });
});

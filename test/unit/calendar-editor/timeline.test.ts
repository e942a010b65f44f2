/** The year at a glance: a row per section, split per group only where the groups' years differ. */
import { expect } from 'chai';
import { timelineText } from '../../../gateway/calendar-editor/calendar-text.ts';
import { schoolYearFromLabel, schoolYearOf, timeline } from '../../../gateway/calendar-editor/timeline.ts';
import { calendarFrom } from '../policy/support.ts';

const calendar = calendarFrom(`
timezone: Europe/Amsterdam
schoolYear: 2026-2027
open:
  - id: resultaten
    sections: [results.lvs]
    from: 2027-02-17
closures:
  - id: groep-8
    sections: [results.lvs]
    groups: [8]
    from: 2027-03-01
    reopensOn: 2027-03-25
    reason: { nl: Eerst het gesprek, en: The talk first }
events:
  - id: uitnodigingen
    kind: invitations
    at: 2026-12-07T07:00
`);

describe('calendar editor: timeline', () => {
  const line = timeline(calendar, { firstYear: 2026, today: '2027-03-10' });

  it('draws 1 August to 31 July with twelve month ticks and a line for today', () => {
    expect([line.start, line.end, line.schoolYear]).to.deep.equal(['2026-08-01', '2027-08-01', '2026-2027']);
    expect(line.months.map((m) => m.date)).to.have.length(12).and.include('2027-02-01');
    expect(line.months[0]?.x).to.equal(line.plot.left);
    expect(line.today?.x).to.be.greaterThan(line.months[7]?.x as number).and.lessThan(line.months[8]?.x as number);
    expect(timeline(calendar, { firstYear: 2026, today: '2027-09-01' }).today).to.equal(undefined);
  });

  it('gives a section one row when every group sees the same, and a row per kind of group where they differ', () => {
    const lvs = line.rows.filter((r) => r.section === 'results.lvs');
    expect(lvs.map((r) => r.groups)).to.deep.equal([[1, 2, 3, 4, 5, 6, 7], [8]]);
    expect(lvs[1]?.segments.map((s) => [s.from, s.until, s.state, s.closureId])).to.deep.equal([
      ['2026-08-01', '2027-02-17', 'closed', undefined],
      ['2027-02-17', '2027-03-01', 'open', undefined],
      ['2027-03-01', '2027-03-25', 'closure', 'groep-8'],
      ['2027-03-25', '2027-08-01', 'open', undefined],
    ]);
    const segments = lvs[1]?.segments ?? [];
    expect(segments.reduce((sum, s) => sum + s.width, 0)).to.be.closeTo(line.plot.right - line.plot.left, 0.5);
    expect(line.rows.filter((r) => r.section === 'personalia')).to.have.length(1);
    expect(line.events.map((e) => e.id)).to.deep.equal(['uitnodigingen']);
  });

  it('says the same in words and in a table', () => {
    const text = timelineText(line, 'nl');
    expect(text.summary).to.include('LVS-toetsen voor groep 8: niet open van 1 augustus 2026 tot en met 16 februari 2027, open van 17 februari 2027 tot en met 28 februari 2027, gesloten van 1 maart 2027 tot en met 24 maart 2027 (groep-8) en open van 25 maart 2027 tot en met 31 juli 2027.');
    expect(text.table.find((r) => r.closure)).to.deep.include({ groups: 'groep 8', from: '1 maart 2027', until: '24 maart 2027', reason: 'Eerst het gesprek' });
    expect(timelineText(line, 'en').events[0]).to.deep.include({ kind: 'Invitations', groups: 'all groups' });
  });

  it('takes the school year from the label, else from the date', () => {
    expect(schoolYearFromLabel('2026-2027')).to.equal(2026);
    expect(schoolYearFromLabel('2026-2028')).to.equal(undefined);
    expect([schoolYearOf('2026-07-31'), schoolYearOf('2026-08-01')]).to.deep.equal([2025, 2026]);
  });
});

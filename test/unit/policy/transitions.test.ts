import { expect } from 'chai';
import { eventsBetween, transitionsBetween } from '../../../gateway/policy/transitions.ts';
import { whatIsOpen } from '../../../gateway/policy/what-is-open.ts';
import { calendarFrom } from './support.ts';

const calendar = calendarFrom(`
open:
  - { id: administratie, sections: [personalia, absences], from: 2026-12-08 }
  - { id: resultaten, sections: [results.lvs], from: 2027-02-17 }
closures:
  - id: doorstroom
    sections: [results.lvs]
    groups: [8]
    from: 2027-02-01
    reopensOn: 2027-03-25
    reason: { nl: Eerst het gesprek., en: The conversation first. }
  - id: lente
    sections: [absences]
    from: 2027-03-28
    reopensOn: 2027-03-29
    reason: { nl: Dicht., en: Closed. }
events:
  - { id: hulp, kind: help-moment, at: 2026-12-14T08:30, until: 2026-12-14T09:15 }
  - { id: post, kind: invitations, at: 2026-12-07T07:00 }
  - { id: groep8, kind: reminder, at: 2027-03-28T03:30, groups: [8] }
`);

const d = (iso: string) => new Date(iso);
const summary = (from: string, to: string) => transitionsBetween(calendar, d(from), d(to))
  .map((t) => `${t.at} ${t.section} ${t.change} ${t.groups.join('')}${t.closureId ? ` ${t.closureId}` : ''}`);

describe('policy transitionsBetween', () => {
  it('lists each section change of the year with its groups, in time order', () => {
    expect(summary('2026-08-01T00:00:00Z', '2027-08-01T00:00:00Z')).to.deep.equal([
      '2026-12-07T23:00:00.000Z personalia opened 12345678',
      '2026-12-07T23:00:00.000Z absences opened 12345678',
      '2027-02-16T23:00:00.000Z results.lvs opened 1234567',
      '2027-03-24T23:00:00.000Z results.lvs opened 8',
      // The DST day: local midnight is 23:00 UTC before it, 22:00 UTC after it.
      '2027-03-27T23:00:00.000Z absences closed 12345678 lente',
      '2027-03-28T22:00:00.000Z absences opened 12345678',
    ]);
  });

  it('carries the closure reason on a closing', () => {
    const [closing] = transitionsBetween(calendar, d('2027-03-27T00:00:00Z'), d('2027-03-28T00:00:00Z'));
    expect(closing).to.deep.include({ change: 'closed', date: '2027-03-28', closureId: 'lente', reason: { nl: 'Dicht.', en: 'Closed.' } });
  });

  it('takes the half-open window (from, to], so consecutive windows list each change once', () => {
    const midnight = '2026-12-07T23:00:00.000Z';
    expect(summary('2026-12-07T22:00:00Z', midnight)).to.have.length(2);
    expect(summary(midnight, '2026-12-08T10:00:00Z')).to.deep.equal([]);
    expect(summary('2026-12-07T22:00:00Z', '2026-12-07T22:59:59.999Z')).to.deep.equal([]);
  });

  it('lists nothing for a closure that starts while the section is closed anyway', () => {
    // doorstroom starts on 1 February, before results.lvs opens at all.
    expect(summary('2027-01-31T00:00:00Z', '2027-02-02T00:00:00Z')).to.deep.equal([]);
  });
});

describe('policy eventsBetween', () => {
  it('lists scheduled events by their local time, in time order, in (from, to]', () => {
    const events = eventsBetween(calendar, d('2026-12-01T00:00:00Z'), d('2027-12-01T00:00:00Z'));
    expect(events.map((e) => [e.id, e.at])).to.deep.equal([
      ['post', '2026-12-07T06:00:00.000Z'],
      ['hulp', '2026-12-14T07:30:00.000Z'],
      // 03:30 CEST on the spring changeover day (02:30 does not exist and is refused, see parse-calendar tests).
      ['groep8', '2027-03-28T01:30:00.000Z'],
    ]);
    expect(events[1]).to.deep.include({ kind: 'help-moment', localAt: '2026-12-14T08:30', until: '2026-12-14T09:15' });
    expect(events[2]?.groups).to.deep.equal([8]);
    expect(eventsBetween(calendar, d('2026-12-07T06:00:00Z'), d('2026-12-14T07:29:59Z'))).to.deep.equal([]);
  });
});

describe('policy whatIsOpen', () => {
  it('gives every section on a local date for one group', () => {
    const day = whatIsOpen(calendar, '2027-02-17', 8);
    expect(day.date).to.equal('2027-02-17');
    expect(day.group).to.equal(8);
    const lvs = day.sections.find((s) => s.section === 'results.lvs');
    expect(lvs).to.deep.include({ open: false, reopensOn: '2027-03-25', openForGroups: [1, 2, 3, 4, 5, 6, 7] });
    expect(lvs?.reason?.nl).to.equal('Eerst het gesprek.');
    expect(day.sections.map((s) => `${s.section}:${s.open}`)).to.deep.equal([
      'personalia:true', 'absences:true', 'results.method:false', 'results.lvs:false', 'changes:false',
      'reports:false', 'medical:false', 'absence-report:false', 'leave:false', 'conversations:false', 'school-year:false',
    ]);
  });

  it('takes an instant by its local date', () => {
    // 23:30 UTC on 16 February is 00:30 on 17 February in Amsterdam.
    expect(whatIsOpen(calendar, d('2027-02-16T23:30:00Z'), 5).date).to.equal('2027-02-17');
  });

  it('refuses a date that is not a date', () => {
    expect(() => whatIsOpen(calendar, '2027-02-30')).to.throw(RangeError);
  });
});

import { expect } from 'chai';
import type { Calendar } from '../../../gateway/policy/calendar-types.ts';
import { evaluate } from '../../../gateway/policy/evaluate.ts';
import { calendarFrom } from './support.ts';

const REASON = `
    reason:
      nl: Gesloten.
      en: Closed.`;

const calendar = calendarFrom(`
timezone: Europe/Amsterdam
open:
  - id: administratie
    sections: [personalia]
    from: 2026-12-08
  - id: resultaten
    sections: [results.method, results.lvs]
    from: 2027-02-17
  - id: lente
    sections: [absences]
    from: 2027-03-28
    closesOn: 2027-03-29
  - id: herfst
    sections: [changes]
    from: 2026-10-25
    closesOn: 2026-10-26
closures:
  - id: rapport
    sections: [results.method, results.lvs]
    from: 2027-06-01
    reopensOn: 2027-07-02${REASON}
  - id: doorstroom
    sections: [results.lvs]
    groups: [8]
    from: 2027-02-01
    reopensOn: 2027-03-25
    reason:
      nl: Eerst het adviesgesprek.
      en: The advice conversation comes first.
`);

const at = (iso: string) => new Date(iso);

describe('policy evaluate', () => {
  describe('closed unless opened', () => {
    it('keeps a section closed before its opening day, saying when it opens', () => {
      const decision = evaluate(calendar, 'personalia', 5, at('2026-11-01T12:00:00Z'));
      expect(decision).to.deep.equal({
        open: false,
        reopensOn: '2026-12-08',
        // Never open before: it opens for the first time (issue 22 item 2); the rule has no description.
        firstOpening: {},
        nextChange: { at: '2026-12-07T23:00:00.000Z', open: true },
      });
    });

    it('opens exactly at local midnight of the opening day', () => {
      // 23:59:59 local on 7 December, then 00:00:00 local on 8 December (CET, UTC+1).
      expect(evaluate(calendar, 'personalia', 5, at('2026-12-07T22:59:59.999Z')).open).to.equal(false);
      expect(evaluate(calendar, 'personalia', 5, at('2026-12-07T23:59:59+01:00')).open).to.equal(false);
      expect(evaluate(calendar, 'personalia', 5, at('2026-12-07T23:00:00.000Z')).open).to.equal(true);
      expect(evaluate(calendar, 'personalia', 5, at('2026-12-08T00:00:00+01:00'))).to.deep.equal({ open: true });
    });

    it('closes everything when nothing opens it, and an unknown section always', () => {
      // A file like this is refused (parse-calendar); the pure evaluation still fails closed.
      const empty: Calendar = { timezone: 'Europe/Amsterdam', open: [], closures: [], events: [] };
      expect(evaluate(empty, 'personalia', 5, at('2027-01-01T12:00:00Z'))).to.deep.equal({ open: false });
      expect(evaluate(calendar, 'grades', 5, at('2027-03-01T12:00:00Z'))).to.deep.equal({ open: false });
    });
  });

  describe('the first opening (issue 22 item 2)', () => {
    const described = calendarFrom(`
open:
  - id: administratie
    sections: [personalia]
    from: 2026-12-08
    description: { nl: De gegevens van uw kind., en: Your child's details. }
  - id: lente
    sections: [absences]
    from: 2027-03-28
    closesOn: 2027-03-29
`);

    it('gives the opening rule\'s description before the section was ever open', () => {
      expect(evaluate(described, 'personalia', 5, at('2026-12-07T12:00:00Z')).firstOpening)
        .to.deep.equal({ description: { nl: 'De gegevens van uw kind.', en: "Your child's details." } });
    });

    it('is gone once the section has been open: closed again means "open again"', () => {
      expect(evaluate(described, 'absences', 5, at('2027-03-27T12:00:00Z')).firstOpening).to.deep.equal({});
      const after = evaluate(described, 'absences', 5, at('2027-03-30T12:00:00Z'));
      expect(after.open).to.equal(false);
      expect(after.firstOpening).to.equal(undefined);
    });

    it('is absent when nothing ever opens the section', () => {
      expect(evaluate(described, 'changes', 5, at('2026-12-07T12:00:00Z')).firstOpening).to.equal(undefined);
    });
  });

  describe('DST changeover days (Europe/Amsterdam)', () => {
    it('opens a rule starting on 28 March 2027 at 2027-03-27T23:00:00Z and ends it at the next local midnight', () => {
      expect(evaluate(calendar, 'absences', 5, at('2027-03-27T22:59:59.999Z')).open).to.equal(false);
      const opened = evaluate(calendar, 'absences', 5, at('2027-03-27T23:00:00.000Z'));
      expect(opened.open).to.equal(true);
      // The day has 23 hours: the next midnight is at 22:00 UTC.
      expect(opened.nextChange).to.deep.equal({ at: '2027-03-28T22:00:00.000Z', open: false });
      expect(evaluate(calendar, 'absences', 5, at('2027-03-28T21:59:59.999Z')).open).to.equal(true);
      expect(evaluate(calendar, 'absences', 5, at('2027-03-28T22:00:00.000Z')).open).to.equal(false);
    });

    it('opens a rule starting on 25 October 2026 at 2026-10-24T22:00:00Z and ends it 25 hours later', () => {
      expect(evaluate(calendar, 'changes', 5, at('2026-10-24T21:59:59.999Z')).nextChange)
        .to.deep.equal({ at: '2026-10-24T22:00:00.000Z', open: true });
      expect(evaluate(calendar, 'changes', 5, at('2026-10-24T22:00:00.000Z')).open).to.equal(true);
      expect(evaluate(calendar, 'changes', 5, at('2026-10-25T22:59:59.999Z')).open).to.equal(true);
      expect(evaluate(calendar, 'changes', 5, at('2026-10-25T23:00:00.000Z')).open).to.equal(false);
    });
  });

  describe('closures', () => {
    it('beat an open rule, with the reason and the reopening date', () => {
      expect(evaluate(calendar, 'results.method', 4, at('2027-05-31T21:59:59.999Z')).open).to.equal(true);
      expect(evaluate(calendar, 'results.method', 4, at('2027-05-31T22:00:00.000Z'))).to.deep.equal({
        open: false,
        reason: { nl: 'Gesloten.', en: 'Closed.' },
        reopensOn: '2027-07-02',
        nextChange: { at: '2027-07-01T22:00:00.000Z', open: true },
      });
      expect(evaluate(calendar, 'results.method', 4, at('2027-07-01T21:59:59.999Z')).open).to.equal(false);
      expect(evaluate(calendar, 'results.method', 4, at('2027-07-01T22:00:00.000Z')).open).to.equal(true);
    });

    it('apply only to their sections', () => {
      expect(evaluate(calendar, 'personalia', 4, at('2027-06-15T10:00:00Z')).open).to.equal(true);
    });

    it('apply only to their groups', () => {
      const when = at('2027-02-20T10:00:00Z');
      expect(evaluate(calendar, 'results.lvs', 5, when)).to.deep.equal({
        open: true, nextChange: { at: '2027-05-31T22:00:00.000Z', open: false },
      });
      const groep8 = evaluate(calendar, 'results.lvs', 8, when);
      expect(groep8.open).to.equal(false);
      expect(groep8.reason?.en).to.equal('The advice conversation comes first.');
      expect(groep8.reopensOn).to.equal('2027-03-25');
      // The closure does not touch groep 8's method results.
      expect(evaluate(calendar, 'results.method', 8, when).open).to.equal(true);
    });

    it('apply to a child whose jaargroep is unknown (the strict answer)', () => {
      const when = at('2027-02-20T10:00:00Z');
      for (const group of [undefined, 0, 9, 5.5]) {
        expect(evaluate(calendar, 'results.lvs', group, when).open, `group ${group}`).to.equal(false);
        expect(evaluate(calendar, 'results.method', group, when).open, `group ${group}`).to.equal(true);
      }
    });

    it('without reopensOn close until the file changes', () => {
      const forGood = calendarFrom(`
open:
  - { id: a, sections: [absences], from: 2026-09-01 }
closures:
  - id: dicht
    from: 2027-01-01${REASON}
`);
      expect(evaluate(forGood, 'absences', 3, at('2030-01-01T00:00:00Z'))).to.deep.equal({
        open: false, reason: { nl: 'Gesloten.', en: 'Closed.' },
      });
    });

    it('name the day it really reopens when closures overlap', () => {
      const overlapping = calendarFrom(`
open:
  - { id: a, sections: [absences], from: 2026-09-01 }
closures:
  - id: eerste
    from: 2027-06-01
    reopensOn: 2027-06-10${REASON}
  - id: tweede
    from: 2027-06-05
    reopensOn: 2027-06-20
    reason: { nl: Tweede., en: Second. }
`);
      const decision = evaluate(overlapping, 'absences', 3, at('2027-06-07T10:00:00Z'));
      expect(decision.reason?.en).to.equal('Closed.');
      expect(decision.reopensOn).to.equal('2027-06-20');
      expect(evaluate(overlapping, 'absences', 3, at('2027-06-12T10:00:00Z')).reason?.en).to.equal('Second.');
    });
  });

  describe('end dates and group-limited openings', () => {
    const limited = calendarFrom(`
open:
  - id: advies
    sections: [results.lvs]
    groups: [7, 8]
    from: 2026-11-02
    closesOn: 2026-12-01
`);

    it('open from the start of from until the start of closesOn', () => {
      expect(evaluate(limited, 'results.lvs', 8, at('2026-11-01T22:59:59.999Z')).open).to.equal(false);
      expect(evaluate(limited, 'results.lvs', 8, at('2026-11-01T23:00:00.000Z'))).to.deep.equal({
        open: true, nextChange: { at: '2026-11-30T23:00:00.000Z', open: false },
      });
      expect(evaluate(limited, 'results.lvs', 8, at('2026-11-30T22:59:59.999Z')).open).to.equal(true);
      // Closed for good afterwards: no reopening date, no next change.
      expect(evaluate(limited, 'results.lvs', 8, at('2026-11-30T23:00:00.000Z'))).to.deep.equal({ open: false });
    });

    it('open only for their groups, never for an unknown group', () => {
      const when = at('2026-11-15T10:00:00Z');
      expect(evaluate(limited, 'results.lvs', 7, when).open).to.equal(true);
      expect(evaluate(limited, 'results.lvs', 6, when).open).to.equal(false);
      expect(evaluate(limited, 'results.lvs', undefined, when).open).to.equal(false);
    });

    it('give no reopening date when a closure ends after the opening has ended', () => {
      const ended = calendarFrom(`
open:
  - { id: a, sections: [absences], from: 2026-09-01, closesOn: 2027-06-15 }
closures:
  - id: dicht
    from: 2027-06-01
    reopensOn: 2027-07-02${REASON}
`);
      const decision = evaluate(ended, 'absences', 3, at('2027-06-05T10:00:00Z'));
      expect(decision.open).to.equal(false);
      expect(decision).not.to.have.property('reopensOn');
      expect(decision).not.to.have.property('nextChange');
    });
  });

  it('is pure: it never changes the calendar and gives the same answer every time', () => {
    const before = JSON.stringify(calendar);
    const when = at('2027-02-20T10:00:00Z');
    const first = evaluate(calendar, 'results.lvs', 8, when);
    first.reason!.nl = 'changed by a caller';
    expect(evaluate(calendar, 'results.lvs', 8, when).reason?.nl).to.equal('Eerst het adviesgesprek.');
    expect(JSON.stringify(calendar)).to.equal(before);
  });
});

import { expect } from 'chai';
import type { SectionPolicy } from '../../../gateway/routes/parent/section-policy.ts';
import { createSectionPolicy } from '../../../gateway/policy/section-policy.ts';
import { manualClock } from '../../support/clock.ts';
import { calendarFrom } from './support.ts';

const calendar = calendarFrom(`
open:
  - { id: resultaten, sections: [results.lvs, results.method], from: 2027-02-17 }
closures:
  - id: doorstroom
    sections: [results.lvs]
    groups: [8]
    from: 2027-02-01
    reopensOn: 2027-03-25
    reason: { nl: Eerst het gesprek., en: The conversation first. }
`);

describe('policy createSectionPolicy', () => {
  it('answers the parent pages with the calendar at the clock\'s now', () => {
    const clock = manualClock('2027-02-16T22:59:59Z');
    const policy = createSectionPolicy(() => calendar, clock);
    expect(policy.isOpen('results.method', { studentJaargroep: 5 })).to.deep.equal({ open: false, reopensOn: '2027-02-17', firstOpening: {} });
    clock.set('2027-02-16T23:00:00Z');
    expect(policy.isOpen('results.method', { studentJaargroep: 5 })).to.deep.equal({ open: true });
    expect(policy.isOpen('results.lvs', { studentJaargroep: 8 })).to.deep.equal({
      // Closed by a closure before it was ever open for groep 8: it opens then for the first time.
      open: false, reason: { nl: 'Eerst het gesprek.', en: 'The conversation first.' }, reopensOn: '2027-03-25', firstOpening: {},
    });
  });

  it('fits the parent router\'s SectionPolicy and asks for the calendar on every question', async () => {
    let current = calendar;
    const routerPolicy: SectionPolicy = createSectionPolicy(() => current, manualClock('2027-03-01T12:00:00Z'));
    expect(await routerPolicy.isOpen('personalia', { studentJaargroep: 3 })).to.deep.equal({ open: false });
    current = calendarFrom('open:\n  - { id: a, sections: [personalia], from: 2026-12-08 }\n');
    expect(await routerPolicy.isOpen('personalia', { studentJaargroep: 3 })).to.deep.equal({ open: true });
  });

  it('closes a section it does not know', () => {
    const policy = createSectionPolicy(() => calendar, manualClock('2027-03-01T12:00:00Z'));
    expect(policy.isOpen('grades', { studentJaargroep: 3 })).to.deep.equal({ open: false });
  });
});

import { expect } from 'chai';
import { evaluate } from '../../../gateway/policy/evaluate.ts';
import { createSectionPolicy } from '../../../gateway/policy/section-policy.ts';
import { SECTIONS } from '../../../gateway/policy/vocabulary.ts';
import { manualClock } from '../../support/clock.ts';
import { calendarFrom } from './support.ts';

const calendar = calendarFrom(`
open:
  - { id: admin, sections: [personalia, absences, changes], from: 2026-12-08 }
  - { id: resultaten, sections: [results.lvs, results.method], from: 2027-02-17 }
closures:
  - id: cito
    sections: [results.lvs]
    groups: [5, 6]
    from: 2027-03-28
    reopensOn: 2027-03-29
    reason: { nl: Cito wordt ingevoerd., en: Cito scores are being entered. }
`);

/** The answer as it was before answers were kept: evaluate() asked anew. */
function direct(section: string, group: number | undefined, at: Date) {
  const { open, reason, reopensOn, firstOpening } = evaluate(calendar, section, group, at);
  return { open, ...(reason ? { reason } : {}), ...(reopensOn ? { reopensOn } : {}), ...(firstOpening ? { firstOpening } : {}) };
}

const HALF_HOUR = 30 * 60_000;
const GROUPS = [undefined, 1, 5, 6, 8, 9];

describe('policy createSectionPolicy: answers kept per local day', () => {
  it('answers exactly as evaluate() does, every half hour across local midnights and a DST change, forwards and back', () => {
    // 16 Feb 22:00 UTC is 23:00 in Amsterdam, the evening before results open; 28 March 2027 is the
    // spring DST change (02:00 → 03:00) and also the Cito closure's day.
    const instants: number[] = [];
    for (let t = Date.parse('2027-02-16T21:00:00Z'); t <= Date.parse('2027-02-17T02:00:00Z'); t += HALF_HOUR) instants.push(t);
    for (let t = Date.parse('2027-03-27T21:00:00Z'); t <= Date.parse('2027-03-29T01:00:00Z'); t += HALF_HOUR) instants.push(t);
    // The exact edges of a local day, and the clock going back over one.
    instants.push(Date.parse('2027-02-16T22:59:59.999Z'), Date.parse('2027-02-16T23:00:00.000Z'), Date.parse('2027-02-16T22:59:59.999Z'));
    instants.push(Date.parse('2027-03-28T21:59:59.999Z'), Date.parse('2027-03-28T22:00:00.000Z'), Date.parse('2027-03-27T23:00:00.000Z'));
    const clock = manualClock('2027-02-16T21:00:00Z');
    const policy = createSectionPolicy(() => calendar, clock);
    for (const t of instants) {
      clock.set(new Date(t).toISOString());
      for (const section of SECTIONS) {
        for (const group of GROUPS) {
          const label = `${section} groep ${String(group)} at ${new Date(t).toISOString()}`;
          expect(policy.isOpen(section, { studentJaargroep: group }), label).to.deep.equal(direct(section, group, new Date(t)));
        }
      }
    }
  });

  it('takes a reloaded calendar at once, in the middle of a day', () => {
    let current = calendar;
    const clock = manualClock('2027-03-01T12:00:00Z');
    const policy = createSectionPolicy(() => current, clock);
    expect(policy.isOpen('results.lvs', { studentJaargroep: 5 })).to.deep.equal({ open: true });
    current = calendarFrom(`
open:
  - { id: admin, sections: [personalia], from: 2026-12-08 }
`);
    expect(policy.isOpen('results.lvs', { studentJaargroep: 5 })).to.deep.equal({ open: false });
    current = calendar;
    expect(policy.isOpen('results.lvs', { studentJaargroep: 5 })).to.deep.equal({ open: true });
  });

  it('hands out frozen answers, so a page cannot change the next page\'s', () => {
    const policy = createSectionPolicy(() => calendar, manualClock('2027-03-28T10:00:00Z'));
    const answer = policy.isOpen('results.lvs', { studentJaargroep: 5 });
    expect(answer.open).to.equal(false);
    expect(() => { (answer as { open: boolean }).open = true; }).to.throw(TypeError);
    expect(() => { (answer.reason as { nl: string }).nl = 'x'; }).to.throw(TypeError);
    expect(policy.isOpen('results.lvs', { studentJaargroep: 5 })).to.deep.equal(direct('results.lvs', 5, new Date('2027-03-28T10:00:00Z')));
  });

  it('still answers right when asked about more sections and groups than it keeps', () => {
    const policy = createSectionPolicy(() => calendar, manualClock('2027-03-01T12:00:00Z'));
    for (let n = 0; n < 400; n += 1) {
      expect(policy.isOpen(`unknown-${n}`, { studentJaargroep: 5 })).to.deep.equal({ open: false });
    }
    expect(policy.isOpen('results.method', { studentJaargroep: 5 })).to.deep.equal({ open: true });
    expect(policy.isOpen('results.method', { studentJaargroep: 123 })).to.deep.equal({ open: true });
  });
});

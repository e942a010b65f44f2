/** config/calendar.yaml says what the school's letter says (shared/DOMAIN.md §1). */
import { expect } from 'chai';
import { evaluate } from '../../../gateway/policy/evaluate.ts';
import { loadCalendarFile } from '../../../gateway/policy/parse-calendar.ts';
import { eventsBetween } from '../../../gateway/policy/transitions.ts';
import { DEMO_CALENDAR_FILE } from './support.ts';

const calendar = loadCalendarFile(DEMO_CALENDAR_FILE);
const open = (section: string, group: number, iso: string) => evaluate(calendar, section, group, new Date(iso)).open;

describe('the demo calendar (config/calendar.yaml)', () => {
  it('is for 2026-2027 in Europe/Amsterdam', () => {
    expect(calendar.timezone).to.equal('Europe/Amsterdam');
    expect(calendar.schoolYear).to.equal('2026-2027');
  });

  it('mails the invitations on 7 December, and holds the help moment on Monday 14 December 8.30–9.15', () => {
    const events = eventsBetween(calendar, new Date('2026-08-01T00:00:00Z'), new Date('2027-08-01T00:00:00Z'));
    const invitations = events.filter((e) => e.kind === 'invitations');
    expect(invitations.map((e) => e.localAt.slice(0, 10))).to.deep.equal(['2026-12-07']);
    const help = events.filter((e) => e.kind === 'help-moment');
    expect(help.map((e) => [e.localAt, e.until])).to.deep.equal([['2026-12-14T08:30', '2026-12-14T09:15']]);
    expect(events.some((e) => e.kind === 'reminder')).to.equal(true);
  });

  it('opens the administrative sections from 8 December', () => {
    for (const section of ['personalia', 'absences', 'changes']) {
      expect(open(section, 3, '2026-12-07T22:59:59Z'), section).to.equal(false);
      expect(open(section, 3, '2026-12-07T23:00:00Z'), section).to.equal(true);
    }
  });

  it('opens the results from 17 February', () => {
    for (const section of ['results.method', 'results.lvs']) {
      expect(open(section, 5, '2027-02-16T22:59:59Z'), section).to.equal(false);
      expect(open(section, 5, '2027-02-16T23:00:00Z'), section).to.equal(true);
    }
  });

  it('closes the results around the June report with the reason from the letter, reopening on the report date', () => {
    const decision = evaluate(calendar, 'results.lvs', 5, new Date('2027-06-10T10:00:00Z'));
    expect(decision.open).to.equal(false);
    expect(decision.reason?.nl).to.match(/verschillende\s+dagen afgenomen en ingevoerd/);
    expect(decision.reason?.en).to.match(/different days/).and.to.match(/different moments/);
    const closure = calendar.closures.find((c) => c.reopensOn === decision.reopensOn);
    expect(closure?.groups).to.equal(undefined);
    expect(open('results.lvs', 5, `${decision.reopensOn}T12:00:00Z`)).to.equal(true);
    expect(open('personalia', 5, '2027-06-10T10:00:00Z')).to.equal(true);
  });

  it('has one closure scoped to some jaargroepen', () => {
    const scoped = calendar.closures.filter((c) => c.groups !== undefined);
    expect(scoped).to.have.length(1);
    expect(open('results.lvs', 8, '2027-02-20T10:00:00Z')).to.equal(false);
    expect(open('results.lvs', 7, '2027-02-20T10:00:00Z')).to.equal(true);
  });
});

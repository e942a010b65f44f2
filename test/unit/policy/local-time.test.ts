import { expect } from 'chai';
import {
  addDays, instantOfLocalDateTime, isLocalDate, isLocalDateTime, isTimeZone, localDateOf, localDateTimeOf, startOfLocalDate,
} from '../../../gateway/policy/local-time.ts';

const AMS = 'Europe/Amsterdam';

describe('policy local time (Europe/Amsterdam)', () => {
  it('puts an instant on its local date, exactly at local midnight', () => {
    expect(localDateOf(new Date('2026-12-07T22:59:59.999Z'), AMS)).to.equal('2026-12-07');
    expect(localDateOf(new Date('2026-12-07T23:00:00.000Z'), AMS)).to.equal('2026-12-08');
    // Summer time: midnight is 22:00 UTC.
    expect(localDateOf(new Date('2027-06-30T21:59:59.999Z'), AMS)).to.equal('2027-06-30');
    expect(localDateOf(new Date('2027-06-30T22:00:00.000Z'), AMS)).to.equal('2027-07-01');
  });

  it('answers a day asked again and again (kept with its bounds) exactly as Intl does, up to the millisecond at each end', () => {
    const intlDate = (d: Date, tz: string) => new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
    // A short day (spring jump), a long day (autumn), a zone without DST and one at +05:45.
    for (const [tz, day] of [[AMS, '2027-03-28'], [AMS, '2026-10-25'], ['America/Sao_Paulo', '2026-12-07'], ['Asia/Kathmandu', '2026-12-07']] as const) {
      const from = startOfLocalDate(day, tz).getTime();
      const to = startOfLocalDate(addDays(day, 1), tz).getTime();
      const probes = [from + 3_600_000, from + 3_600_000, from, to - 1, to, from - 1, from + 7_200_000, to - 1, to, to + 1];
      for (const ms of probes) expect(localDateOf(new Date(ms), tz), `${tz} ${new Date(ms).toISOString()}`).to.equal(intlDate(new Date(ms), tz));
    }
  });

  it('finds local midnight on both DST changeover days and the days after', () => {
    expect(startOfLocalDate('2027-03-28', AMS).toISOString()).to.equal('2027-03-27T23:00:00.000Z');
    expect(startOfLocalDate('2027-03-29', AMS).toISOString()).to.equal('2027-03-28T22:00:00.000Z');
    expect(startOfLocalDate('2026-10-25', AMS).toISOString()).to.equal('2026-10-24T22:00:00.000Z');
    expect(startOfLocalDate('2026-10-26', AMS).toISOString()).to.equal('2026-10-25T23:00:00.000Z');
  });

  it('turns local times into instants, moving a time skipped by the spring jump forward', () => {
    expect(instantOfLocalDateTime('2026-12-12T08:30', AMS).toISOString()).to.equal('2026-12-12T07:30:00.000Z');
    expect(instantOfLocalDateTime('2027-03-28T01:59', AMS).toISOString()).to.equal('2027-03-28T00:59:00.000Z');
    expect(instantOfLocalDateTime('2027-03-28T02:30', AMS).toISOString()).to.equal('2027-03-28T01:30:00.000Z');
    expect(instantOfLocalDateTime('2027-03-28T03:00', AMS).toISOString()).to.equal('2027-03-28T01:00:00.000Z');
    expect(localDateTimeOf(new Date('2027-03-28T01:30:00Z'), AMS)).to.equal('2027-03-28T03:30');
  });

  it('takes the later of a time that happens twice in autumn', () => {
    expect(instantOfLocalDateTime('2026-10-25T02:30', AMS).toISOString()).to.equal('2026-10-25T01:30:00.000Z');
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).to.equal('2027-01-01');
    expect(addDays('2027-03-01', -1)).to.equal('2027-02-28');
    expect(addDays('2028-03-01', -1)).to.equal('2028-02-29');
  });

  it('accepts only real dates, times and zones', () => {
    expect(isLocalDate('2028-02-29')).to.equal(true);
    expect(isLocalDate('2027-02-29')).to.equal(false);
    expect(isLocalDate('2027-04-31')).to.equal(false);
    expect(isLocalDate('2027-2-17')).to.equal(false);
    expect(isLocalDateTime('2026-12-14T08:30')).to.equal(true);
    expect(isLocalDateTime('2026-12-12T24:00')).to.equal(false);
    expect(isLocalDateTime('2026-12-14 08:30')).to.equal(false);
    expect(isTimeZone('Europe/Amsterdam')).to.equal(true);
    expect(isTimeZone('Europe/Atlantis')).to.equal(false);
  });
});

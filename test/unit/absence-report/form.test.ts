/**
 * The absence report form's rules (issue #20 item 1): school days from the holidays, the cut-off
 * exactly at 08:15 local time (also on the day the clocks go forward), the next school day across
 * a weekend, ranges without weekends, and a message per field.
 */
import { expect } from 'chai';
import { parseAbsenceForm, pastCutoffFor, type AbsenceFormRules } from '../../../gateway/absence-report/form.ts';
import { createSchoolDays } from '../../../gateway/school-days/index.ts';

const HOLIDAYS = [{ name: { nl: 'Meivakantie', en: 'May holidays' }, from: '2027-04-26', to: '2027-04-30' }];
const schoolDays = createSchoolDays(HOLIDAYS, 'Europe/Amsterdam');
const REASONS = [{ code: 'ZIEK', label: { nl: 'Ziek', en: 'Ill' }, authorised: true }];

function rules(now: string, today: string): AbsenceFormRules {
  return { now: new Date(now), today, cutoff: '08:15', aheadDays: 14, reasons: REASONS, schoolDays };
}

describe('absence report: school days', () => {
  it('leaves out weekends and holidays', () => {
    expect(schoolDays.isSchoolDay('2027-03-06')).to.equal(false);
    expect(schoolDays.isSchoolDay('2027-04-28')).to.equal(false);
    expect(schoolDays.holidayOn('2027-04-28')?.name.nl).to.equal('Meivakantie');
    expect(schoolDays.between('2027-04-22', '2027-05-04')).to.deep.equal(['2027-04-22', '2027-04-23', '2027-05-03', '2027-05-04']);
    expect(schoolDays.next('2027-03-05'), 'Friday → Monday').to.equal('2027-03-08');
    expect(schoolDays.next('2027-04-23'), 'before the holiday → after it').to.equal('2027-05-03');
  });

  it('passes the cut-off exactly at 08:15 local time, in winter and summer time', () => {
    expect(schoolDays.pastCutoff(new Date('2027-03-02T07:14:59Z'), '2027-03-02', '08:15')).to.equal(false);
    expect(schoolDays.pastCutoff(new Date('2027-03-02T07:15:00Z'), '2027-03-02', '08:15')).to.equal(true);
    // Monday 29 March 2027, the day after the clocks went forward: 08:15 is 06:15 UTC.
    expect(schoolDays.pastCutoff(new Date('2027-03-29T06:14:59Z'), '2027-03-29', '08:15')).to.equal(false);
    expect(schoolDays.pastCutoff(new Date('2027-03-29T06:15:00Z'), '2027-03-29', '08:15')).to.equal(true);
  });
});

describe('absence report: the form', () => {
  const before = rules('2027-03-02T07:00:00Z', '2027-03-02');
  const after = rules('2027-03-02T07:20:00Z', '2027-03-02');

  it('takes today before the cut-off and refuses it after, without other errors', () => {
    const body = { when: 'today', dayPart: 'morning', reason: 'ZIEK' };
    expect(parseAbsenceForm(body, before)).to.deep.include({ ok: true, dates: ['2027-03-02'], dayPart: 'morning' });
    const late = parseAbsenceForm(body, after);
    expect(late).to.deep.include({ ok: false, pastCutoff: true, errors: {} });
    expect(pastCutoffFor(after, '2027-03-03'), 'tomorrow is not bound by today\'s cut-off').to.equal(false);
  });

  it('a range starting today after the cut-off is refused the same way', () => {
    const late = parseAbsenceForm({ when: 'range', from: '2027-03-02', to: '2027-03-04', dayPart: 'day', reason: 'ZIEK' }, after);
    expect(late).to.deep.include({ ok: false, pastCutoff: true });
  });

  it('on a Saturday "today" is no school day and the next school day is Monday', () => {
    const saturday = rules('2027-03-06T09:00:00Z', '2027-03-06');
    expect(parseAbsenceForm({ when: 'today', dayPart: 'day', reason: 'ZIEK' }, saturday))
      .to.deep.include({ ok: false, pastCutoff: false, errors: { when: ['absenceReport.errors.noSchoolToday'] } });
    expect(parseAbsenceForm({ when: 'tomorrow', dayPart: 'day', reason: 'ZIEK' }, saturday)).to.deep.include({ ok: true, dates: ['2027-03-08'] });
  });

  it('names each wrong field and keeps what was typed', () => {
    const parsed = parseAbsenceForm({ when: 'range', from: '2027-03-12', to: '2027-03-11', dayPart: 'evening', reason: '', note: ' hoofdpijn ' }, before);
    expect(parsed).to.deep.include({
      ok: false, pastCutoff: false,
      errors: { to: ['absenceReport.errors.beforeFrom'], dayPart: ['absenceReport.errors.dayPart'], reason: ['absenceReport.errors.reason'] },
    });
    expect(parsed.values).to.include({ from: '2027-03-12', to: '2027-03-11', note: 'hoofdpijn' });
    expect(parseAbsenceForm({ when: 'range', from: '2027-03-17', dayPart: 'day', reason: 'ZIEK' }, before), 'beyond 14 days')
      .to.deep.include({ ok: false, errors: { from: ['absenceReport.errors.tooFar'] } });
    expect(parseAbsenceForm({ when: 'soon', dayPart: 'day', reason: 'ZIEK' }, before))
      .to.deep.include({ ok: false, errors: { when: ['absenceReport.errors.when'] } });
  });
});

/** The leave form's rules (issue #20 item 2): ahead only, school days counted without holidays, a reason. */
import { expect } from 'chai';
import { parseLeaveForm } from '../../../gateway/leave/form.ts';
import { createSchoolDays } from '../../../gateway/school-days/index.ts';

const schoolDays = createSchoolDays([{ name: { nl: 'Meivakantie', en: 'May holidays' }, from: '2027-04-26', to: '2027-04-30' }], 'Europe/Amsterdam');
const rules = { today: '2027-03-02', schoolDays, lastDay: '2028-03-02' };

describe('leave: the form', () => {
  it('counts the school days, leaving out weekends and holidays', () => {
    expect(parseLeaveForm({ from: '2027-04-23', to: '2027-05-04', reason: 'bruiloft' }, rules)).to.deep.include({ ok: true, schoolDays: 3 });
    expect(parseLeaveForm({ from: '2027-03-08', to: '2027-03-19', reason: 'x' }, rules)).to.deep.include({ ok: true, schoolDays: 10 });
  });

  it('refuses today, the past, a range of holidays only, a last day before the first, and no reason', () => {
    expect(parseLeaveForm({ from: '2027-03-02', to: '2027-03-03', reason: 'x' }, rules)).to.deep.include({ errors: { from: ['leave.errors.notAhead'] } });
    expect(parseLeaveForm({ from: '2027-04-26', to: '2027-05-02', reason: 'x' }, rules)).to.deep.include({ errors: { from: ['leave.errors.onlyHolidays'] } });
    expect(parseLeaveForm({ from: '2027-03-10', to: '2027-03-09', reason: ' ' }, rules))
      .to.deep.include({ errors: { to: ['leave.errors.beforeFrom'], reason: ['leave.errors.reasonRequired'] } });
    expect(parseLeaveForm({ from: '10-03-2027', to: '2029-01-01', reason: 'x' }, rules))
      .to.deep.include({ errors: { from: ['leave.errors.date'], to: ['leave.errors.tooFar'] } });
  });
});

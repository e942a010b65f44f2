import { expect } from 'chai';
import { schoolYearOf } from '../../../gateway/sis/school-year.ts';

describe('schoolYearOf', () => {
  it('starts the school year on 1 August at local midnight in Amsterdam (CEST, UTC+2)', () => {
    expect(schoolYearOf(new Date('2026-07-31T21:59:59Z'))).to.deep.equal(
      { name: '2025-2026', from: '2025-08-01', to: '2026-07-31' },
    );
    expect(schoolYearOf(new Date('2026-07-31T22:00:00Z'))).to.deep.equal(
      { name: '2026-2027', from: '2026-08-01', to: '2027-07-31' },
    );
  });

  it('keeps January to July in the year that began the previous August', () => {
    expect(schoolYearOf(new Date('2027-01-01T00:30:00Z')).name).to.equal('2026-2027');
    expect(schoolYearOf(new Date('2026-12-31T23:30:00Z')).name).to.equal('2026-2027');
  });
});

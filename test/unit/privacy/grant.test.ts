import { expect } from 'chai';
import { grantAllows, type AccessGrant } from '../../../gateway/privacy/grant.ts';

const grant: AccessGrant = { sections: ['results.lvs'], until: '2027-07-31', reason: 'art. 1:377c BW', grantedBy: 'beheer', grantedAt: '2027-03-01T09:00:00Z' };

describe('limited access grants', () => {
  it('lets a full account see every section, a limited one only what was granted until its end date', () => {
    expect(grantAllows({ scope: 'full' }, 'personalia', '2027-03-01')).to.equal(true);
    expect(grantAllows({ scope: 'limited', grant }, 'results.lvs', '2027-07-31')).to.equal(true);
    expect(grantAllows({ scope: 'limited', grant }, 'results.lvs', '2027-08-01')).to.equal(false);
    expect(grantAllows({ scope: 'limited', grant }, 'personalia', '2027-03-01')).to.equal(false);
    expect(grantAllows({ scope: 'limited' }, 'results.lvs', '2027-03-01')).to.equal(false);
  });
});

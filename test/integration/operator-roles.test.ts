/**
 * Staff roles: administratie works the queue but may not open the pages that run the portal
 * (role beheer); the role is read from the staff directory on every request.
 */
import { expect } from 'chai';
import { hasRole } from '../../gateway/operators/roles.ts';
import { createTestApp } from '../support/app.ts';
import { DEMO_OPERATOR, operatorLogin } from '../support/operator.ts';

const NOW = '2027-03-01T10:00:00+01:00';
const withRoles = (roles: string[]) => ({
  operators: { accounts: [{ username: DEMO_OPERATOR.username, name: 'Administratie De Bron', demoPassword: DEMO_OPERATOR.password, roles }] },
});

describe('operator roles', function () {
  this.timeout(20_000);

  it('beheer includes administratie, not the other way round', () => {
    expect(hasRole(['beheer'], 'administratie')).to.equal(true);
    expect(hasRole(['administratie'], 'beheer')).to.equal(false);
    expect(hasRole(undefined, 'administratie')).to.equal(false);
  });

  it('refuses the status page to administratie, and opens it to beheer (the default role)', async () => {
    const admin = await operatorLogin(await createTestApp({ now: NOW, values: withRoles(['administratie']) }));
    const queue = await admin.agent.get('/beheer/wijzigingen');
    expect(queue.status).to.equal(200);
    // The navigation does not offer what the role cannot open.
    expect(queue.text).not.to.include('href="/beheer/status"');
    expect(queue.text).not.to.include('href="/beheer/audit"');
    const refused = await admin.agent.get('/beheer/status');
    expect(refused.status).to.equal(403);
    const beheer = await operatorLogin(await createTestApp({ now: NOW }));
    const status = await beheer.agent.get('/beheer/status');
    expect(status.status).to.equal(200);
    expect(status.text).to.include('href="/beheer/audit"');
  });
});

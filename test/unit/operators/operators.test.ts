import { expect } from 'chai';
import { loadConfig } from '../../../gateway/config/index.ts';
import { createOperatorDirectory, operatorSessionState } from '../../../gateway/operators/index.ts';
import { CHEAP_HASHER } from '../../support/app.ts';
import { configErrorOf, problemsOf } from '../../support/config-errors.ts';

const BASE = { school: { name: 'OBS Test', brin: '12AB' }, sis: { stack: [{ adapter: 'mock' }] } };
const load = (operators: unknown, demo: unknown = { enabled: false }) => loadConfig({ env: {}, values: { ...BASE, operators, demo } });

describe('operators: accounts from config', () => {
  it('accepts an argon2id hash, refuses a plain password field, a weak hash and a name twice', async () => {
    const hash = await CHEAP_HASHER.hashPassword('een lang wachtwoord voor beheer');
    expect(load({ accounts: [{ username: 'beheer', passwordHash: hash }] }).operators.accounts).to.have.length(1);
    expect(problemsOf(() => load({ accounts: [{ username: 'beheer', password: 'geheim' }] })).join('\n')).to.include('operators.accounts[0]');
    expect(problemsOf(() => load({ accounts: [{ username: 'beheer', passwordHash: '$2b$10$abcdefghijklmnopqrstuv' }] })).join('\n')).to.include('argon2id');
    expect(problemsOf(() => load({ accounts: [{ username: 'beheer' }] })).join('\n')).to.include('exactly one of passwordHash and demoPassword');
    expect(problemsOf(() => load({ accounts: [{ username: 'b1x', passwordHash: hash }, { username: 'b1x', passwordHash: hash }] })).join('\n')).to.include('twice');
  });

  it('refuses a demoPassword outside demo mode, at boot', () => {
    const config = load({ accounts: [{ username: 'beheer', demoPassword: 'appelflap met slagroom op het plein' }] });
    const error = configErrorOf(() => createOperatorDirectory(config.operators, { hasher: CHEAP_HASHER, demoEnabled: false }));
    expect(error.problems[0]).to.include('demoPassword: only allowed with demo.enabled');
  });

  it('authenticates by hash or demo password; unknown user and wrong password look the same', async () => {
    const hash = await CHEAP_HASHER.hashPassword('een lang wachtwoord voor beheer');
    const config = load({ accounts: [
      { username: 'beheer', name: 'Administratie', passwordHash: hash },
      { username: 'demo.beheerder', demoPassword: 'appelflap met slagroom op het plein' },
    ] }, { enabled: true });
    const directory = createOperatorDirectory(config.operators, { hasher: CHEAP_HASHER, demoEnabled: true });
    expect(await directory.authenticate('Beheer ', 'een lang wachtwoord voor beheer')).to.deep.equal({ username: 'beheer', name: 'Administratie', roles: ['beheer'] });
    expect(await directory.authenticate('demo.beheerder', 'appelflap met slagroom op het plein')).to.deep.equal({ username: 'demo.beheerder', name: 'demo.beheerder', roles: ['beheer'] });
    expect(await directory.authenticate('beheer', 'fout')).to.equal(undefined);
    expect(await directory.authenticate('niemand', 'een lang wachtwoord voor beheer')).to.equal(undefined);
    expect(directory.demoLogins).to.deep.equal([{ username: 'demo.beheerder', password: 'appelflap met slagroom op het plein', name: 'demo.beheerder' }]);
  });

  it('judges an operator session by its own idle and absolute limits', () => {
    const limits = { idleMs: 15 * 60_000, absoluteMs: 8 * 3600_000 };
    const at = (iso: string) => new Date(iso);
    const session = { createdAt: '2027-03-01T08:00:00Z', lastSeenAt: '2027-03-01T09:00:00Z' };
    expect(operatorSessionState(session, at('2027-03-01T09:15:00Z'), limits)).to.equal('ok');
    expect(operatorSessionState(session, at('2027-03-01T09:15:01Z'), limits)).to.equal('idle');
    expect(operatorSessionState({ ...session, lastSeenAt: '2027-03-01T16:00:00Z' }, at('2027-03-01T16:00:01Z'), limits)).to.equal('expired');
  });
});

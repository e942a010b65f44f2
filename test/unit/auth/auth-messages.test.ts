import { expect } from 'chai';
import { AUTH_MESSAGES } from '../../../gateway/auth/auth-messages.ts';
import { CHANGE_PASSWORD_REASON_MESSAGE_KEYS } from '../../../gateway/auth/change-password.ts';
import { FIRST_LOGIN_REASON_MESSAGE_KEYS } from '../../../gateway/auth/first-login.ts';
import { PASSWORD_REASON_MESSAGE_KEYS, POLICY_REASONS } from '../../../gateway/auth/password-policy.ts';
import { USERNAME_REASON_MESSAGE_KEYS, USERNAME_REASONS } from '../../../gateway/auth/username.ts';

describe('auth messages', () => {
  const everyKey = [
    ...POLICY_REASONS.map((r) => PASSWORD_REASON_MESSAGE_KEYS[r]),
    ...USERNAME_REASONS.map((r) => USERNAME_REASON_MESSAGE_KEYS[r]),
    ...Object.values(FIRST_LOGIN_REASON_MESSAGE_KEYS),
    ...Object.values(CHANGE_PASSWORD_REASON_MESSAGE_KEYS),
    'login.invalid',
  ];

  for (const locale of ['nl', 'en'] as const) {
    it(`has a ${locale} text for every reason the auth modules return`, () => {
      for (const key of everyKey) expect(AUTH_MESSAGES[locale][key], key).to.be.a('string').and.not.equal('');
    });
  }

  it('has the same keys and placeholders in Dutch and English', () => {
    expect(Object.keys(AUTH_MESSAGES.nl).sort()).to.deep.equal(Object.keys(AUTH_MESSAGES.en).sort());
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(AUTH_MESSAGES.nl)) {
      expect(placeholders(AUTH_MESSAGES.en[key] as string), key).to.deep.equal(placeholders(AUTH_MESSAGES.nl[key] as string));
    }
  });
});

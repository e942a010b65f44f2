import { expect } from 'chai';
import { checkEmail, checkHouseNumber, checkName, checkPhone, checkPostcode, phoneKey } from '../../../gateway/changes/dutch-values.ts';

const value = (c: { ok: boolean; value?: string; error?: string }) => (c.ok ? c.value : `!${c.error}`);

describe('changes: Dutch values', () => {
  it('postcode: four digits (no leading 0) and two letters, written "1234 AB"; never SA, SD or SS', () => {
    expect(['1234ab', '1234 AB', ' 1234  ab ', '9655WK'].map((v) => value(checkPostcode(v)))).to.deep.equal(['1234 AB', '1234 AB', '1234 AB', '9655 WK']);
    for (const bad of ['0123 AB', '123 AB', '12345 AB', '1234 A', '1234 A1', '1234 SS', '1234 sa', '1234 SD', '', 'AB 1234']) {
      expect(value(checkPostcode(bad)), bad).to.equal('!changes.errors.postcode');
    }
  });

  it('house number: a number with an optional addition', () => {
    expect(['12', '12a', '12 A', '12-2', '12 bis', '1 hs', '12/3'].map((v) => value(checkHouseNumber(v))))
      .to.deep.equal(['12', '12a', '12a', '12-2', '12-bis', '1-hs', '12-3']);
    for (const bad of ['0', 'a12', '', '123456', '12 a b']) expect(value(checkHouseNumber(bad)), bad).to.equal('!changes.errors.houseNumber');
  });

  it('phone: Dutch numbers in any usual writing, international ones with a country code', () => {
    expect([
      '06-12345678', '06 1234 5678', '0612345678', '+31 6 12345678', '+31 (0)6 1234 5678', '0031612345678',
      '020-1234567', '(020) 123 45 67', '+32 470 12 34 56', '0032470123456',
    ].map((v) => value(checkPhone(v)))).to.deep.equal([
      '06 12345678', '06 12345678', '06 12345678', '06 12345678', '06 12345678', '06 12345678',
      '0201234567', '0201234567', '+32470123456', '+32470123456',
    ]);
    for (const bad of ['06-123', '12345678901', '0012', 'bel me', '+31 6 1234', '', '06 123456789']) {
      expect(value(checkPhone(bad)), bad).to.equal('!changes.errors.phone');
    }
    expect(phoneKey('06 56686584')).to.equal(phoneKey('+31 6 5668 6584'));
  });

  it('e-mail: one @, a plausible domain; the domain lower-cased', () => {
    expect(value(checkEmail(' Ouder.Naam+school@Voorbeeld.NL '))).to.equal('Ouder.Naam+school@voorbeeld.nl');
    for (const bad of ['ouder@voorbeeld', 'ouder voorbeeld.nl', 'a@b@c.nl', '.a@b.nl', 'a..b@c.nl', '@c.nl', 'a@-b.nl', `${'a'.repeat(250)}@b.nl`]) {
      expect(checkEmail(bad).ok, bad).to.equal(false);
    }
  });

  it('names: letters first, usual punctuation, a length limit', () => {
    expect(value(checkName("  's-Gravensandeweg  ", 80))).to.equal("'s-Gravensandeweg");
    expect(value(checkName("'t Zand", 80))).to.equal("'t Zand");
    expect(value(checkName("'", 80))).to.equal('!changes.errors.name');
    expect(value(checkName('Van Welderenstraat', 80))).to.equal('Van Welderenstraat');
    expect(value(checkName('Ëlsa-Marie (oma)', 80))).to.equal('Ëlsa-Marie (oma)');
    expect(value(checkName('123', 80))).to.equal('!changes.errors.name');
    expect(value(checkName('a'.repeat(81), 80))).to.equal('!changes.errors.tooLong');
  });
});

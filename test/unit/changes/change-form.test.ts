import { expect } from 'chai';
import { CHANGE_FIELD_GROUPS, FIELD_GROUPS, formGroups, parseChangeForm } from '../../../gateway/changes/change-form.ts';
import { hasMessage, LOCALES } from '../../../gateway/i18n/translate.ts';

const ALL = CHANGE_FIELD_GROUPS;
const CURRENT = {
  street: 'Kwarteldreef', houseNumber: '87', postcode: '9655 WK', city: 'Leemdijk',
  phone: '06 56686584', email: 'ouder@example.org', emergencyName: 'oma', emergencyPhone: '06 46131072',
};

describe('changes: the form', () => {
  it('proposes only the groups that changed, a changed group whole, with the old values', () => {
    const parsed = parseChangeForm({ ...CURRENT, postcode: '9655wk', phone: '+31 6 1111 2222' }, ALL, CURRENT);
    expect(parsed).to.deep.include({ ok: true });
    expect(parsed.ok && parsed.fields).to.deep.equal([{ field: 'guardian.phone', old: '06 56686584', new: '06 11112222' }]);

    const moved = parseChangeForm({ ...CURRENT, street: 'Lindelaan', houseNumber: '3 B' }, ALL, CURRENT);
    expect(moved.ok && moved.fields.map((f) => `${f.field}=${f.new}`)).to.deep.equal([
      'child.address.street=Lindelaan', 'child.address.houseNumber=3b', 'child.address.postcode=9655 WK', 'child.address.city=Leemdijk',
    ]);
  });

  it('keeps the parent\'s input and gives one message per wrong input; an emptied known value is required', () => {
    const parsed = parseChangeForm({ ...CURRENT, postcode: '96 WK', email: '', emergencyPhone: 'oma bellen' }, ALL, CURRENT);
    expect(parsed.ok).to.equal(false);
    if (parsed.ok) return;
    expect(parsed.errors).to.deep.equal({ postcode: ['changes.errors.postcode'], email: ['form.required'], emergencyPhone: ['changes.errors.phone'] });
    expect(parsed.values).to.include({ postcode: '96 WK', email: '', emergencyPhone: 'oma bellen', street: 'Kwarteldreef' });
  });

  it('needs something changed; inputs left out of the post count as unchanged', () => {
    expect(parseChangeForm({ ...CURRENT }, ALL, CURRENT)).to.deep.include({ ok: false, errors: { form: ['changes.errors.nothingChanged'] } });
    expect(parseChangeForm({}, ALL, CURRENT)).to.deep.include({ ok: false, errors: { form: ['changes.errors.nothingChanged'] } });
    const one = parseChangeForm({ email: 'nieuw@example.org' }, ALL, CURRENT);
    expect(one.ok && one.fields).to.deep.equal([{ field: 'guardian.email', old: 'ouder@example.org', new: 'nieuw@example.org' }]);
  });

  it('lets a parent fill in what the school does not know yet, and ignores groups left empty', () => {
    const parsed = parseChangeForm({ phone: '06 12345678', street: '', houseNumber: '', postcode: '', city: '' }, ALL, { email: 'x@example.org' });
    expect(parsed.ok && parsed.fields).to.deep.equal([{ field: 'guardian.phone', new: '06 12345678' }]);
  });

  it('reads only the groups the school enabled', () => {
    const parsed = parseChangeForm({ ...CURRENT, street: 'Lindelaan', phone: '06 12345678' }, ['phone'], CURRENT);
    expect(parsed.ok && parsed.fields.map((f) => f.field)).to.deep.equal(['guardian.phone']);
    expect(formGroups(['email'], CURRENT).map((g) => g.inputs.map((i) => i.name))).to.deep.equal([['email']]);
  });

  it('cuts absurdly long input before checking or echoing it', () => {
    const parsed = parseChangeForm({ ...CURRENT, city: 'x'.repeat(5000) }, ALL, CURRENT);
    expect(!parsed.ok && parsed.values.city).to.have.length(300);
  });

  it('has every label, hint and message in both languages', () => {
    const keys = Object.values(FIELD_GROUPS).flatMap((g) => [g.legendKey, ...g.inputs.flatMap((i) => [i.labelKey, ...(i.hintKey ? [i.hintKey] : [])])]);
    keys.push(...['postcode', 'houseNumber', 'phone', 'email', 'name', 'tooLong', 'nothingChanged', 'formExpired'].map((k) => `changes.errors.${k}`));
    keys.push(...['submitted', 'in_progress', 'processed', 'rejected'].map((s) => `changes.status.${s}`));
    keys.push(...Object.values(FIELD_GROUPS).flatMap((g) => g.inputs.map((i) => `changes.mailField.${i.field}`)));
    for (const key of keys) for (const locale of LOCALES) expect(hasMessage(locale, key), `${key} ${locale}`).to.equal(true);
  });
});

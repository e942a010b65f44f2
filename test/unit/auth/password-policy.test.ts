import { expect } from 'chai';
import {
  checkNewPassword, DEFAULT_MAX_LENGTH, PASSWORD_REASON_MESSAGE_KEYS, POLICY_REASONS,
} from '../../../gateway/auth/password-policy.ts';
import type { PolicyResult } from '../../../gateway/auth/password-policy.ts';
import { createWordList } from '../../../gateway/auth/blocklist.ts';

const context = {
  username: 'jdevries',
  email: 'j.devries@example.nl',
  names: ['Jan de Vries', 'Floortje de Vries'],
  schoolName: 'OBS De Bron',
};

function reasons(result: PolicyResult): string[] {
  return result.ok ? [] : result.reasons;
}

describe('checkNewPassword', () => {
  describe('length', () => {
    it('requires 15 characters for a password-only account', () => {
      expect(reasons(checkNewPassword('vlinder in mei'))).to.deep.equal(['too_short']); // 14
      expect(checkNewPassword('vlinders in mei')).to.deep.equal({ ok: true }); // 15
    });

    it('requires 8 with a second factor', () => {
      expect(checkNewPassword('Kq9!vB2x', { minLength: 8 })).to.deep.equal({ ok: true });
      expect(reasons(checkNewPassword('Kq9!vB2', { minLength: 8 }))).to.deep.equal(['too_short']);
    });

    it('allows at least 64 and by default up to 128 characters', () => {
      const long = 'de kat van de buren zit graag op ons dak als de zon schijnt, ook in de winter als het vriest!';
      expect([...long].length).to.be.greaterThan(64);
      expect(checkNewPassword(long)).to.deep.equal({ ok: true });
      const max = 'Kq9!vB2x'.repeat(16);
      expect(reasons(checkNewPassword(`${max}z`))).to.deep.equal(['too_long']);
      expect(DEFAULT_MAX_LENGTH).to.equal(128);
    });

    it('counts Unicode code points after NFKC, not UTF-16 units', () => {
      // 15 emoji are 30 UTF-16 units but 15 characters.
      const emoji = '😀😁😂🤣😃😄😅😆😉😊😋😎😍😘🥰';
      expect(emoji.length).to.equal(30);
      expect(checkNewPassword(emoji)).to.deep.equal({ ok: true });
      expect(reasons(checkNewPassword(emoji.slice(0, 28)))).to.deep.equal(['too_short']);
      // "e" + combining acute is one character after NFKC.
      const decomposed = 'cafe\u0301 op de hoek!!';
      expect(decomposed.length).to.equal(18);
      expect(reasons(checkNewPassword(decomposed, { minLength: 18 }))).to.deep.equal(['too_short']);
      expect(checkNewPassword(decomposed, { minLength: 17 })).to.deep.equal({ ok: true });
    });

    it('refuses limits that break NIST SP 800-63B-4', () => {
      expect(() => checkNewPassword('whatever it is really', { minLength: 6 })).to.throw(RangeError);
      expect(() => checkNewPassword('whatever it is really', { maxLength: 63 })).to.throw(RangeError);
    });

    it('has no composition rules', () => {
      expect(checkNewPassword('alleen kleine letters hier')).to.deep.equal({ ok: true });
      expect(checkNewPassword('7h#Kq9!vB2@xLm4$')).to.deep.equal({ ok: true });
    });
  });

  describe('blocklist', () => {
    for (const pw of ['wachtwoordwachtwoord', 'Wachtwoord2026!!!!', 'W@chtw00rd2026!!!', 'welkomwelkomwelkom',
      'Feyenoord!!!!!!!!!!', 'Ajax1900Ajax1900!', 'zomer 2026 voetbal!', 'ikhouvanjou123456', 'PASSWORD1234567!',
      'Ouderportaal2026!!', 'Parnassys12345678', 'Zondag 12 januari 2026']) {
      it(`refuses ${JSON.stringify(pw)}`, () => {
        expect(reasons(checkNewPassword(pw))).to.include('blocklisted');
      });
    }

    for (const pw of ['mijn fiets staat bij de bakker', 'ik hou van pannenkoeken met stroop',
      'Paard Batterij Nietje Correct', 'wachtwoord is een raar woord voor dit', 'welkom in ons nieuwe huis aan zee']) {
      it(`allows the passphrase ${JSON.stringify(pw)}`, () => {
        expect(checkNewPassword(pw)).to.deep.equal({ ok: true });
      });
    }

    it('takes extra words, e.g. from the school configuration', () => {
      const extra = createWordList(['klimrek']);
      expect(checkNewPassword('Klimrek!2026klimrek')).to.deep.equal({ ok: true });
      expect(reasons(checkNewPassword('Klimrek!2026klimrek', { extraWords: extra }))).to.include('blocklisted');
    });
  });

  describe('context words', () => {
    it("refuses the child's name with trivial variation", () => {
      expect(reasons(checkNewPassword('Floortje2015Floortje', { context }))).to.deep.equal(['context_word']);
      expect(checkNewPassword('Floortje2015Floortje')).to.deep.equal({ ok: true });
    });

    it("refuses the school's name, whole or in parts", () => {
      expect(reasons(checkNewPassword('debron2026debron!', { context }))).to.deep.equal(['context_word']);
      expect(reasons(checkNewPassword('OBS De Bron 2026 !!', { context }))).to.deep.equal(['context_word']);
    });

    it("refuses a combination of the family's names", () => {
      expect(reasons(checkNewPassword('Jan de Vries 1984 !!', { context }))).to.deep.equal(['context_word']);
    });

    it('refuses a password containing the username or e-mail name', () => {
      expect(reasons(checkNewPassword('jdevries-is-mijn-naam', { context }))).to.deep.equal(['contains_username']);
      expect(reasons(checkNewPassword('hallo J.DeVries hoe gaat het', { context }))).to.deep.equal(['contains_username']);
    });

    it('does not look for a very short username inside a phrase', () => {
      const ctx = { username: 'jan' };
      expect(checkNewPassword('januari is koud en nat buiten', { context: ctx })).to.deep.equal({ ok: true });
      expect(reasons(checkNewPassword('jan1234567890!!jan', { context: ctx }))).to.include('context_word');
    });

    it('allows a long phrase that mentions a name among other words', () => {
      expect(checkNewPassword('Floortje fietst elke ochtend naar de bron', { context })).to.deep.equal({ ok: true });
    });
  });

  describe('predictable strings', () => {
    for (const pw of ['aaaaaaaaaaaaaaa', 'abcabcabcabcabcab', 'correcthorsecorrecthorse', '1212121212121212', 'xyxyxyxyzzzyyyxxx']) {
      it(`refuses the repetitive ${JSON.stringify(pw)}`, () => {
        expect(reasons(checkNewPassword(pw))).to.include('repetitive');
      });
    }

    for (const pw of ['123456789012345', 'qwertyuiopasdfgh', '1q2w3e4r5t6y7u8i', 'zyxwvutsrqponmlk', '9876543210987654']) {
      it(`refuses the sequential ${JSON.stringify(pw)}`, () => {
        expect(reasons(checkNewPassword(pw))).to.include('sequential');
      });
    }
  });

  describe('message keys', () => {
    it('maps every reason to a password.* i18n key', () => {
      for (const reason of POLICY_REASONS) {
        expect(PASSWORD_REASON_MESSAGE_KEYS[reason]).to.equal(`password.${reason}`);
      }
    });
  });
});

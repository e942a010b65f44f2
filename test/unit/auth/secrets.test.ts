import { createHash } from 'node:crypto';
import { expect } from 'chai';
import {
  canonicalInitialSecret, constantTimeEqual, DEFAULT_INITIAL_SECRET_FORMAT, generateInitialSecret, generateToken,
  hashInitialSecret, hashSecret, INITIAL_SECRET_ALPHABET, initialSecretBits, issueInitialSecret, MIN_SECRET_BITS,
  verifyInitialSecret, verifySecret,
} from '../../../gateway/auth/secrets.ts';

describe('secrets', () => {
  describe('generateToken', () => {
    it('makes 256-bit base64url tokens by default, all different', () => {
      const tokens = new Set(Array.from({ length: 200 }, () => generateToken()));
      expect(tokens.size).to.equal(200);
      for (const token of tokens) {
        expect(token).to.match(/^[A-Za-z0-9_-]{43}$/);
        expect(Buffer.from(token, 'base64url')).to.have.length(32);
      }
    });

    it('refuses fewer than 128 bits', () => {
      expect(generateToken(16)).to.have.length(22);
      expect(() => generateToken(15)).to.throw(RangeError);
    });
  });

  describe('generateInitialSecret', () => {
    it('is 5 groups of 5 from an alphabet without look-alikes', () => {
      const secret = generateInitialSecret();
      expect(secret).to.match(/^[23456789ABCDEFGHJKMNPQRSTWXYZ]{5}(-[23456789ABCDEFGHJKMNPQRSTWXYZ]{5}){4}$/);
      for (const confusable of '01ILOUV') expect(INITIAL_SECRET_ALPHABET).to.not.include(confusable);
    });

    it('has at least 112 bits of entropy, and refuses a format with less', () => {
      expect(initialSecretBits(DEFAULT_INITIAL_SECRET_FORMAT)).to.be.at.least(MIN_SECRET_BITS);
      expect(() => generateInitialSecret({ groups: 4, groupLength: 5 })).to.throw(RangeError);
    });

    it('uses the whole alphabet about evenly', () => {
      const counts = new Map<string, number>();
      for (let i = 0; i < 400; i++) {
        for (const ch of generateInitialSecret().replaceAll('-', '')) counts.set(ch, (counts.get(ch) ?? 0) + 1);
      }
      expect(counts.size).to.equal(INITIAL_SECRET_ALPHABET.length);
      // 10,000 draws over 29 symbols: ~345 each; a biased generator falls far outside this band.
      for (const n of counts.values()) expect(n).to.be.within(250, 450);
    });
  });

  describe('hashing and comparing', () => {
    it('stores SHA-256 hex with a scheme prefix', () => {
      const expected = createHash('sha256').update('abc').digest('hex');
      expect(hashSecret('abc')).to.equal(`sha256:${expected}`);
    });

    it('accepts the initial secret however the parent types it', () => {
      const { secret, hash } = issueInitialSecret(new Date('2026-03-01T09:00:00Z'));
      expect(hash).to.equal(hashInitialSecret(secret));
      expect(verifyInitialSecret(secret, hash)).to.equal(true);
      expect(verifyInitialSecret(secret.toLowerCase(), hash)).to.equal(true);
      expect(verifyInitialSecret(secret.replaceAll('-', ' '), hash)).to.equal(true);
      expect(verifyInitialSecret(` ${secret.replaceAll('-', '')} `, hash)).to.equal(true);
      expect(canonicalInitialSecret('ab-cd ef_gh')).to.equal('ABCDEFGH');
    });

    it('refuses a different secret, a missing hash and a foreign hash', () => {
      const { secret, hash } = issueInitialSecret(new Date('2026-03-01T09:00:00Z'));
      const other = generateInitialSecret();
      expect(verifyInitialSecret(other, hash)).to.equal(false);
      expect(verifyInitialSecret(secret, undefined)).to.equal(false);
      expect(verifySecret(secret, createHash('sha256').update(secret).digest('hex'))).to.equal(false);
      expect(verifySecret('x', '')).to.equal(false);
    });

    it('constantTimeEqual compares strings of any length', () => {
      expect(constantTimeEqual('abc', 'abc')).to.equal(true);
      expect(constantTimeEqual('abc', 'abd')).to.equal(false);
      expect(constantTimeEqual('abc', 'abcd')).to.equal(false);
      expect(constantTimeEqual('', '')).to.equal(true);
    });
  });

  describe('issueInitialSecret', () => {
    it('expires after two weeks by default, or the hours given', () => {
      const now = new Date('2026-03-01T09:00:00Z');
      expect(issueInitialSecret(now).expiresAt).to.equal('2026-03-15T09:00:00.000Z');
      expect(issueInitialSecret(now, { validForHours: 48 }).expiresAt).to.equal('2026-03-03T09:00:00.000Z');
      expect(() => issueInitialSecret(now, { validForHours: 0 })).to.throw(RangeError);
    });
  });
});

import { expect } from 'chai';
import {
  createPasswordHasher, defaultHasher, hashPassword, needsRehash, OWASP_ARGON2ID, verifyDummy, verifyPassword,
} from '../../../gateway/auth/password-hash.ts';
import { CHEAP_ARGON2, cheapHasher } from './auth-test-support.ts';

/** The m, t, p parameters of a PHC string, whatever order the binding writes them in. */
function paramsOf(hash: string): Record<string, string> {
  const params = hash.split('$')[3] ?? '';
  return Object.fromEntries(params.split(',').map((kv) => kv.split('=')));
}

describe('password-hash', () => {
  const hasher = cheapHasher();

  it('hashes with argon2id into a PHC string with the configured params', async () => {
    const hash = await hasher.hashPassword('mijn fiets staat bij de bakker');
    expect(hash).to.match(/^\$argon2id\$v=19\$/);
    expect(paramsOf(hash)).to.deep.equal({ m: '1024', t: '1', p: '1' });
    expect(await hasher.verifyPassword(hash, 'mijn fiets staat bij de bakker')).to.equal(true);
    expect(await hasher.verifyPassword(hash, 'mijn fiets staat bij de bakker!')).to.equal(false);
  });

  it('salts: the same password hashes differently each time', async () => {
    const [a, b] = await Promise.all([hasher.hashPassword('zelfde wachtzin'), hasher.hashPassword('zelfde wachtzin')]);
    expect(a).to.not.equal(b);
  });

  it('defaults to the OWASP argon2id cost (19 MiB, t=2, p=1)', async () => {
    expect(OWASP_ARGON2ID).to.deep.equal({ memoryCost: 19456, timeCost: 2, parallelism: 1 });
    expect(defaultHasher.params).to.deep.equal(OWASP_ARGON2ID);
    const hash = await hashPassword('de standaard kosten kloppen');
    expect(paramsOf(hash)).to.deep.equal({ m: '19456', t: '2', p: '1' });
    expect(await verifyPassword(hash, 'de standaard kosten kloppen')).to.equal(true);
    expect(needsRehash(hash)).to.equal(false);
  });

  it('normalises to NFKC, so composed and decomposed input are the same password', async () => {
    const hash = await hasher.hashPassword('café op de hoek');
    expect(await hasher.verifyPassword(hash, 'cafe\u0301 op de hoek')).to.equal(true);
  });

  it('returns false, never throws, for malformed or foreign hashes', async () => {
    const good = await hasher.hashPassword('iets geheims hier');
    const cases = [
      '', 'not a hash', '$argon2id$v=19$m=1024,t=1,p=1$', good.slice(0, -5) + '!!!!!',
      good.replace('argon2id', 'argon2i'), '$scrypt$ln=15,r=8,p=1$c2FsdA$aGFzaA',
      '$2b$12$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234',
    ];
    for (const hash of cases) expect(await hasher.verifyPassword(hash, 'iets geheims hier'), hash).to.equal(false);
    expect(await hasher.verifyPassword(undefined as unknown as string, 'x')).to.equal(false);
  });

  it('refuses to verify a hash demanding absurd resources (a planted hash cannot exhaust memory)', async () => {
    const good = await hasher.hashPassword('iets geheims hier');
    const greedy = good.replace('m=1024', 'm=4194304');
    expect(greedy).to.not.equal(good);
    expect(await hasher.verifyPassword(greedy, 'iets geheims hier')).to.equal(false);
  });

  it('refuses over-long input without hashing it', async () => {
    const hash = await hasher.hashPassword('x'.repeat(1025));
    expect(await hasher.verifyPassword(hash, 'x'.repeat(1025))).to.equal(false);
  });

  it('needsRehash: true for other params, other algorithms and garbage', async () => {
    const cheap = await hasher.hashPassword('iets geheims hier');
    expect(hasher.needsRehash(cheap)).to.equal(false);
    expect(createPasswordHasher({ ...CHEAP_ARGON2, timeCost: 2 }).needsRehash(cheap)).to.equal(true);
    expect(needsRehash(cheap)).to.equal(true);
    expect(hasher.needsRehash('$scrypt$ln=15,r=8,p=1$c2FsdA$aGFzaA')).to.equal(true);
    expect(hasher.needsRehash('garbage')).to.equal(true);
  });

  it('verifyDummy always answers false', async () => {
    expect(await hasher.verifyDummy('anything')).to.equal(false);
    expect(await hasher.verifyDummy('')).to.equal(false);
    expect(await verifyDummy('mijn fiets staat bij de bakker')).to.equal(false);
  });

  it('verifyDummy costs about what a real verification costs', async function () {
    this.timeout(30_000);
    // Median of a few runs at the production cost, so that the cost difference being measured
    // (one argon2 run vs none) dwarfs scheduling noise on a busy machine.
    const hash = await hashPassword('een echt wachtwoord hier');
    await verifyDummy('warm-up: the dummy hash is made on first use');
    const median = async (fn: () => Promise<unknown>): Promise<number> => {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const start = process.hrtime.bigint();
        await fn();
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      return times.sort((a, b) => a - b)[2] as number;
    };
    const real = await median(() => verifyPassword(hash, 'een fout wachtwoord hier'));
    const dummy = await median(() => verifyDummy('een fout wachtwoord hier'));
    expect(dummy / real).to.be.within(0.5, 2);
  });
});

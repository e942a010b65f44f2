import { expect } from 'chai';
import {
  builtInWordList, composedOfListedWords, createWordList, MAX_DISTINCT_WORDS, parseWordListText,
} from '../../../gateway/auth/blocklist.ts';
import { isRepetitive, isSequential, smallestPeriod } from '../../../gateway/auth/predictable.ts';

const lists = (words: string[]) => [{ tag: 'list' as const, list: createWordList(words) }];

describe('blocklist', () => {
  describe('parseWordListText', () => {
    it('drops comments and blank lines and trims', () => {
      expect(parseWordListText('# header\nwelkom\n\n  geheim  \r\n# more\n')).to.deep.equal(['welkom', 'geheim']);
    });
  });

  describe('createWordList', () => {
    it('folds case and accents and skips entries too short to mean anything', () => {
      const list = createWordList(['Één', 'ab', 'Café', 'cafe']);
      expect(list.size).to.equal(2); // "een", "cafe" (twice)
      expect(list.matchesAt([...'een'], 0)).to.deep.equal([{ word: 'een', end: 3 }]);
    });

    it('matches common substitutions, longest first', () => {
      const list = createWordList(['wacht', 'wachtwoord']);
      expect(list.matchesAt([...'w@chtw00rd!'], 0)).to.deep.equal([
        { word: 'wachtwoord', end: 10 },
        { word: 'wacht', end: 5 },
      ]);
    });
  });

  describe('the built-in lists', () => {
    it('hold common, Dutch and school words', () => {
      const list = builtInWordList();
      for (const word of ['password', 'qwerty', 'wachtwoord', 'welkom', 'voetbal', 'feyenoord', 'woensdag', 'september',
        'ouderportaal', 'parnassys', 'leerling', 'meester', 'juf', 'groep']) {
        expect(list.matchesAt([...word], 0).map((m) => m.word), word).to.include(word);
      }
      expect(list.size).to.be.greaterThan(900);
    });
  });

  describe('composedOfListedWords', () => {
    it('finds a word padded with digits and punctuation', () => {
      expect(composedOfListedWords('Welkom2026!!!', lists(['welkom']))).to.deep.equal([{ word: 'welkom', tag: 'list' }]);
      expect(composedOfListedWords('!!2026 welkom', lists(['welkom']))).to.deep.equal([{ word: 'welkom', tag: 'list' }]);
    });

    it('finds repeated words and pairs of words', () => {
      expect(composedOfListedWords('welkomWELKOMwelkom', lists(['welkom']))).to.have.length(1);
      expect(composedOfListedWords('zomer_voetbal-2026', lists(['zomer', 'voetbal']))).to.have.length(2);
    });

    it(`stops at ${MAX_DISTINCT_WORDS} distinct words: more is a passphrase`, () => {
      expect(composedOfListedWords('zomer voetbal strand', lists(['zomer', 'voetbal', 'strand']))).to.equal(undefined);
    });

    it('needs every letter to belong to a listed word', () => {
      expect(composedOfListedWords('welkomx2026', lists(['welkom']))).to.equal(undefined);
      expect(composedOfListedWords('mijn welkom', lists(['welkom']))).to.equal(undefined);
    });

    it('does not call digits alone a word', () => {
      expect(composedOfListedWords('20262026', lists(['welkom']))).to.equal(undefined);
    });

    it('backtracks when the longest reading does not work out', () => {
      // "zomerstrand" is listed, but "zomer" + "strandbal" is the only complete reading.
      const result = composedOfListedWords('zomerstrandbal', lists(['zomer', 'zomerstrand', 'strandbal']));
      expect(result?.map((r) => r.word)).to.deep.equal(['zomer', 'strandbal']);
    });
  });
});

describe('predictable strings', () => {
  it('smallestPeriod finds the repeating unit', () => {
    expect(smallestPeriod([...'abcabcab'])).to.equal(3);
    expect(smallestPeriod([...'abcd'])).to.equal(4);
  });

  it('isRepetitive: few distinct characters, or a short unit repeated', () => {
    expect(isRepetitive('aaaaaaaaaaaaaaa', 15)).to.equal(true);
    expect(isRepetitive('aabbaabbaabbcc', 15)).to.equal(true);
    expect(isRepetitive('correcthorsecorrecthorse', 15)).to.equal(true);
    // A unit that would pass alone passes repeated.
    expect(isRepetitive('Kq9!vB2x Kq9!vB2x ', 8)).to.equal(false);
    expect(isRepetitive('mijn fiets staat bij de bakker', 15)).to.equal(false);
  });

  it('isSequential: runs along the alphabet, digits or keyboard', () => {
    expect(isSequential('abcdefghijklmnop')).to.equal(true);
    expect(isSequential('0987654321098765')).to.equal(true);
    expect(isSequential('asdfghjklkjhgfds')).to.equal(true);
    expect(isSequential('1qaz2wsx3edc4rfv')).to.equal(true);
    expect(isSequential('abcd1234abcd1234')).to.equal(true);
    expect(isSequential('mijn fiets staat bij de bakker')).to.equal(false);
    expect(isSequential('de kat van de buren')).to.equal(false);
  });
});

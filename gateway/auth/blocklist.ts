/**
 * Blocklist matching for new passwords (NIST SP 800-63B-4: reject values known to be commonly
 * used, expected or compromised, and context-specific words).
 *
 * A password is refused when its letters are made up entirely of at most two distinct listed
 * words — whatever digits, punctuation or spaces surround or separate them, in any case, with
 * accents dropped and common letter substitutions undone. So "Wachtwoord2026!!!!",
 * "welkomwelkomwelkom", "W@chtw00rd" and "zomer 2026 voetbal" are refused, while a passphrase
 * that merely contains a listed word ("mijn fiets staat bij de bakker") passes: its other words
 * are not on the list.
 *
 * The word lists are plain text under ./blocklist/ (one entry per line, # comments) so they can be
 * reviewed and extended without touching code; a build that copies gateway/ to dist must copy
 * them too.
 */
import { readFileSync } from 'node:fs';
import { compactForMatching, foldForMatching } from './text-fold.ts';

export const BUILT_IN_LISTS = ['common', 'dutch', 'school'] as const;

/** Shorter words would let almost any string be split into "listed words". */
export const MIN_WORD_LENGTH = 3;
/** More distinct words than this make a passphrase, not a trivial variation of a word. */
export const MAX_DISTINCT_WORDS = 2;

/** What a character may stand for besides itself (p@ssw0rd, l1efde, $chat). */
const SUBSTITUTES: Readonly<Record<string, readonly string[]>> = {
  '0': ['o'], '1': ['i', 'l'], '3': ['e'], '4': ['a'], '5': ['s'], '7': ['t'], '8': ['b'], '9': ['g'],
  '@': ['a'], '$': ['s'], '!': ['i', 'l'], '|': ['i', 'l'], '+': ['t'], '€': ['e'],
};

interface TrieNode {
  children: Map<string, TrieNode>;
  /** The listed word ending here, if any. */
  word?: string;
}

export interface WordList {
  readonly size: number;
  /** Every listed word that starts at `pos` in `text`, allowing substitutions. */
  matchesAt(text: readonly string[], pos: number): Array<{ word: string; end: number }>;
}

export function createWordList(words: Iterable<string>): WordList {
  const root: TrieNode = { children: new Map() };
  let size = 0;
  for (const raw of words) {
    const word = compactForMatching(raw);
    if ([...word].length < MIN_WORD_LENGTH) continue;
    let node = root;
    for (const ch of word) {
      let next = node.children.get(ch);
      if (!next) {
        next = { children: new Map() };
        node.children.set(ch, next);
      }
      node = next;
    }
    if (node.word === undefined) size += 1;
    node.word = word;
  }

  return {
    size,
    matchesAt(text, pos) {
      const found: Array<{ word: string; end: number }> = [];
      const walk = (node: TrieNode, i: number): void => {
        if (node.word !== undefined && i > pos) found.push({ word: node.word, end: i });
        const ch = text[i];
        if (ch === undefined) return;
        for (const candidate of [ch, ...(SUBSTITUTES[ch] ?? [])]) {
          const next = node.children.get(candidate);
          if (next) walk(next, i + 1);
        }
      };
      walk(root, pos);
      // Longest first: the likeliest reading, found without backtracking in the common case.
      return found.sort((a, b) => b.end - a.end);
    },
  };
}

/** Parses a list file: one entry per line, blank lines and # comments ignored. */
export function parseWordListText(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

let builtIn: WordList | undefined;

/** The lists shipped in ./blocklist/, read once. */
export function builtInWordList(): WordList {
  if (!builtIn) {
    const words = BUILT_IN_LISTS.flatMap((name) =>
      parseWordListText(readFileSync(new URL(`./blocklist/${name}.txt`, import.meta.url), 'utf8')));
    builtIn = createWordList(words);
  }
  return builtIn;
}

const isLetter = (ch: string): boolean => /\p{L}/u.test(ch);

/**
 * The listed words (at most MAX_DISTINCT_WORDS distinct) that together with non-letters make up
 * the whole of `password`, or undefined when it is not so made up. Each list is tagged so the
 * caller can tell which kind of word was found.
 */
export function composedOfListedWords<Tag extends string>(
  password: string,
  lists: ReadonlyArray<{ tag: Tag; list: WordList }>,
): Array<{ word: string; tag: Tag }> | undefined {
  // Whitespace and separators carry no information; letters, digits and symbols that may stand
  // for letters stay.
  const text = [...foldForMatching(password).replace(/[\s\-_.,;:'"`~]+/gu, '')];
  const dead = new Set<string>();

  const search = (pos: number, used: Array<{ word: string; tag: Tag }>): typeof used | undefined => {
    if (pos === text.length) return used.length > 0 ? used : undefined;
    const memoKey = `${pos}|${used.map((u) => `${u.tag}:${u.word}`).sort().join(',')}`;
    if (dead.has(memoKey)) return undefined;
    for (const { tag, list } of lists) {
      for (const { word, end } of list.matchesAt(text, pos)) {
        const known = used.some((u) => u.word === word);
        if (!known && used.length >= MAX_DISTINCT_WORDS) continue;
        const result = search(end, known ? used : [...used, { word, tag }]);
        if (result) return result;
      }
    }
    // Anything that is not a letter may be padding ("2026", "!!!", "#").
    const ch = text[pos];
    if (ch !== undefined && !isLetter(ch)) {
      const result = search(pos + 1, used);
      if (result) return result;
    }
    dead.add(memoKey);
    return undefined;
  };

  return search(0, []);
}

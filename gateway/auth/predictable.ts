/**
 * Obviously predictable strings that no word list can hold: repetition ("aaaaaaaaaaaaaaa",
 * "abcabcabcabcabc") and runs along the alphabet, the digits or the keyboard
 * ("123456789012345", "qwertyuiopasdfg", "1q2w3e4r5t6y7u8").
 *
 * Thresholds are set so that ordinary text never trips them: in a phrase, well under half of the
 * neighbouring character pairs are repeats or neighbours; a run needs nearly all of them.
 */
import { foldForMatching } from './text-fold.ts';

/** Share of neighbouring pairs that must be trivial steps for the whole to count as a run. */
const RUN_SHARE = 0.8;
/** Fewer distinct characters than this in the whole password is repetition. */
const MIN_DISTINCT = 4;

const ORDERED = ['abcdefghijklmnopqrstuvwxyz', '01234567890'];
const KEYBOARD_ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** Pairs "ab" meaning b may follow a as a trivial step (both directions are added). */
const STEPS: ReadonlySet<string> = (() => {
  const steps = new Set<string>();
  const add = (a: string | undefined, b: string | undefined): void => {
    if (a === undefined || b === undefined) return;
    steps.add(a + b);
    steps.add(b + a);
  };
  for (const seq of ORDERED) for (let i = 1; i < seq.length; i++) add(seq[i - 1], seq[i]);
  // Keys touching on a staggered keyboard: same row left/right, and the row below shifted half a
  // key right, so key c of a row touches keys c-1 and c of the row below.
  KEYBOARD_ROWS.forEach((row, r) => {
    const below = KEYBOARD_ROWS[r + 1];
    for (let c = 0; c < row.length; c++) {
      add(row[c], row[c + 1]);
      if (below) {
        if (c > 0) add(row[c], below[c - 1]);
        add(row[c], below[c]);
      }
    }
  });
  return steps;
})();

function chars(password: string): string[] {
  return [...foldForMatching(password).replace(/\s+/gu, '')];
}

/** The shortest p such that the text repeats itself every p characters, or its full length. */
export function smallestPeriod(text: readonly string[]): number {
  for (let p = 1; p <= text.length / 2; p++) {
    let periodic = true;
    for (let i = p; i < text.length && periodic; i++) periodic = text[i] === text[i - p];
    if (periodic) return p;
  }
  return text.length;
}

function isRun(text: readonly string[]): boolean {
  if (text.length < 3) return false;
  let trivial = 0;
  for (let i = 1; i < text.length; i++) {
    const a = text[i - 1] as string;
    const b = text[i] as string;
    if (a === b || STEPS.has(a + b)) trivial += 1;
  }
  return trivial / (text.length - 1) >= RUN_SHARE;
}

/**
 * True for too few distinct characters, or for a short unit repeated ("abcabc…",
 * "correcthorsecorrecthorse" when the unit alone would be too short to pass).
 */
export function isRepetitive(password: string, minLength: number): boolean {
  const text = chars(password);
  if (new Set(text).size < MIN_DISTINCT) return true;
  const period = smallestPeriod(text);
  return period < text.length && period < minLength;
}

/** True for runs along the alphabet, digits or keyboard, or a repeated unit that is one. */
export function isSequential(password: string): boolean {
  const text = chars(password);
  if (isRun(text)) return true;
  const period = smallestPeriod(text);
  return period < text.length && isRun(text.slice(0, period));
}

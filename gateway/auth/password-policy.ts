/**
 * Rules for a password a parent chooses, after NIST SP 800-63B-4 §3.1.1.2:
 * a minimum length (15 for password-only accounts, 8 with a second factor), at least 64 allowed,
 * any characters (counted as Unicode code points after NFKC), no composition rules, and a check
 * against common, Dutch, school and context-specific words and obviously predictable strings.
 *
 * The result is reason codes; the UI turns them into sentences via PASSWORD_REASON_MESSAGE_KEYS.
 */
import { builtInWordList, composedOfListedWords, createWordList, MIN_WORD_LENGTH } from './blocklist.ts';
import type { WordList } from './blocklist.ts';
import { isRepetitive, isSequential } from './predictable.ts';
import { codePointLength, compactForMatching, foldForMatching, normalizePassword } from './text-fold.ts';

export const PASSWORD_ONLY_MIN_LENGTH = 15;
export const WITH_SECOND_FACTOR_MIN_LENGTH = 8;
export const DEFAULT_MAX_LENGTH = 128;
/** NIST: verifiers SHALL permit at least 64 characters. */
export const MAX_LENGTH_FLOOR = 64;
/** Below this a username or e-mail name is too short to look for inside a password. */
const MIN_CONTAINED_IDENTIFIER = 4;

export const POLICY_REASONS = [
  'too_short',
  'too_long',
  'blocklisted',
  'context_word',
  'contains_username',
  'repetitive',
  'sequential',
] as const;
export type PolicyReason = (typeof POLICY_REASONS)[number];

/** i18n keys; the texts (nl, en) are in ./password-messages.ts. */
export const PASSWORD_REASON_MESSAGE_KEYS: Readonly<Record<PolicyReason, string>> = Object.freeze({
  too_short: 'password.too_short',
  too_long: 'password.too_long',
  blocklisted: 'password.blocklisted',
  context_word: 'password.context_word',
  contains_username: 'password.contains_username',
  repetitive: 'password.repetitive',
  sequential: 'password.sequential',
});

/** Who the password belongs to: words an attacker who knows the parent would try first. */
export interface PasswordContext {
  username?: string;
  email?: string;
  /** The parent's and the children's names. */
  names?: string[];
  schoolName?: string;
}

export interface PasswordPolicyOptions {
  /** 15 for password-only accounts (the default), 8 when a second factor is in use. */
  minLength?: number;
  maxLength?: number;
  context?: PasswordContext;
  /** More words to refuse, e.g. from the school's configuration. */
  extraWords?: WordList;
}

export type PolicyResult = { ok: true } | { ok: false; reasons: PolicyReason[] };

/** Context words: whole values and their parts ("OBS De Bron" → obsdebron, debron, bron, obs). */
function contextWords(context: PasswordContext): string[] {
  const phrases = [
    context.username,
    context.email?.split('@')[0],
    ...(context.names ?? []),
    context.schoolName,
  ].filter((p): p is string => typeof p === 'string' && p.trim() !== '');
  const words = new Set<string>();
  for (const phrase of phrases) {
    words.add(compactForMatching(phrase));
    const parts = foldForMatching(phrase).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    for (const part of parts) words.add(part);
    // Adjacent pairs cover Dutch name prefixes: "de Vries" → "devries", "van Dijk" → "vandijk".
    for (let i = 1; i < parts.length; i++) words.add(`${parts[i - 1]}${parts[i]}`);
  }
  return [...words].filter((w) => codePointLength(w) >= MIN_WORD_LENGTH);
}

function containsIdentifier(compactPassword: string, context: PasswordContext): boolean {
  const identifiers = [context.username, context.email?.split('@')[0]]
    .filter((v): v is string => typeof v === 'string')
    .map(compactForMatching)
    .filter((v) => codePointLength(v) >= MIN_CONTAINED_IDENTIFIER);
  return identifiers.some((id) => compactPassword.includes(id));
}

function validateLimits(minLength: number, maxLength: number): void {
  if (!Number.isInteger(minLength) || minLength < WITH_SECOND_FACTOR_MIN_LENGTH) {
    throw new RangeError(`minLength must be an integer >= ${WITH_SECOND_FACTOR_MIN_LENGTH}, got ${minLength}`);
  }
  if (!Number.isInteger(maxLength) || maxLength < Math.max(MAX_LENGTH_FLOOR, minLength)) {
    throw new RangeError(`maxLength must be an integer >= ${MAX_LENGTH_FLOOR} and >= minLength, got ${maxLength}`);
  }
}

export function checkNewPassword(password: string, options: PasswordPolicyOptions = {}): PolicyResult {
  const minLength = options.minLength ?? PASSWORD_ONLY_MIN_LENGTH;
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  validateLimits(minLength, maxLength);
  const context = options.context ?? {};
  const normalized = normalizePassword(password);
  const length = codePointLength(normalized);

  const reasons: PolicyReason[] = [];
  if (length < minLength) reasons.push('too_short');
  if (length > maxLength) {
    // Nothing else is worth computing on an over-long input.
    return { ok: false, reasons: [...reasons, 'too_long'] };
  }
  if (length === 0) return { ok: false, reasons };

  if (containsIdentifier(compactForMatching(normalized), context)) reasons.push('contains_username');

  const lists: Array<{ tag: 'context' | 'blocklist'; list: WordList }> = [
    { tag: 'context', list: createWordList(contextWords(context)) },
    { tag: 'blocklist', list: builtInWordList() },
  ];
  if (options.extraWords) lists.push({ tag: 'blocklist', list: options.extraWords });
  const words = composedOfListedWords(normalized, lists);
  if (words) {
    const reason = words.some((w) => w.tag === 'context') ? 'context_word' : 'blocklisted';
    if (!(reason === 'context_word' && reasons.includes('contains_username'))) reasons.push(reason);
  }

  if (isRepetitive(normalized, minLength)) reasons.push('repetitive');
  else if (isSequential(normalized)) reasons.push('sequential');

  return reasons.length === 0 ? { ok: true } : { ok: false, reasons };
}

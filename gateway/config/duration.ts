/**
 * Durations in config: "30s", "15m", "1h", "7d", "1h30m", "250ms", or a plain number of seconds.
 * Out comes milliseconds, the unit every timer and Date sum in the gateway uses.
 */
import { z } from 'zod';

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/y;
const PLAIN_NUMBER = /^\d+(?:\.\d+)?$/;

export const DURATION_HINT = 'expected a duration like "30s", "15m", "1h", "7d" or a number of seconds';

/** Milliseconds, or undefined when the value is not a duration. */
export function tryParseDuration(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? Math.round(value * 1000) : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (PLAIN_NUMBER.test(text)) return Math.round(Number(text) * 1000);
  if (text === '') return undefined;
  let total = 0;
  PART.lastIndex = 0;
  while (PART.lastIndex < text.length) {
    const match = PART.exec(text);
    if (!match) return undefined;
    total += Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  }
  return Math.round(total);
}

/** Milliseconds; throws a RangeError on anything that is not a duration. */
export function parseDuration(value: string | number): number {
  const ms = tryParseDuration(value);
  if (ms === undefined) throw new RangeError(`${DURATION_HINT}, got ${JSON.stringify(value)}`);
  return ms;
}

/** A config duration: accepts the forms above, yields milliseconds. */
export const duration = () =>
  z.union([z.string(), z.number()], { error: DURATION_HINT }).transform((value, ctx) => {
    const ms = tryParseDuration(value);
    if (ms === undefined) {
      ctx.issues.push({ code: 'custom', message: DURATION_HINT, input: value });
      return z.NEVER;
    }
    return ms;
  });

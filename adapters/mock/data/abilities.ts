/**
 * A pupil's hidden aptitude, from which all their results follow: a general ability, a level
 * per subject correlated with it, and a slow drift per subject so that children grow at
 * different speeds. Values are in standard deviations of the national spread.
 */
import { Prng } from './prng.ts';

export interface Aptitude {
  general: number;
  /** Per LVS subject: level and drift per school year. */
  subjects: Record<string, { level: number; drift: number }>;
}

export function aptitudeOf(seed: number, studentId: string, subjects: readonly string[]): Aptitude {
  const prng = new Prng(seed, `aptitude:${studentId}`);
  const general = prng.gauss();
  const entries = subjects.map((subject) => [
    subject,
    { level: 0.65 * general + 0.75 * prng.gauss(), drift: 0.12 * prng.gauss() },
  ] as const);
  return { general, subjects: Object.fromEntries(entries) };
}

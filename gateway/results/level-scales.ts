/**
 * The two national level scales of the LVS (DOMAIN.md §2). A school reports in one of them; the
 * other may still arrive in the SIS's results, and is then shown as it is, with its scale named.
 */

export const LEVEL_SCALE_IDS = ['AE', 'IV'] as const;
export type LevelScaleId = (typeof LEVEL_SCALE_IDS)[number];

export interface LevelScale {
  id: LevelScaleId;
  /** Best level first. */
  levels: readonly string[];
  /** How a parent reads the scale's name: "A–E". */
  label: string;
}

export const LEVEL_SCALES: Readonly<Record<LevelScaleId, LevelScale>> = Object.freeze({
  // A top 25 %, B next 25 %, C next 25 %, D next 15 %, E lowest 10 % (Cito).
  AE: { id: 'AE', levels: ['A', 'B', 'C', 'D', 'E'], label: 'A–E' },
  // Five bands of 20 %, I highest.
  IV: { id: 'IV', levels: ['I', 'II', 'III', 'IV', 'V'], label: 'I–V' },
});

export function otherScale(id: LevelScaleId): LevelScaleId {
  return id === 'AE' ? 'IV' : 'AE';
}

/** A level as written in a result's reference score for this scale ("AE": "B"), if any. */
export function levelIn(referenceScores: ReadonlyArray<{ code: string; value: string }>, scale: LevelScaleId): string | undefined {
  const value = referenceScores.find((s) => s.code.trim().toUpperCase() === scale)?.value.trim();
  return value ? value : undefined;
}

export interface ShownLevel {
  value: string;
  /** Set when the result carries only the scale the school does not use: its label ("I–V"). */
  otherScale?: string;
}

/**
 * The level to show for a result: on the school's scale; a result that has only the other scale
 * keeps its own value, marked with that scale — it is never converted, as the scales' bands differ.
 */
export function shownLevel(referenceScores: ReadonlyArray<{ code: string; value: string }>, scale: LevelScaleId): ShownLevel | undefined {
  const own = levelIn(referenceScores, scale);
  if (own) return { value: own };
  const other = levelIn(referenceScores, otherScale(scale));
  return other ? { value: other, otherScale: LEVEL_SCALES[otherScale(scale)].label } : undefined;
}

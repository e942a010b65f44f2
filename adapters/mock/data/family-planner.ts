/**
 * Lays out every family of the school before any person is drawn: the fixed persona families
 * first, then random families until the school has its number of current pupils, with the
 * jaargroepen filled evenly.
 */
import { CHILDREN_WEIGHTS, PERSONA_FAMILIES, RANDOM_SHAPE_WEIGHTS, type PlannedFamily } from './family-plan.ts';
import { Prng } from './prng.ts';

/** Siblings are at least two jaargroepen apart, so their birth dates are plausibly far apart. */
const SIBLING_GAP = 2;

function evenSlots(pupils: number): Map<number, number> {
  const slots = new Map<number, number>();
  for (let j = 1; j <= 8; j++) slots.set(j, Math.floor(pupils / 8) + (j <= pupils % 8 ? 1 : 0));
  return slots;
}

function take(slots: Map<number, number>, jaargroep: number): void {
  slots.set(jaargroep, Math.max(0, (slots.get(jaargroep) ?? 0) - 1));
}

/** A free slot drawn in proportion to the free slots per jaargroep, away from the siblings. */
function drawJaargroep(prng: Prng, slots: Map<number, number>, siblings: number[]): number | undefined {
  const open = [...slots].filter(([j, n]) => n > 0 && siblings.every((s) => Math.abs(s - j) >= SIBLING_GAP));
  const total = open.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return undefined;
  let r = prng.int(0, total - 1);
  for (const [j, n] of open) {
    if (r < n) return j;
    r -= n;
  }
  return undefined;
}

export function planFamilies(seed: number, pupils: number): PlannedFamily[] {
  const slots = evenSlots(pupils);
  const plan: PlannedFamily[] = PERSONA_FAMILIES.map((f) => ({ ...f, jaargroepen: [...f.jaargroepen] }));
  for (const family of plan) family.jaargroepen.forEach((j) => take(slots, j));

  const prng = new Prng(seed, 'plan');
  let remaining = [...slots.values()].reduce((a, b) => a + b, 0);
  while (remaining > 0) {
    const shape = prng.weighted(RANDOM_SHAPE_WEIGHTS);
    const wanted = Number(prng.weighted(CHILDREN_WEIGHTS));
    const jaargroepen: number[] = [];
    while (jaargroepen.length < wanted) {
      const j = drawJaargroep(prng, slots, jaargroepen);
      if (j === undefined) break;
      take(slots, j);
      jaargroepen.push(j);
    }
    if (jaargroepen.length === 0) {
      // With no siblings placed yet every free slot qualifies, so this cannot happen while slots remain.
      throw new Error('family planner could not place a child');
    }
    remaining -= jaargroepen.length;
    plan.push({ shape, jaargroepen: jaargroepen.sort((a, b) => b - a) });
  }
  return plan;
}

/**
 * Which families the demo school has. The first families follow a fixed plan so the demo
 * personas exist for every seed, at fixed positions (and therefore with fixed ids); the rest are
 * drawn at random with the weights below.
 */

/**
 * - twoParent: two parents at one address, both with gezag.
 * - separated: two addresses, both with gezag, the child lives with the first.
 * - coParent: as separated, but the child lives with both (co-ouderschap).
 * - singleParent: one parent with gezag.
 * - stepParent: a parent with gezag and a stepparent (relation other) without, at one address.
 * - noGezag: the mother has gezag; the father, elsewhere, has none.
 * - voogd: a court-appointed guardian.
 * - secretAddress: separated, and the first parent's address and phone are secret.
 */
export type FamilyShape =
  | 'twoParent' | 'separated' | 'coParent' | 'singleParent' | 'stepParent' | 'noGezag' | 'voogd'
  | 'secretAddress';

export type PersonaKey =
  | 'twoChildren' | 'separatedA' | 'separatedB' | 'newParent' | 'noGezag' | 'voogd' | 'secretAddress'
  | 'noEmail';

export interface PlannedFamily {
  shape: FamilyShape;
  /** Jaargroepen of the current children. */
  jaargroepen: number[];
  /** Personas by guardian position in the family. */
  personas?: Partial<Record<PersonaKey, number>>;
  /** The first guardian gave the school no e-mail address. */
  noEmail?: boolean;
  /** A child who has left: `leftAfterGroep8` last summer, or `movedAway` during last school year. */
  departed?: 'leftAfterGroep8' | 'movedAway';
}

export const PERSONA_FAMILIES: readonly PlannedFamily[] = [
  { shape: 'twoParent', jaargroepen: [4, 7], personas: { twoChildren: 0 } },
  { shape: 'separated', jaargroepen: [5], personas: { separatedA: 0, separatedB: 1 } },
  { shape: 'twoParent', jaargroepen: [1], personas: { newParent: 0 } },
  { shape: 'noGezag', jaargroepen: [6], personas: { noGezag: 1 } },
  { shape: 'voogd', jaargroepen: [3], personas: { voogd: 0 } },
  { shape: 'secretAddress', jaargroepen: [6], personas: { secretAddress: 0 } },
  { shape: 'singleParent', jaargroepen: [8], personas: { noEmail: 0 }, noEmail: true },
  { shape: 'twoParent', jaargroepen: [2], departed: 'leftAfterGroep8' },
  { shape: 'singleParent', jaargroepen: [], departed: 'movedAway' },
];

export const RANDOM_SHAPE_WEIGHTS: Readonly<Record<FamilyShape, number>> = {
  twoParent: 64,
  separated: 13,
  coParent: 6,
  singleParent: 7,
  stepParent: 6,
  noGezag: 2,
  voogd: 1,
  secretAddress: 1,
};

/** Number of current children in a random family. */
export const CHILDREN_WEIGHTS: Readonly<Record<'1' | '2' | '3', number>> = { 1: 82, 2: 16, 3: 2 };

/** Chances applied per random guardian. */
export const GUARDIAN_CHANCES = {
  noEmail: 0.03,
  secretPhone: 0.015,
  workPhone: 0.25,
} as const;

/** Chances applied per pupil. */
export const PUPIL_CHANCES = {
  emergencyContact: 0.8,
  homePhone: 0.3,
  /** Joined from another school after groep 1. */
  transferredIn: 0.12,
  genderX: 0.005,
} as const;

/**
 * The glossary ids the results page marks. The school's file may leave any out: the page then
 * shows the word without an explanation (config/glossary.yaml has them all).
 */
import type { LevelScaleId } from './level-scales.ts';

export const PAGE_TERMS = {
  methodetoets: 'methodetoets',
  lvsToets: 'lvs-toets',
  vaardigheidsscore: 'vaardigheidsscore',
  toetsmoment: 'toetsmoment',
  doorstroomtoets: 'doorstroomtoets',
  referentieniveau: 'referentieniveau',
} as const;

export const SCALE_TERMS: Readonly<Record<LevelScaleId, string>> = { AE: 'niveau-a-e', IV: 'niveau-i-v' };

/** Reference score codes (see ReferenceScore in the adapter contract) and the term that explains each. */
export const REFERENCE_TERMS: Readonly<Record<string, string>> = {
  PERCENTIEL: 'percentiel',
  DLE: 'dle',
  DL: 'dl',
  FN: 'functioneringsniveau',
  REF: 'referentieniveau',
  AVI: 'avi',
};

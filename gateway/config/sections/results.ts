/** `results`: how the results page tells its story — the school's level scale, level bands and glossary. */
import { z } from 'zod';
import { LEVEL_SCALE_IDS } from '../../results/level-scales.ts';

export const resultsSection = z.strictObject({
  /** The national level scale the school reports in. */
  levelScale: z.enum(LEVEL_SCALE_IDS),
  /** YAML file with the level boundaries per test and moment; relative paths count from the working directory. */
  levelBands: z.string().min(1).optional(),
  /** YAML file with the jargon explained in Dutch and English; relative paths count from the working directory. */
  glossary: z.string().min(1),
});

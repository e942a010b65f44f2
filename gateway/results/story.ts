/**
 * What the results page needs beyond the SIS's records, loaded once at boot from the `results`
 * config: the school's level scale, the level bands behind the growth charts, and the glossary.
 *
 *   createParentRouter({ …, results: loadResultsStory(config.results) })
 */
import type { Glossary } from './glossary.ts';
import { loadGlossary } from './glossary.ts';
import { loadLevelBands, type LevelBands } from './level-bands.ts';
import type { LevelScaleId } from './level-scales.ts';

export interface ResultsSettings {
  levelScale: LevelScaleId;
  levelBands?: string;
  glossary: string;
}

export interface ResultsStory {
  levelScale: LevelScaleId;
  bands: LevelBands;
  glossary: Glossary;
}

/** Reads both files; an invalid one throws a CONFIG_INVALID error naming the file and key. */
export function loadResultsStory(settings: Readonly<ResultsSettings>): ResultsStory {
  return {
    levelScale: settings.levelScale,
    bands: loadLevelBands(settings.levelBands),
    glossary: loadGlossary(settings.glossary),
  };
}

/** The demo school's results story (config/demo.yaml `results` over the defaults), for tests that render results. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadResultsStory } from '../../../gateway/results/story.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export const demoResultsStory = loadResultsStory({
  levelScale: 'AE',
  levelBands: path.join(REPO_ROOT, 'config/level-bands.demo.yaml'),
  glossary: path.join(REPO_ROOT, 'config/glossary.yaml'),
});

/**
 * config/level-bands.demo.yaml is invented, but it must agree with the mock SIS's invented norms:
 * for every test, moment and whole score, the band a score falls in is the level the mock reports.
 */
import { expect } from 'chai';
import {
  LVS_SUBJECTS, levelAE, levelIV, meanAt, momentsOf, percentile,
} from '../../../adapters/mock/data/lvs-norms.ts';
import { bandsFor } from '../../../gateway/results/level-bands.ts';
import { LEVEL_SCALES, type LevelScaleId } from '../../../gateway/results/level-scales.ts';
import { demoResultsStory } from './demo-story.ts';

function bandOf(score: number, bounds: readonly number[], scale: LevelScaleId): string {
  const index = bounds.findIndex((b) => score >= b);
  return LEVEL_SCALES[scale].levels[index < 0 ? bounds.length : index] as string;
}

describe('results: the demo level bands', () => {
  it('put every whole score of every demo test and moment in the level the mock SIS gives it', () => {
    let checked = 0;
    for (const subject of LVS_SUBJECTS) {
      for (let jaargroep = subject.fromJaargroep; jaargroep <= 8; jaargroep++) {
        for (const moment of momentsOf(jaargroep)) {
          const query = { family: 'Cito LiB', subject: subject.subject, moment, jaargroep };
          const ae = bandsFor(demoResultsStory.bands, query, 'AE');
          const iv = bandsFor(demoResultsStory.bands, query, 'IV');
          expect(ae, `${subject.subject} ${moment}${jaargroep} AE`).to.have.length(4);
          expect(iv, `${subject.subject} ${moment}${jaargroep} IV`).to.have.length(4);
          const mean = meanAt(subject, jaargroep, moment);
          for (let score = Math.floor(mean - 4 * subject.sd); score <= mean + 4 * subject.sd; score++) {
            const pct = percentile(subject, jaargroep, moment, score);
            expect(bandOf(score, ae!, 'AE'), `${subject.subject} ${moment}${jaargroep} ${score}`).to.equal(levelAE(pct));
            expect(bandOf(score, iv!, 'IV'), `${subject.subject} ${moment}${jaargroep} ${score}`).to.equal(levelIV(pct));
            checked++;
          }
        }
      }
    }
    expect(checked).to.be.greaterThan(2000);
  });
});
